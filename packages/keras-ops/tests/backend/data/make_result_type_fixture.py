"""Record Keras 3's dtype answers as JSON, for `test_dtypes.py` to compare against.

Run it with the *reference* environment, the one that holds the real Keras 3 (never
this suite's), from any directory:

    /tmp/allenv/bin/python make_result_type_fixture.py

It starts one child process per backend (each backend must be chosen before Keras is
imported) and writes `result_type_keras3.json` beside this file. The tables cover
`keras.backend.result_type` on every ordered pair of Keras's dtypes and Python types
and on a fixed sample of triples, `keras.backend.standardize_dtype` on many kinds of
input, `is_float_dtype` and `is_int_dtype`, and the dtypes `keras.ops.sin`, `sqrt` and
`mean` give (eager and symbolic), each under every floatx. jax and torch are run too and
must give numpy's answers on every backend-independent table.

Keys name inputs without ambiguity: a dtype name is itself ("int32"); a Python type is
"py:int", "py:float", "py:bool", "py:complex", "py:str"; `None` is "None". Several
arguments are joined with ",". A standardize_dtype input is "<kind>:<name>", the kinds
being "str", "py", "np.dtype", "np.type", "ml_dtypes", "torch", "jnp" and "tf". An
answer is a dtype name, or "!" followed by the exception's class name.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).with_name("result_type_keras3.json")
FLOATX = ("float32", "float16", "bfloat16", "float64")
PYTHON_KEYS = ("py:int", "py:float", "py:bool", "py:complex", "None")
NUM_TRIPLES = 150
# Backends recorded in full. jax and torch are checked to give numpy's answers.
FULL_BACKENDS = ("numpy", "tensorflow")
SAME_AS_NUMPY = ("jax", "torch")
# Eager op dtypes on jax and torch come from those frameworks' kernels, so only these
# tables must equal numpy's.
BACKEND_INDEPENDENT_TABLES = (
    "result_type",
    "standardize_dtype",
    "is_float_dtype",
    "is_int_dtype",
    "sin_symbolic",
    "sqrt_symbolic",
    "mean_symbolic",
)
STANDARDIZE_STRINGS = (
    "float",
    "int",
    "uint",
    "double",
    "half",
    "str",
    "string",
    "Float32",
    " float32",
    "float8_e4m3",
    "int4",
    "object",
    "torch.float32",
    "jax.numpy.bfloat16",
    "tf.float32",
    "",
)
NUMPY_NAMES = (
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "str_",
    "object_",
    "bytes_",
    "datetime64",
    "longdouble",
)
ML_DTYPES_NAMES = ("bfloat16", "float8_e4m3fn", "float8_e5m2", "int4", "float8_e4m3fnuz", "float4_e2m1fn")
FRAMEWORK_NAMES = (
    "bool",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "int8",
    "int16",
    "int32",
    "int64",
    "bfloat16",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "float8_e4m3fn",
    "float8_e5m2",
    "string",
    "qint8",
    "resource",
    "half",
    "double",
    "cfloat",
    "long",
    "quint8",
    "int4",
    "float8_e4m3fnuz",
)


def _answer(fn: Any, *args: Any) -> str:
    try:
        return str(fn(*args))
    except Exception as error:  # the class of any failure is the answer
        return "!" + type(error).__name__


def _python_value(key: str) -> Any:
    names = {"py:int": int, "py:float": float, "py:bool": bool, "py:complex": complex, "py:str": str}
    if key == "None":
        return None
    return names.get(key, key)


def _standardize_inputs() -> dict[str, Any]:
    import ml_dtypes
    import numpy as np

    inputs: dict[str, Any] = {"None": None}
    for name in STANDARDIZE_STRINGS:
        inputs[f"str:{name}"] = name
    for py_type in (int, float, bool, complex, str, bytes, list, object):
        inputs[f"py:{py_type.__name__}"] = py_type
    for name in NUMPY_NAMES:
        inputs[f"np.type:{name}"] = getattr(np, name)
        inputs[f"np.dtype:{name}"] = np.dtype(getattr(np, name))
    for name in ML_DTYPES_NAMES:
        inputs[f"ml_dtypes:{name}"] = getattr(ml_dtypes, name)
        inputs[f"np.dtype:{name}"] = np.dtype(getattr(ml_dtypes, name))
    for prefix, module_name in (("torch", "torch"), ("jnp", "jax.numpy"), ("tf", "tensorflow")):
        module = __import__(module_name, fromlist=["_"])
        for name in FRAMEWORK_NAMES:
            if hasattr(module, name):
                inputs[f"{prefix}:{name}"] = getattr(module, name)
    return inputs


def _eager_dtype(keras: Any, op: Any, dtype: str) -> str:
    return str(keras.backend.standardize_dtype(op(keras.ops.ones((3,), dtype=dtype)).dtype))


def _symbolic_dtype(keras: Any, op: Any, dtype: str) -> str:
    return str(op(keras.KerasTensor((3,), dtype=dtype)).dtype)


def _op_dtypes(keras: Any, allowed: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Return the dtype of sin, sqrt and mean on each input dtype, eager and symbolic."""
    tables: dict[str, dict[str, str]] = {}
    for op_name in ("sin", "sqrt", "mean"):
        op = getattr(keras.ops, op_name)
        eager: dict[str, str] = {}
        symbolic: dict[str, str] = {}
        for dtype in allowed:
            if dtype == "string":
                continue
            eager[dtype] = _answer(_eager_dtype, keras, op, dtype)
            symbolic[dtype] = _answer(_symbolic_dtype, keras, op, dtype)
        tables[f"{op_name}_eager"] = eager
        tables[f"{op_name}_symbolic"] = symbolic
    return tables


