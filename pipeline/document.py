"""The JSONL document format of ``annotations/FORMAT.md`` as pydantic models.

These models are the I/O boundary: gold files, prediction files and the output of ``vnie extract``
are read into them and written from them. Inside the pipeline, spaCy ``Doc`` and ``Span`` objects
carry the same information; :mod:`pipeline.convert` moves between the two.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

LABELS: tuple[str, ...] = ("ORG", "OFFICIAL", "TITLE", "INDICATOR", "QUANTITY", "TIME", "BASIS")

#: relation label -> (head label, tail label)
RELATION_TYPES: dict[str, tuple[str, str]] = {
    "indicator": ("QUANTITY", "INDICATOR"),
    "time": ("QUANTITY", "TIME"),
    "basis": ("QUANTITY", "BASIS"),
    "title": ("OFFICIAL", "TITLE"),
    "org": ("OFFICIAL", "ORG"),
}

#: relations of which a QUANTITY has at most one
SINGLE_RELATIONS: frozenset[str] = frozenset({"indicator", "time", "basis"})

QUANTITY_ATTRS: tuple[str, ...] = (
    "value",
    "value_max",
    "unit",
    "kind",
    "bound",
    "period",
    "basis",
    "status",
)
#: attribute keys each label carries
ATTR_KEYS: dict[str, tuple[str, ...]] = {
    "QUANTITY": QUANTITY_ATTRS,
    "TIME": ("period",),
    "BASIS": ("basis",),
    "ORG": (),
    "OFFICIAL": (),
    "TITLE": (),
    "INDICATOR": (),
}
KINDS: tuple[str, ...] = ("level", "change", "ratio", "share")
BOUNDS: tuple[str | None, ...] = (None, "~", ">", ">=", "<", "<=")
STATUSES: tuple[str, ...] = ("actual", "estimate", "target")
NAMED_BASES: tuple[str, ...] = ("same_period_last_year", "previous_period", "plan")


def document_text(raw: str) -> str:
    """The document text of FORMAT.md: ``raw`` in NFC with surrounding whitespace removed."""
    return unicodedata.normalize("NFC", raw).strip()


def text_sha256(text: str) -> str:
    """SHA-256 (hex) of the UTF-8 bytes of a document text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Span(_Strict):
    id: str
    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any] = Field(default_factory=dict)


class Relation(_Strict):
    head: str
    tail: str
    label: str


class Document(_Strict):
    """One line of a JSONL file, in full form (``text``) or standoff form (``source``)."""

    id: str
    text: str | None = None
    source: str | None = None
    text_sha256: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)
    spans: list[Span] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    @property
    def is_standoff(self) -> bool:
        return self.source is not None

    def to_record(self) -> dict[str, Any]:
        """The JSON object of this document: standoff records leave their text out."""
        record: dict[str, Any] = {"id": self.id}
        if self.is_standoff:
            record["source"] = self.source
            record["text_sha256"] = self.text_sha256
        else:
            record["text"] = self.text
        record["meta"] = self.meta
        record["spans"] = [span.model_dump() for span in self.spans]
        record["relations"] = [relation.model_dump() for relation in self.relations]
        return record
