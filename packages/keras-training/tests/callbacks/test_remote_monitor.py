"""`RemoteMonitor` against a local HTTP server on 127.0.0.1 (no outside network)."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import numpy as np
import pytest
from fakes import FakeModel, run_fit

from keras.callbacks import RemoteMonitor


class Recorder(BaseHTTPRequestHandler):
    requests: list[dict[str, Any]] = []  # noqa: RUF012 - shared by the handler instances of one test

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        Recorder.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Recorder.requests = []
    httpd = HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_posts_form_encoded_json(server: str) -> None:
    monitor = RemoteMonitor(root=server, headers={"X-Run": "7"})
    run_fit([monitor], FakeModel(), [{"loss": np.float32(0.5)}, {"loss": 0.25}])
    assert [r["path"] for r in Recorder.requests] == ["/publish/epoch/end/"] * 2
    first = Recorder.requests[0]
    assert first["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert first["headers"]["X-Run"] == "7"
    form = urllib.parse.parse_qs(first["body"])
    assert json.loads(form["data"][0]) == {"epoch": 0, "loss": 0.5}


def test_posts_a_json_body(server: str) -> None:
    monitor = RemoteMonitor(root=server, path="/log", field="ignored", send_as_json=True)
    run_fit([monitor], FakeModel(), [{"loss": 1.0, "val_loss": 2.0}])
    (request,) = Recorder.requests
    assert request["path"] == "/log"
    assert request["headers"]["Content-Type"] == "application/json"
    assert json.loads(request["body"]) == {"epoch": 0, "loss": 1.0, "val_loss": 2.0}


def test_unreachable_server_warns() -> None:
    monitor = RemoteMonitor(root="http://127.0.0.1:1")  # nothing listens on port 1
    with pytest.warns(
        UserWarning, match=r"^Could not reach RemoteMonitor root server at http://127\.0\.0\.1:1$"
    ):
        monitor.on_epoch_end(0, {"loss": 1.0})
