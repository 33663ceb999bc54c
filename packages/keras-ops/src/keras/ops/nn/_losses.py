"""Loss ops: binary, categorical and sparse categorical cross-entropy, CTC, and PSNR.

Probabilities (`from_logits=False`) are clipped to `[epsilon, 1 - epsilon]` with
`keras.backend.epsilon()` before the logarithm, as Keras 3 does; logits go through a
log-sigmoid or log-softmax instead, which never overflows.
"""

from __future__ import annotations

from typing import Any, Literal

from keras.backend._active import K
from keras.backend._config import epsilon
from keras.backend._dtypes import float_result, result_type
from keras.ops._convert import convert, infer_dtype, to_numpy
from keras.ops._op import op
from keras.ops._rules import canonical_axis
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Shape, Tensor

__all__ = [
    "binary_crossentropy",
    "categorical_crossentropy",
    "ctc_decode",
    "ctc_loss",
    "psnr",
    "sparse_categorical_crossentropy",
]


def _loss_dtype(target: Any, output: Any) -> str:
    return float_result(result_type(infer_dtype(target), infer_dtype(output)))


def _compatible(shape1: Shape, shape2: Shape) -> bool:
    """Whether two shapes can be equal (`None` matches any size)."""
    return len(shape1) == len(shape2) and all(
        a is None or b is None or a == b for a, b in zip(shape1, shape2, strict=True)
    )


def _same_shape(name: str, target: Shape, output: Shape) -> None:
    if not _compatible(target, output):
        raise ValueError(
            f"{name}: `target` and `output` must have the same shape. "
            f"Received: target.shape={target}, output.shape={output}"
        )


# --- binary and categorical cross-entropy -------------------------------------------------


def _binary_rule(target: Any, output: Any) -> Spec:
    t, o = as_spec(target), as_spec(output)
    _same_shape("binary_crossentropy", t.shape, o.shape)
    return Spec(o.shape, _loss_dtype(target, output))


@op(_binary_rule)
def binary_crossentropy(target: ArrayLike, output: ArrayLike, from_logits: bool = False) -> Tensor:
    """Return the element-wise binary cross-entropy of `output` against `target`.

    Computes `-(target * log(p) + (1 - target) * log(1 - p))`, where `p` is `output`
    clipped to `[epsilon, 1 - epsilon]`, or `sigmoid(output)` when `from_logits`.

    Args:
        target: The labels, in `[0, 1]`.
        output: Probabilities, or logits when `from_logits=True`; same shape as `target`.
        from_logits: Whether `output` holds logits.

    Returns:
        A float tensor shaped like `output`, of the promoted dtype of both arguments.

    Raises:
        ValueError: If `target` and `output` have different shapes.

    Example:

    >>> keras.ops.binary_crossentropy(np.array([1.0, 0.0]), np.array([0.9, 0.2]))
    array([0.10536055, 0.22314353], dtype=float32)
    """
    dtype = _loss_dtype(target, output)
    t, o = convert(target, dtype), convert(output, dtype)
    _same_shape("binary_crossentropy", tuple(t.shape), tuple(o.shape))
    return K.nn.binary_crossentropy(t, o, bool(from_logits), epsilon())


def _class_axis(name: str, shape: Shape, axis: int) -> int:
    if not shape:
        raise ValueError(f"{name}: `output` must have rank 1 or more. Received: output.shape={shape}")
    return canonical_axis(axis, len(shape), name)


def _categorical_rule(target: Any, output: Any, axis: int = -1) -> Spec:
    t, o = as_spec(target), as_spec(output)
    _same_shape("categorical_crossentropy", t.shape, o.shape)
    a = _class_axis("categorical_crossentropy", o.shape, axis)
    return Spec(o.shape[:a] + o.shape[a + 1 :], _loss_dtype(target, output))


