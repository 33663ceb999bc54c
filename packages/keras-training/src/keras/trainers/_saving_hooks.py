"""The one place keras-training reaches up to keras-saving, lazily (see DESIGN.md)."""

from __future__ import annotations

from types import ModuleType


def saving_module() -> ModuleType:
    """Return `keras.saving`, or raise an ImportError saying which distribution to install."""
    try:
        import keras.saving as saving
    except ImportError as error:  # pragma: no cover - exercised in the isolated environment
        raise ImportError(
            "Saving and loading models needs the keras-saving distribution: `pip install keras-saving` "
            "(or `pip install keras`)."
        ) from error
    if not hasattr(saving, "save_model"):
        raise ImportError(
            "The installed keras.saving has no `save_model`: install keras-saving (`pip install keras-saving`)."
        )
    return saving
