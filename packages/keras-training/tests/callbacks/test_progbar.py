"""`Progbar` alone: Keras 3's exact line format, averaging of metrics, verbosity, throttling."""

from __future__ import annotations

import re

import numpy as np
import pytest

from keras import ops
from keras.trainers import _progbar
from keras.trainers._progbar import Progbar, to_float

GREEN, WHITE, BOLD, RESET = "\x1b[32m", "\x1b[37m", "\x1b[1m", "\x1b[0m"
BAR = "\u2501"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(_progbar, "_now", fake)
    return fake


def visible(text: str) -> str:
    return re.sub(r"\x1b\[\d+m", "", text)


def test_first_update_draws_the_exact_keras_line(clock: Clock, capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progbar(4, width=4, interval=0.0)
    clock.now += 0.5
    bar.update(1, [("loss", 1.0)])
    expected = f"\r{BOLD}1/4{RESET} {GREEN}{BAR}{RESET}{WHITE}{BAR * 3}{RESET} {BOLD}1s{RESET} 500ms/step - loss: 1.0000"
    assert capsys.readouterr().out == expected


def test_redraw_erases_the_previous_line_and_finalize_ends_it(
    clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    bar = Progbar(2, width=2, interval=0.0, stateful_metrics=["loss"])
    clock.now += 1.0
    bar.update(1, [("loss", 0.123456)])
    first = capsys.readouterr().out
    clock.now += 3.0  # the second step took 3 s: the first step is left out of the estimate
    bar.update(2, [("loss", 0.0001)])
    second = capsys.readouterr().out
    width = len(visible(first)) - 1  # minus the leading carriage return
    assert second == (
        "\b" * width
        + f"\r{BOLD}2/2{RESET} {GREEN}{BAR * 2}{RESET}{WHITE}{RESET} {BOLD}4s{RESET} 3s/step - loss: 1.0000e-04\n"
    )


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.0, "0s/step"), (2.0, "2s/step"), (0.0123, "12ms/step"), (0.00005, "50us/step")],
)
def test_time_per_step_units(
    clock: Clock, capsys: pytest.CaptureFixture[str], seconds: float, text: str
) -> None:
    bar = Progbar(None, interval=0.0)
    clock.now += seconds
    bar.update(1)
    assert visible(capsys.readouterr().out).endswith(f" {text}")


@pytest.mark.parametrize(("eta", "text"), [(30.0, "30s"), (125.0, "2:05"), (3725.0, "1:02:05")])
def test_eta_formats(clock: Clock, capsys: pytest.CaptureFixture[str], eta: float, text: str) -> None:
    bar = Progbar(2, interval=0.0)
    clock.now += eta  # one step done, one left: ETA = time of one step
    bar.update(1)
    assert f" {BOLD}{text}{RESET} " in capsys.readouterr().out


def test_unknown_target_shows_a_counter(clock: Clock, capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progbar(None, interval=0.0)
    clock.now += 2.0
    bar.update(3, [("acc", 0.5)])
    assert capsys.readouterr().out == f"\r      3/Unknown {BOLD}2s{RESET} 667ms/step - acc: 0.5000"


def test_averaged_metrics_are_weighted_by_steps(clock: Clock) -> None:
    bar = Progbar(10, verbose=0)
    bar.update(1, [("loss", 4.0)])
    bar.update(4, [("loss", 1.0)])  # counts for 3 steps
    total, count = bar._values["loss"]
    assert (total, count) == (7.0, 4)
    assert bar._metrics_text() == " - loss: 1.7500"


def test_stateful_metrics_are_shown_as_given(clock: Clock) -> None:
    bar = Progbar(10, verbose=0, stateful_metrics=["acc"])
    bar.update(1, [("acc", 0.2), ("loss", 2.0)])
    bar.update(2, [("acc", 0.8), ("loss", 4.0)])
    assert bar._metrics_text() == " - acc: 0.8000 - loss: 3.0000"


def test_stateless_metrics_option_averages_only_those(clock: Clock) -> None:
    bar = Progbar(10, verbose=0, stateless_metrics=["loss"])
    bar.update(1, [("acc", 0.2), ("loss", 2.0)])
    bar.update(2, [("acc", 0.8), ("loss", 4.0)])
    assert bar._metrics_text() == " - acc: 0.8000 - loss: 3.0000"


def test_finalizing_update_replaces_the_average(clock: Clock) -> None:
    bar = Progbar(2, verbose=0)
    bar.update(1, [("loss", 2.0)])
    bar.update(2, [("loss", 5.0)])
    assert bar._values["loss"] == [5.0, 1]


def test_add_advances_from_the_last_step(clock: Clock) -> None:
    bar = Progbar(10, verbose=0)
    bar.add(3, [("loss", 1.0)])
    bar.add(2, [("loss", 6.0)])
    assert bar._seen_so_far == 5
    assert bar._values["loss"] == [15.0, 5]


def test_interval_throttles_redraws(clock: Clock, capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progbar(10, interval=1.0)
    clock.now += 2.0
    bar.update(1)
    assert capsys.readouterr().out
    clock.now += 0.5
    bar.update(2)
    assert capsys.readouterr().out == ""  # 0.5 s since the last redraw
    clock.now += 0.6
    bar.update(3)
    assert capsys.readouterr().out


def test_verbose_2_prints_one_line_at_the_end(clock: Clock, capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progbar(12, verbose=2)
    for step in range(1, 12):
        clock.now += 0.01
        bar.update(step, [("loss", 1.0)])
    assert capsys.readouterr().out == ""
    clock.now += 0.01
    bar.update(12, [("loss", 0.5)])
    assert capsys.readouterr().out == "12/12 - 0s - 10ms/step - loss: 0.5000\n"


def test_verbose_0_prints_nothing(clock: Clock, capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progbar(2, verbose=0)
    bar.update(1, [("loss", 1.0)])
    bar.update(2, [("loss", 1.0)])
    assert capsys.readouterr().out == ""


def test_tensor_values_are_converted_when_displayed(clock: Clock, capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progbar(1, interval=0.0, stateful_metrics=["loss"])
    bar.update(1, [("loss", ops.convert_to_tensor(np.float32(0.25)))])
    assert visible(capsys.readouterr().out).endswith(" - loss: 0.2500\n")


def test_both_metric_lists_are_rejected() -> None:
    with pytest.raises(
        ValueError, match=r"Only one of `stateful_metrics` or `stateless_metrics` can be provided"
    ):
        Progbar(3, stateful_metrics=["a"], stateless_metrics=["b"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3, 3.0), (np.float32(0.5), 0.5), (np.array([2.0]), 2.0), ("text", "text"), (None, None)],
)
def test_to_float(value: object, expected: object) -> None:
    assert to_float(value) == expected


def test_to_float_keeps_arrays_of_several_numbers() -> None:
    value = to_float(ops.convert_to_tensor(np.array([1.0, 2.0])))
    np.testing.assert_array_equal(value, [1.0, 2.0])