@op(_categorical_rule)
def categorical_crossentropy(
    target: ArrayLike, output: ArrayLike, from_logits: bool = False, axis: int = -1
) -> Tensor:
    """Return the cross-entropy between one-hot (or soft) `target` and `output` along `axis`.

    Computes `-sum(target * log(p), axis)`, where `p` is `output` rescaled to sum to 1
    and clipped to `[epsilon, 1 - epsilon]`, or `softmax(output)` when `from_logits`.

    Args:
        target: Class probabilities, same shape as `output`.
        output: Probabilities, or logits when `from_logits=True`.
        from_logits: Whether `output` holds logits.
        axis: The class axis.

    Returns:
        A float tensor shaped like `output` without `axis`, of the promoted dtype.

    Raises:
        ValueError: If the shapes differ, `output` is a scalar or `axis` is out of bounds.

    Example:

    >>> target = np.array([[0.0, 1.0], [1.0, 0.0]])
    >>> keras.ops.categorical_crossentropy(target, np.array([[0.2, 0.8], [0.5, 0.5]]))
    array([0.22314353, 0.6931472 ], dtype=float32)
    """
    dtype = _loss_dtype(target, output)
    t, o = convert(target, dtype), convert(output, dtype)
    _same_shape("categorical_crossentropy", tuple(t.shape), tuple(o.shape))
    a = _class_axis("categorical_crossentropy", tuple(o.shape), axis)
    return K.nn.categorical_crossentropy(t, o, bool(from_logits), a, epsilon())


def _sparse_dtype(output: Any) -> str:
    # Keras 3 on JAX computes against a float32 one-hot, so 16-bit floats widen.
    return float_result(result_type(infer_dtype(output), "float32"))


def _sparse_shapes(target: Shape, output: Shape, axis: int) -> tuple[int, bool]:
    """Return the class axis, and whether `target` has a trailing 1 to drop."""
    a = _class_axis("sparse_categorical_crossentropy", output, axis)
    squeeze = len(target) == len(output) and target[-1:] == (1,)
    expected = output[:a] + output[a + 1 :]
    got = target[:-1] if squeeze else target
    if not _compatible(got, expected):
        raise ValueError(
            "sparse_categorical_crossentropy: `target` must have the shape of `output` without the class "
            f"axis (optionally with a trailing 1). Received: target.shape={target}, output.shape={output}"
        )
    return a, squeeze


def _sparse_rule(target: Any, output: Any, axis: int = -1) -> Spec:
    o = as_spec(output)
    a, _ = _sparse_shapes(as_spec(target).shape, o.shape, axis)
    return Spec(o.shape[:a] + o.shape[a + 1 :], _sparse_dtype(output))


@op(_sparse_rule)
def sparse_categorical_crossentropy(
    target: ArrayLike, output: ArrayLike, from_logits: bool = False, axis: int = -1
) -> Tensor:
    """Return the cross-entropy between integer class labels and `output` along `axis`.

    Computes `-log(p[target])`, where `p` is `output` rescaled to sum to 1 and clipped
    to `[epsilon, 1 - epsilon]`, or `softmax(output)` when `from_logits`. A label
    outside `[0, num_classes)` gives a loss of 0.

    Args:
        target: Integer labels, shaped like `output` without `axis` (a trailing
            dimension of 1 is allowed).
        output: Probabilities, or logits when `from_logits=True`.
        from_logits: Whether `output` holds logits.
        axis: The class axis of `output`.

    Returns:
        A float tensor shaped like `target`; 16-bit floats widen to float32.

    Raises:
        ValueError: If the shapes do not match or `axis` is out of bounds.

    Example:

    >>> keras.ops.sparse_categorical_crossentropy(np.array([1, 0]), np.array([[0.2, 0.8], [0.5, 0.5]]))
    array([0.22314353, 0.6931472 ], dtype=float32)
    """
    dtype = _sparse_dtype(output)
    t, o = convert(target, "int32"), convert(output, dtype)
    a, squeeze = _sparse_shapes(tuple(t.shape), tuple(o.shape), axis)
    if squeeze:
        t = t[..., 0]
    return K.nn.sparse_categorical_crossentropy(t, o, bool(from_logits), a, epsilon())


# --- CTC --------------------------------------------------------------------------------------


