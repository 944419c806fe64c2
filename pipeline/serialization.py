"""Saving and loading a rule component's settings, the way spaCy's own components do."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

import srsly
from spacy import util


class ConfigSerializable:
    """``to_bytes`` / ``from_bytes`` / ``to_disk`` / ``from_disk`` of the settings a component
    reports with ``_get_config`` and checks in ``_set_config``, stored under the name ``cfg``."""

    def _get_config(self) -> dict[str, Any]:
        raise NotImplementedError

    def _set_config(self, config: dict[str, Any]) -> None:
        raise NotImplementedError

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        return util.to_bytes({"cfg": lambda: srsly.json_dumps(self._get_config())}, exclude)

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> Self:
        util.from_bytes(data, {"cfg": lambda b: self._set_config(srsly.json_loads(b))}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        util.to_disk(util.ensure_path(path), {"cfg": lambda p: srsly.write_json(p, self._get_config())}, exclude)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> Self:
        util.from_disk(util.ensure_path(path), {"cfg": lambda p: self._set_config(srsly.read_json(p))}, exclude)
        return self
