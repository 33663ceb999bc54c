"""keras.config: every setting round-trips and bad values are refused with the value named."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from keras import config


@pytest.fixture(autouse=True)
def restore() -> Iterator[None]:
    saved = (
        config.is_interactive_logging_enabled(),
        config.is_traceback_filtering_enabled(),
        config.is_flash_attention_enabled(),
        config.max_epochs(),
        config.max_steps_per_epoch(),
    )
    yield
    (config.enable_interactive_logging if saved[0] else config.disable_interactive_logging)()
    (config.enable_traceback_filtering if saved[1] else config.disable_traceback_filtering)()
    config.set_max_epochs(saved[3])
    config.set_max_steps_per_epoch(saved[4])
    from keras.backend._switches import SWITCHES

    SWITCHES.flash_attention = saved[2]


@pytest.mark.parametrize(
    ("switch_on", "switch_off", "query"),
    [
        (
            config.enable_interactive_logging,
            config.disable_interactive_logging,
            config.is_interactive_logging_enabled,
        ),
        (
            config.enable_traceback_filtering,
            config.disable_traceback_filtering,
            config.is_traceback_filtering_enabled,
        ),
        (config.enable_flash_attention, config.disable_flash_attention, config.is_flash_attention_enabled),
    ],
    ids=["interactive-logging", "traceback-filtering", "flash-attention"],
)
def test_switches_toggle(
    switch_on: Callable[[], None], switch_off: Callable[[], None], query: Callable[[], Any]
) -> None:
    switch_off()
    assert query() is False
    switch_on()
    assert query() is True


def test_flash_attention_defaults_to_automatic() -> None:
    from keras.backend._switches import _Switches

    assert _Switches().flash_attention is None


@pytest.mark.parametrize(
    ("setter", "getter"),
    [
        (config.set_max_epochs, config.max_epochs),
        (config.set_max_steps_per_epoch, config.max_steps_per_epoch),
    ],
    ids=["epochs", "steps"],
)
def test_run_caps(setter: Callable[[Any], None], getter: Callable[[], Any]) -> None:
    setter(3)
    assert getter() == 3
    setter(None)
    assert getter() is None
    with pytest.raises(ValueError, match=r"must be a positive int or None. Received: .*=0"):
        setter(0)
    with pytest.raises(ValueError, match=r"must be a positive int or None. Received: .*=2.5"):
        setter(2.5)


def test_nnx_is_not_provided() -> None:
    assert config.is_nnx_enabled() is False


def test_set_backend_refuses_unknown_names() -> None:
    with pytest.raises(ValueError, match="Unknown backend 'caffe'"):
        config.set_backend("caffe")
    assert config.backend() in ("numpy", "jax", "torch", "tensorflow")
