"""`RemoteMonitor`: POST each epoch's logs to an HTTP server."""

from __future__ import annotations

import json
import warnings
from typing import Any

from keras.callbacks._callback import Callback, Logs
from keras.trainers._progbar import to_float

__all__ = ["RemoteMonitor"]


class RemoteMonitor(Callback):
    """Send the logs of each epoch to a server with an HTTP POST.

    The payload is `{"epoch": i, <log key>: <value>, ...}`: as a JSON body when
    `send_as_json=True`, else JSON-encoded in the form field `field` of a form-encoded
    body. The request is made at once, with the standard library; an unreachable server
    gives a warning, not an error.

    Args:
        root: Root URL of the server.
        path: Path of the endpoint, appended to `root`.
        field: Name of the form field holding the JSON data (when not `send_as_json`).
        headers: Extra HTTP headers, a dict.
        send_as_json: Whether to send the payload as an `application/json` body.

    Example:

    >>> monitor = RemoteMonitor(root="http://localhost:9000", send_as_json=True)
    >>> monitor.root + monitor.path
    'http://localhost:9000/publish/epoch/end/'
    """

    def __init__(
        self,
        root: str = "http://localhost:9000",
        path: str = "/publish/epoch/end/",
        field: str = "data",
        headers: dict[str, str] | None = None,
        send_as_json: bool = False,
    ) -> None:
        super().__init__()
        self.root = root
        self.path = path
        self.field = field
        self.headers = headers
        self.send_as_json = send_as_json

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        import urllib.error  # imported when used: urllib.request is slow to import
        import urllib.parse
        import urllib.request

        payload: dict[str, Any] = {"epoch": epoch}
        payload.update((key, to_float(value)) for key, value in (logs or {}).items())
        headers = dict(self.headers or {})
        if self.send_as_json:
            body = json.dumps(payload).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        else:
            body = urllib.parse.urlencode({self.field: json.dumps(payload)}).encode("utf-8")
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        request = urllib.request.Request(self.root + self.path, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
        except urllib.error.HTTPError:
            return  # the server answered: an error status is its own business, as with `requests`
        except (urllib.error.URLError, OSError, ValueError):
            warnings.warn(f"Could not reach RemoteMonitor root server at {self.root}", stacklevel=2)
