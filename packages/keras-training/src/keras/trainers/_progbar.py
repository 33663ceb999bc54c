"""The text progress bar of `fit`/`evaluate`/`predict` (`keras.utils.Progbar`) and `print_msg`.

Owns the exact line format of Keras 3's progress output (bold step count, green/white bar,
ETA or elapsed seconds, time per step, ` - name: value` metrics) and the routing of messages
to stdout or, with interactive logging off, to the `keras` logger.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import time
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from keras import ops
from keras.backend._switches import is_interactive_logging_enabled

__all__ = ["Progbar", "print_msg", "to_float"]

_BOLD = "\x1b[1m"
_GREEN = "\x1b[32m"
_WHITE = "\x1b[37m"
_RESET = "\x1b[0m"
_BAR_CHAR = "\u2501"


def _now() -> float:
    # One indirection so that tests can script the clock.
    return time.time()


def print_msg(message: str, line_break: bool = True) -> None:
    """Write `message` to stdout, or to the `keras` logger when interactive logging is off.

    Args:
        message: The text to write.
        line_break: Whether to end the text with a newline.
    """
    if not is_interactive_logging_enabled():
        logging.getLogger("keras").info(message)
        return
    text = f"{message}\n" if line_break else message
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        # A terminal that cannot show the bar character gets Keras 2's `=` instead.
        encoding = sys.stdout.encoding or "utf-8"
        text = text.replace(_BAR_CHAR, "=").encode(encoding, errors="ignore").decode(encoding)
        sys.stdout.write(text)
    sys.stdout.flush()


def to_float(value: Any) -> Any:
    """Return `value` as a Python float when it holds one number (tensor, array, scalar).

    Anything else (strings, `None`, arrays of several numbers) is returned unchanged.
    """
    if isinstance(value, (bool, str)) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value)
    try:
        if not isinstance(value, (np.ndarray, np.generic)) and ops.is_tensor(value):
            value = ops.convert_to_numpy(value)
        return float(value)
    except (TypeError, ValueError):
        return value


def _mean(value: Any) -> float:
    # A displayed value: one number, or the mean of an array of them.
    number = to_float(value)
    return number if isinstance(number, float) else float(np.mean(np.asarray(number)))


def _format_value(value: float) -> str:
    return f" {value:.4f}" if abs(value) > 1e-3 else f" {value:.4e}"


def _format_duration(seconds: float) -> str:
    if seconds > 3600:
        return f"{int(seconds // 3600)}:{int(seconds % 3600 // 60):02d}:{int(seconds % 60):02d}"
    if seconds > 60:
        return f"{int(seconds // 60)}:{int(seconds % 60):02d}"
    return f"{int(seconds)}s"


def _format_time_per_unit(seconds: float, unit_name: str) -> str:
    if seconds >= 1 or seconds == 0:
        return f" {seconds:.0f}s/{unit_name}"
    if seconds >= 1e-3:
        return f" {seconds * 1e3:.0f}ms/{unit_name}"
    return f" {seconds * 1e6:.0f}us/{unit_name}"


class Progbar:
    """Display a progress bar with running metric values.

    A metric is either *averaged* by the bar (weighted by the steps between updates) or
    *stateful*, shown as given. By default every metric is averaged; name the exceptions in
    `stateful_metrics`, or instead name the averaged ones in `stateless_metrics`.

    Args:
        target: Total number of steps, or `None` when unknown.
        width: Width of the bar, in characters.
        verbose: 0 is silent, 1 redraws one line as steps advance, 2 prints one line when
            the bar finishes.
        interval: Least number of seconds between two redraws with `verbose=1`.
        stateful_metrics: Names of the metrics shown as given (not averaged).
        stateless_metrics: Names of the metrics that are averaged; every other metric is
            shown as given. Pass at most one of `stateful_metrics` and `stateless_metrics`.
        unit_name: What a step is called in the time-per-step display.

    Raises:
        ValueError: If both `stateful_metrics` and `stateless_metrics` are given.

    Example:

    >>> bar = Progbar(3, verbose=0)
    >>> for step in range(1, 4):
    ...     bar.update(step, [("loss", float(step))])
    >>> bar._values["loss"]  # the finalizing update shows the value given
    [3.0, 1]
    """

    def __init__(
        self,
        target: int | None,
        width: int = 20,
        verbose: int = 1,
        interval: float = 0.05,
        stateful_metrics: Iterable[str] | None = None,
        stateless_metrics: Iterable[str] | None = None,
        unit_name: str = "step",
    ) -> None:
        if stateful_metrics is not None and stateless_metrics is not None:
            raise ValueError(
                "Only one of `stateful_metrics` or `stateless_metrics` can be provided. "
                f"Received: stateful_metrics={stateful_metrics}, stateless_metrics={stateless_metrics}"
            )
        self.target = target
        self.width = width
        self.verbose = verbose
        self.interval = interval
        self.unit_name = unit_name
        self.stateful_metrics: set[str] | None = None
        self.stateless_metrics: set[str] | None = None
        if stateless_metrics is not None:
            self.stateless_metrics = set(stateless_metrics)
        else:
            self.stateful_metrics = set(stateful_metrics or ())
        self._dynamic_display = (
            (hasattr(sys.stdout, "isatty") and sys.stdout.isatty())
            or "ipykernel" in sys.modules
            or os.name == "posix"
            or "PYCHARM_HOSTED" in os.environ
        )
        self._seen_so_far = 0
        # name -> [sum of value * steps, steps]; a stateful value is stored as [value, 1].
        self._values: dict[str, list[Any]] = {}
        self._values_order: list[str] = []
        self._start = _now()
        self._last_update = 0.0
        self._time_after_first_step: float | None = None
        self._prev_total_width = 0

    def _is_averaged(self, name: str) -> bool:
        if self.stateless_metrics is not None:
            return name in self.stateless_metrics
        return name not in (self.stateful_metrics or set())

    def update(
        self, current: int, values: Sequence[tuple[str, Any]] | None = None, finalize: bool | None = None
    ) -> None:
        """Advance the bar to step `current` and record metric values.

        Args:
            current: Index of the current step (1 after the first step).
            values: `(name, value)` pairs for the last step; averaged metrics accumulate
                `value` weighted by the steps since the previous update.
            finalize: Whether this is the bar's last update; `None` means
                `current >= target`.
        """
        if finalize is None:
            finalize = self.target is not None and current >= self.target
        for name, value in values or ():
            if name not in self._values_order:
                self._values_order.append(name)
            if finalize or not self._is_averaged(name):
                # Kept as given (maybe a device tensor); converted only when displayed.
                self._values[name] = [value, 1]
            else:
                steps = max(current - self._seen_so_far, 1)
                number = _mean(value)
                if name in self._values:
                    self._values[name][0] = _mean(self._values[name][0]) + number * steps
                    self._values[name][1] += steps
                else:
                    self._values[name] = [number * steps, steps]
        self._seen_so_far = current
        now = _now()
        time_per_unit = self._time_per_unit(current, now)
        if self.verbose == 1:
            if now - self._last_update < self.interval and not finalize:
                return
            self._draw(current, now, time_per_unit, finalize)
        elif self.verbose == 2 and finalize and self.target is not None and self.target > 0:
            digits = int(math.log10(self.target)) + 1
            line = f"{int(current):{digits}d}/{self.target} - {now - self._start:.0f}s -"
            line += _format_time_per_unit(time_per_unit, self.unit_name) + self._metrics_text() + "\n"
            print_msg(line, line_break=False)
        self._last_update = now

    def add(self, n: int, values: Sequence[tuple[str, Any]] | None = None) -> None:
        """Advance the bar by `n` steps; see `update`."""
        self.update(self._seen_so_far + n, values)

    def _metrics_text(self) -> str:
        text = ""
        for name in self._values_order:
            total, count = self._values[name]
            text += f" - {name}:" + _format_value(_mean(total) / max(1, count))
        return text

    def _draw(self, current: int, now: float, time_per_unit: float, finalize: bool) -> None:
        hidden = 0  # characters of escape codes, which take no room on screen
        if self.target is not None and self.target > 0:
            digits = int(math.log10(self.target)) + 1
            bar = f"{_BOLD}{int(current):{digits}d}/{self.target}{_RESET} "
            done = int(self.width * current / self.target)
            if done > 0:
                bar += f"{_GREEN}{_BAR_CHAR * done}{_RESET}"
                hidden += 9
            bar += f"{_WHITE}{_BAR_CHAR * (self.width - done)}{_RESET}"
            hidden += 17
        else:
            bar = f"{int(current):7d}/Unknown"
        if self.target is not None and self.target > 0 and not finalize:
            info = f" {_BOLD}{_format_duration(time_per_unit * (self.target - current))}{_RESET}"
        else:
            info = f" {_BOLD}{now - self._start:.0f}s{_RESET}"
        hidden += 8
        info += _format_time_per_unit(time_per_unit, self.unit_name) + self._metrics_text()
        prefix = "\b" * self._prev_total_width + "\r" if self._dynamic_display else "\n"
        total_width = len(bar) + len(info) - hidden
        padding = " " * max(self._prev_total_width - total_width, 0)
        print_msg(prefix + bar + info + padding + ("\n" if finalize else ""), line_break=False)
        self._prev_total_width = total_width

    def _time_per_unit(self, current: int, now: float) -> float:
        # The first step (compilation, warm-up) is left out of the estimate once later steps exist.
        if not current:
            return 0.0
        if self._time_after_first_step is not None and current > 1:
            estimate = (now - self._time_after_first_step) / (current - 1)
        else:
            estimate = (now - self._start) / current
        if current == 1:
            self._time_after_first_step = now
        return estimate