def _record_backend(backend: str) -> dict[str, Any]:
    """Return every table for the running backend (called in the child process)."""
    import importlib

    import keras

    assert keras.backend.backend() == backend, keras.backend.backend()
    # Keras keeps its dtype list private; the fixture records it so our copy is checked.
    allowed = tuple(importlib.import_module("keras.src.backend.common.dtypes").ALLOWED_DTYPES)
    names = allowed + PYTHON_KEYS
    rng = random.Random(0)
    combos: list[tuple[str, ...]] = [*itertools.product(names, repeat=1), *itertools.product(names, repeat=2)]
    combos += [tuple(rng.sample(names, 3)) for _ in range(NUM_TRIPLES)]
    standardize_inputs = _standardize_inputs()
    record: dict[str, Any] = {"allowed_dtypes": list(allowed), "floatx": {}}
    for floatx in FLOATX:
        keras.config.set_floatx(floatx)
        result_type: dict[str, str] = {"": _answer(keras.backend.result_type)}
        for combo in combos:
            result_type[",".join(combo)] = _answer(keras.backend.result_type, *map(_python_value, combo))
        section: dict[str, Any] = {
            "result_type": result_type,
            "standardize_dtype": {
                key: _answer(keras.backend.standardize_dtype, value)
                for key, value in standardize_inputs.items()
            },
        }
        for predicate in ("is_float_dtype", "is_int_dtype"):
            fn = getattr(keras.backend, predicate)
            section[predicate] = {key: _answer(fn, _python_value(key)) for key in names}
        section.update(_op_dtypes(keras, allowed))
        record["floatx"][floatx] = section
    keras.config.set_floatx("float32")
    return record


def _run_child(backend: str) -> dict[str, Any]:
    env = dict(os.environ, KERAS_BACKEND=backend, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    done = subprocess.run(
        [sys.executable, __file__, "--child", backend], env=env, capture_output=True, text=True, check=True
    )
    record: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return record


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(_record_backend(sys.argv[2])))
        return
    from importlib.metadata import version

    records = {backend: _run_child(backend) for backend in FULL_BACKENDS}
    for backend in SAME_AS_NUMPY:
        other = _run_child(backend)
        for floatx, section in other["floatx"].items():
            for table in BACKEND_INDEPENDENT_TABLES:
                assert section[table] == records["numpy"]["floatx"][floatx][table], (backend, floatx, table)
    fixture = {
        "keras_version": version("keras"),
        "generated_by": "tests/backend/data/make_result_type_fixture.py",
        "same_as_numpy": list(SAME_AS_NUMPY),
        "backends": records,
    }
    OUTPUT.write_text(json.dumps(fixture, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
