"""`ReduceLROnPlateau`: reductions after `patience`, `cooldown`, `min_lr`, logs and messages."""

from __future__ import annotations

import pytest
from fakes import FakeModel, FakeMultiOptimizer, FakeOptimizer, run_fit

from keras.callbacks import ReduceLROnPlateau


@pytest.mark.parametrize(
    ("kwargs", "logged", "final"),
    [
        # patience 2: reductions at the ends of epochs 2, 4, 6 (the wait restarts after each)
        ({"patience": 2}, [0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025], 0.0125),
        # cooldown 2: after a reduction, the next epoch is not counted and the wait restarts
        ({"patience": 1, "cooldown": 2}, [0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.0125], 0.0125),
        # min_lr bounds the reductions
        ({"patience": 1, "min_lr": 0.02}, [0.1, 0.1, 0.05, 0.025, 0.02, 0.02, 0.02], 0.02),
    ],
    ids=["patience", "cooldown", "min-lr"],
)
def test_learning_rate_per_epoch(kwargs: dict[str, float], logged: list[float], final: float) -> None:
    model = FakeModel(optimizer=FakeOptimizer(0.1))
    reducer = ReduceLROnPlateau(monitor="loss", factor=0.5, min_delta=0.0, **kwargs)
    history = run_fit([reducer], model, [{"loss": 1.0}] * 7)
    # An epoch's logs hold the rate it trained with, read before any reduction at its end.
    assert history.history["learning_rate"] == pytest.approx(logged, rel=1e-6)
    assert float(model.optimizer.learning_rate) == pytest.approx(final, rel=1e-6)


def test_improvements_reset_the_wait() -> None:
    model = FakeModel(optimizer=FakeOptimizer(0.1))
    reducer = ReduceLROnPlateau(monitor="loss", factor=0.5, patience=2)
    run_fit([reducer], model, [{"loss": v} for v in [1.0, 1.0, 0.5, 0.5, 0.2]])
    assert float(model.optimizer.learning_rate) == pytest.approx(0.1)
    assert reducer.wait == 0


def test_min_delta_decides_what_improves() -> None:
    model = FakeModel(optimizer=FakeOptimizer(0.1))
    reducer = ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, min_delta=0.1)
    run_fit([reducer], model, [{"loss": v} for v in [1.0, 0.95]])  # 0.05 better: not enough
    assert float(model.optimizer.learning_rate) == pytest.approx(0.05)


def test_message_and_multi_optimizer(capsys: pytest.CaptureFixture[str]) -> None:
    parts = FakeOptimizer(0.1, name="first"), FakeOptimizer(0.2, name="second")
    model = FakeModel(optimizer=FakeMultiOptimizer(*parts))
    reducer = ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, verbose=1)
    history = run_fit([reducer], model, [{"loss": 1.0}, {"loss": 1.0}])
    assert [float(p.learning_rate) for p in parts] == pytest.approx([0.05, 0.1])
    assert history.history["learning_rate_first"] == pytest.approx([0.1, 0.1])
    out = capsys.readouterr().out
    assert out.startswith("\nEpoch 2: ReduceLROnPlateau reducing first learning rate to 0.0500000")
    assert "\nEpoch 2: ReduceLROnPlateau reducing second learning rate to 0.1000000" in out


def test_single_optimizer_message(capsys: pytest.CaptureFixture[str]) -> None:
    model = FakeModel(optimizer=FakeOptimizer(0.5))
    run_fit(
        [ReduceLROnPlateau(monitor="loss", factor=0.5, patience=0, verbose=1)], model, [{"loss": 1.0}] * 2
    )
    assert capsys.readouterr().out == "\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.25.\n"


def test_factor_of_one_or_more_is_rejected() -> None:
    with pytest.raises(
        ValueError, match=r"^ReduceLROnPlateau does not support a factor >= 1\.0\. Received factor=1\.0$"
    ):
        ReduceLROnPlateau(factor=1.0)


def test_missing_monitor_warns() -> None:
    with pytest.warns(UserWarning, match=r"Learning rate reduction is conditioned on metric `val_loss`"):
        run_fit([ReduceLROnPlateau()], FakeModel(), [{"loss": 1.0}])
