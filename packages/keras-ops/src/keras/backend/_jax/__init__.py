"""The JAX backend.

64-bit types are enabled so that float64 and int64 tensors keep their dtype, as they do
on every other backend; every kernel passes explicit dtypes, so this changes no default.
"""

import jax

jax.config.update("jax_enable_x64", True)  # type: ignore[no-untyped-call]