def _ctc_shapes(target: Shape, output: Shape, name: str = "ctc_loss") -> None:
    if len(output) != 3:
        raise ValueError(
            f"{name}: `output` must have shape (batch, steps, classes). Received: output.shape={output}"
        )
    if len(target) != 2:
        raise ValueError(f"{name}: `target` must have shape (batch, labels). Received: target.shape={target}")
    if None not in (target[0], output[0]) and target[0] != output[0]:
        raise ValueError(
            f"{name}: `target` and `output` must have the same batch size. "
            f"Received: target.shape={target}, output.shape={output}"
        )


def _ctc_loss_rule(target: Any, output: Any) -> Spec:
    t, o = as_spec(target), as_spec(output)
    _ctc_shapes(t.shape, o.shape)
    return Spec((o.shape[0],), "float32")


@op(_ctc_loss_rule)
def ctc_loss(
    target: ArrayLike,
    output: ArrayLike,
    target_length: ArrayLike,
    output_length: ArrayLike,
    mask_index: int = 0,
) -> Tensor:
    """Return the connectionist temporal classification (CTC) loss of each sequence.

    The loss is the negative log-probability, summed over every alignment, that the
    per-step class distributions `softmax(output)` produce `target` (Graves et al., 2006).

    Args:
        target: Integer labels of shape `(batch, max_labels)`; entries past
            `target_length` are ignored.
        output: Logits of shape `(batch, max_steps, num_classes)`.
        target_length: The length of each label sequence, shape `(batch,)`.
        output_length: The number of valid steps of each sequence, shape `(batch,)`.
        mask_index: The class index of the blank.

    Returns:
        A float32 tensor of shape `(batch,)`. A target that no alignment can produce
        gives a huge loss whose value depends on the backend (about `1e5` on numpy
        and jax, `inf` on torch, the native value on tensorflow).

    Raises:
        ValueError: If the shapes are not as described.

    Example:

    >>> logits = np.zeros((1, 2, 2), dtype="float32")
    >>> keras.ops.ctc_loss(np.array([[1]]), logits, np.array([1]), np.array([2]))
    array([0.2876821], dtype=float32)
    """
    t = convert(target, "int32")
    o = convert(output, result_type(infer_dtype(output), "float32"))
    _ctc_shapes(tuple(t.shape), tuple(o.shape))
    lengths = convert(target_length, "int32"), convert(output_length, "int32")
    return K.nn.ctc_loss(t, o, lengths[0], lengths[1], int(mask_index))


def _ctc_decode_rule(
    inputs: Any, sequence_lengths: Any, strategy: str = "greedy", beam_width: int = 100, top_paths: int = 1
) -> tuple[Spec, Spec]:
    shape = as_spec(inputs).shape
    if len(shape) != 3:
        raise ValueError(f"ctc_decode: `inputs` must have shape (batch, steps, classes). Received: {shape}")
    paths = 1 if _check_strategy(strategy, beam_width, top_paths) == "greedy" else top_paths
    return Spec((paths, shape[0], shape[1]), "int32"), Spec((shape[0], paths), "float32")


def _check_strategy(strategy: str, beam_width: int, top_paths: int) -> str:
    if strategy not in ("greedy", "beam_search"):
        raise ValueError(
            f"ctc_decode: `strategy` must be 'greedy' or 'beam_search'. Received: strategy={strategy!r}"
        )
    if strategy == "beam_search" and not 1 <= top_paths <= beam_width:
        raise ValueError(
            "ctc_decode: `top_paths` must be between 1 and `beam_width`. "
            f"Received: top_paths={top_paths}, beam_width={beam_width}"
        )
    return strategy


