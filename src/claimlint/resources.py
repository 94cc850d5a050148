"""Where the built-in packs and JSON Schemas live: in the wheel, or in a source checkout."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal


def data_dir(name: Literal["rules", "schemas"]) -> Path:
    """The folder of built-in data.

    An installed wheel carries it as ``claimlint/<name>``; a source or editable checkout
    keeps the only copy at the top of the repository.
    """
    packaged = Path(str(files("claimlint") / name))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A JSON Schema from ``schemas/``, parsed once per process."""
    schema: dict[str, Any] = json.loads((data_dir("schemas") / name).read_text(encoding="utf-8"))
    return schema
