"""Shared setup for the data adapter tests: importable fixtures module, one torch thread."""

from __future__ import annotations

import sys
from pathlib import Path

from keras.backend import backend

sys.path.insert(0, str(Path(__file__).parent))

if backend() == "torch":
    import torch

    torch.set_num_threads(1)