@op(_ctc_decode_rule)
def ctc_decode(
    inputs: ArrayLike,
    sequence_lengths: ArrayLike,
    strategy: Literal["greedy", "beam_search"] = "greedy",
    beam_width: int = 100,
    top_paths: int = 1,
    merge_repeated: bool = True,
    mask_index: int | None = 0,
) -> tuple[Tensor, Tensor]:
    """Decode per-step class logits into label sequences, greedily or by beam search.

    Args:
        inputs: Logits of shape `(batch, max_steps, num_classes)` (not softmaxed).
        sequence_lengths: The number of valid steps of each sequence, shape `(batch,)`.
        strategy: `"greedy"` (best class per step) or `"beam_search"` (prefix beam
            search over the log-softmax of `inputs`).
        beam_width: The number of prefixes kept per step (beam search only).
        top_paths: The number of best sequences returned (beam search only).
        merge_repeated: Whether the greedy decoder merges repeated classes that no
            blank separates (beam search always does).
        mask_index: The class index of the blank; `None` means the last class.

    Returns:
        A tuple `(decoded, scores)`. `decoded` is int32 of shape
        `(top_paths, batch, max_steps)` (`top_paths` is 1 for greedy), each sequence
        moved to the front and padded with -1. `scores` is float32 of shape
        `(batch, top_paths)`: the negated sum of the chosen logits (greedy), or the
        log-probability of each sequence (beam search, best first).

    Raises:
        ValueError: If `strategy` is unknown, `top_paths` is not in
            `[1, beam_width]`, or `inputs` is not 3-D.

    Example:

    >>> logits = np.log(np.array([[[0.1, 0.9], [0.8, 0.2], [0.1, 0.9]]], dtype="float32"))
    >>> decoded, scores = keras.ops.ctc_decode(logits, np.array([3]))
    >>> decoded
    array([[[ 1,  1, -1]]], dtype=int32)
    """
    _check_strategy(strategy, beam_width, top_paths)
    x = convert(inputs, result_type(infer_dtype(inputs), "float32"))
    if x.ndim != 3:
        raise ValueError(
            f"ctc_decode: `inputs` must have shape (batch, steps, classes). Received: {tuple(x.shape)}"
        )
    lengths = convert(sequence_lengths, "int32")
    blank = x.shape[2] - 1 if mask_index is None else int(mask_index)
    if strategy == "greedy":
        decoded, scores = K.nn.ctc_greedy_decode(x, lengths, bool(merge_repeated), blank)
        return convert(decoded, "int32"), scores
    log_probs = to_numpy(K.nn.log_softmax(x, (2,)))
    paths, log_likelihoods = K.nn.ctc_beam_search_decode(
        log_probs, to_numpy(lengths), beam_width, top_paths, blank
    )
    return convert(paths, "int32"), convert(log_likelihoods, "float32")


# --- PSNR -------------------------------------------------------------------------------------


def _psnr_rule(x1: Any, x2: Any) -> Spec:
    s1, s2 = as_spec(x1), as_spec(x2)
    _same_shape_psnr(s1.shape, s2.shape)
    return Spec((), _loss_dtype(x1, x2))


def _same_shape_psnr(shape1: Shape, shape2: Shape) -> None:
    if not _compatible(shape1, shape2):
        raise ValueError(f"psnr: `x1` and `x2` must have the same shape. Received: {shape1} and {shape2}")


@op(_psnr_rule)
def psnr(x1: ArrayLike, x2: ArrayLike, max_val: float) -> Tensor:
    """Return the peak signal-to-noise ratio between `x1` and `x2`, in decibels.

    Computes `20 * log10(max_val) - 10 * log10(mean((x1 - x2)**2))`; identical inputs
    give `inf`.

    Args:
        x1: The first signal.
        x2: The second signal, same shape as `x1`.
        max_val: The largest value the signals can take (e.g. 1.0 or 255).

    Returns:
        A float scalar tensor, of the promoted dtype of `x1` and `x2`.

    Raises:
        ValueError: If the shapes differ.

    Example:

    >>> float(keras.ops.psnr(np.array([0.0, 1.0]), np.array([0.1, 0.9]), 1.0))
    20.0
    """
    dtype = _loss_dtype(x1, x2)
    a, b = convert(x1, dtype), convert(x2, dtype)
    _same_shape_psnr(tuple(a.shape), tuple(b.shape))
    return K.nn.psnr(a, b, convert(max_val, dtype))
