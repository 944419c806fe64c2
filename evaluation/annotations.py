"""A document's annotations as the hashable keys that the scorers compare.

Spans are compared by ``(start, end, label)``, relations by their label and both argument spans'
keys, quantities by their offsets; span ids never matter, since gold and prediction number their
spans independently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pipeline.document import Document


class SpanKey(NamedTuple):
    """A span as the scorers see it: half-open character offsets and a label."""

    start: int
    end: int
    label: str

    def overlaps(self, other: SpanKey) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def offsets(self) -> tuple[int, int]:
        return (self.start, self.end)


class RelationKey(NamedTuple):
    label: str
    head: SpanKey
    tail: SpanKey

    @property
    def arguments(self) -> tuple[SpanKey, SpanKey]:
        return (self.head, self.tail)


@dataclass(frozen=True)
class AnnotationIndex:
    """The spans, relations and quantity attributes of one document, sorted by offsets."""

    spans: tuple[SpanKey, ...] = ()
    relations: tuple[RelationKey, ...] = ()
    #: QUANTITY span -> its attributes
    quantities: dict[SpanKey, dict[str, Any]] = field(default_factory=dict)
    #: QUANTITY span -> the INDICATOR span of its ``indicator`` relation
    indicators: dict[SpanKey, SpanKey] = field(default_factory=dict)

    def spans_with_label(self, label: str) -> tuple[SpanKey, ...]:
        return tuple(span for span in self.spans if span.label == label)


EMPTY = AnnotationIndex()


def index_document(document: Document) -> AnnotationIndex:
    """The keys of ``document``'s annotations (which :mod:`pipeline.validation` has checked)."""
    by_id = {span.id: SpanKey(span.start, span.end, span.label) for span in document.spans}
    relations = tuple(
        sorted(
            RelationKey(relation.label, by_id[relation.head], by_id[relation.tail])
            for relation in document.relations
            if relation.head in by_id and relation.tail in by_id
        )
    )
    quantities = {by_id[span.id]: dict(span.attrs) for span in document.spans if span.label == "QUANTITY"}
    indicators: dict[SpanKey, SpanKey] = {}
    for relation in relations:
        if relation.label == "indicator":
            indicators.setdefault(relation.head, relation.tail)
    return AnnotationIndex(tuple(sorted(by_id.values())), relations, quantities, indicators)
