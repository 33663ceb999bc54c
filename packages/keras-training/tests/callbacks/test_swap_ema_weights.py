"""`SwapEMAWeights` with a real optimizer keeping moving averages (`use_ema=True`)."""

from __future__ import annotations

import numpy as np
import pytest
from fakes import FakeModel, FakeMultiOptimizer, FakeOptimizer

from keras import ops
from keras.backend._variable import Variable
from keras.callbacks import CallbackList, SwapEMAWeights
from keras.optimizers import SGD


def ema_model() -> tuple[FakeModel, Variable, Variable]:
    variable = Variable(np.array([1.0, 2.0], dtype="float32"), name="w")
    optimizer = SGD(use_ema=True)
    optimizer.build([variable])
    average = optimizer._model_variables_moving_average[0]
    average.assign(np.array([10.0, 20.0], dtype="float32"))
    return FakeModel(optimizer=optimizer), variable, average


def values(variable: Variable) -> list[float]:
    return ops.convert_to_numpy(variable).tolist()


def test_evaluation_and_prediction_use_the_averages() -> None:
    model, variable, average = ema_model()
    callbacks = CallbackList([SwapEMAWeights()], model=model, epochs=1)
    callbacks.on_test_begin()
    assert (values(variable), values(average)) == ([10.0, 20.0], [1.0, 2.0])
    callbacks.on_test_end()
    assert (values(variable), values(average)) == ([1.0, 2.0], [10.0, 20.0])
    callbacks.on_predict_begin()
    assert values(variable) == [10.0, 20.0]
    callbacks.on_predict_end()  # swapped back (Keras 3.15 forgets to, after predict)
    assert values(variable) == [1.0, 2.0]


def test_swap_on_epoch_keeps_the_averages_after_the_last_epoch() -> None:
    model, variable, average = ema_model()
    callbacks = CallbackList([SwapEMAWeights(swap_on_epoch=True)], model=model, epochs=2)
    callbacks.on_epoch_begin(0)
    callbacks.on_test_begin()  # validation sees the averages
    assert values(variable) == [10.0, 20.0]
    callbacks.on_test_end()
    callbacks.on_epoch_end(0)  # the other epoch-end callbacks see the averages
    assert values(variable) == [10.0, 20.0]
    callbacks.on_epoch_begin(1)  # training goes on with the trained weights
    assert values(variable) == [1.0, 2.0]
    callbacks.on_epoch_end(1)
    assert (values(variable), values(average)) == ([10.0, 20.0], [10.0, 20.0])


def test_optimizer_without_ema_is_an_error() -> None:
    model = FakeModel(optimizer=SGD())
    with pytest.raises(
        ValueError, match=r"^SwapEMAWeights must be used when `use_ema=True` is set on the optimizer\. "
    ):
        CallbackList([SwapEMAWeights()], model=model).on_test_begin()


def test_multi_optimizer_without_ema_is_an_error() -> None:
    model = FakeModel(optimizer=FakeMultiOptimizer(FakeOptimizer(), FakeOptimizer()))
    with pytest.raises(ValueError, match=r"at least one inner optimizer has `use_ema=True`"):
        CallbackList([SwapEMAWeights()], model=model).on_predict_begin()
