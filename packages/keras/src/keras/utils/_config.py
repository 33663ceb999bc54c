"""`Config`: a dict with attribute access that can be frozen."""

from __future__ import annotations

import json
from collections.abc import ItemsView, Iterator, KeysView, ValuesView
from typing import Any


class Config:
    """Hold settings as attributes (`config.name`) and as a mapping (`config["name"]`).

    Args:
        **kwargs: The initial settings.

    Example:

    >>> config = keras.utils.Config(learning_rate=0.1, layers=2)
    >>> config.units = 16
    >>> config["layers"], config.as_dict()
    (2, {'learning_rate': 0.1, 'layers': 2, 'units': 16})
    >>> config.freeze()
    >>> config.units = 8
    Traceback (most recent call last):
    ...
    ValueError: Cannot mutate attribute(s) because the config is frozen.
    """

    _config: dict[str, Any]
    _frozen: bool

    def __init__(self, **kwargs: Any) -> None:
        object.__setattr__(self, "_config", dict(kwargs))
        object.__setattr__(self, "_frozen", False)

    @property
    def frozen(self) -> bool:
        """Whether the config refuses changes."""
        return bool(self._frozen)

    def freeze(self) -> None:
        """Refuse any further change."""
        object.__setattr__(self, "_frozen", True)

    def unfreeze(self) -> None:
        """Accept changes again."""
        object.__setattr__(self, "_frozen", False)

    def _raise_if_frozen(self) -> None:
        if self._frozen:
            raise ValueError("Cannot mutate attribute(s) because the config is frozen.")

    def as_dict(self) -> dict[str, Any]:
        """Return a copy of the settings as a dict."""
        return dict(self._config)

    def to_json(self) -> str:
        """Return the settings as a JSON string."""
        return json.dumps(self._config)

    def keys(self) -> KeysView[str]:
        return self._config.keys()

    def values(self) -> ValuesView[Any]:
        return self._config.values()

    def items(self) -> ItemsView[str, Any]:
        return self._config.items()

    def get(self, key: str, default: Any = None) -> Any:
        return self._config.get(key, default)

    def pop(self, *args: Any) -> Any:
        self._raise_if_frozen()
        return self._config.pop(*args)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._raise_if_frozen()
        self._config.update(*args, **kwargs)

    def __setattr__(self, name: str, value: Any) -> None:
        self._raise_if_frozen()
        self._config[name] = value

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_config", "_frozen"):
            raise AttributeError(name)
        try:
            return self._config[name]
        except KeyError:
            raise AttributeError(f"Unknown attribute: '{name}'.") from None

    def __setitem__(self, key: str, value: Any) -> None:
        self._raise_if_frozen()
        self._config[key] = value

    def __getitem__(self, key: str) -> Any:
        return self._config[key]

    def __delitem__(self, key: str) -> None:
        self._raise_if_frozen()
        del self._config[key]

    def __delattr__(self, name: str) -> None:
        self._raise_if_frozen()
        try:
            del self._config[name]
        except KeyError:
            raise AttributeError(f"Unknown attribute: '{name}'.") from None

    def __contains__(self, item: object) -> bool:
        return item in self._config

    def __len__(self) -> int:
        return len(self._config)

    def __iter__(self) -> Iterator[str]:
        return iter(self._config)

    def __repr__(self) -> str:
        return f"<Config {self._config}>"
