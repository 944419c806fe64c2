"""The last step of the pipeline: no two spans of the group overlap (GUIDELINES.md, General rules).

Every recognizer adds to ``doc.spans["vnie"]``; most avoid what is already there, but nothing else
guarantees it. :class:`SpanResolver` (factory ``vnie_span_resolver``) keeps a non-overlapping subset:
spans are taken by the rank of their label in ``priority`` (earlier wins), then the longer, then
the earlier; a span that overlaps one already kept is dropped, and so are relations that name it.
A span whose edges break the format (inside a word, like ``1907`` in ``1907A``; or with edge
punctuation) cannot be written out, so it is dropped first.
"""

from __future__ import annotations

from pathlib import Path
from spacy.language import Language
from spacy.tokens import Doc, Span

from .document import LABELS
from .errors import Errors, VnieError
from .extensions import RELATIONS_ATTR, SPAN_GROUP, doc_text, register
from .validation import edge_problems

#: QUANTITY, TIME and BASIS are found by precise rules; names come before indicators, whose edges
#: are the least certain
DEFAULT_PRIORITY: tuple[str, ...] = ("QUANTITY", "TIME", "BASIS", "OFFICIAL", "TITLE", "ORG", "INDICATOR")


def resolve(spans: list[Span], priority: tuple[str, ...] = DEFAULT_PRIORITY) -> list[Span]:
    """The non-overlapping subset of ``spans`` described in the module doc, in text order."""
    def rank(span: Span) -> tuple[int, int, int]:
        order = priority.index(span.label_) if span.label_ in priority else len(priority)
        return order, -(span.end_char - span.start_char), span.start_char

    kept: list[Span] = []
    for span in sorted(spans, key=rank):
        if not any(span.start_char < k.end_char and k.start_char < span.end_char for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: (s.start_char, s.end_char))


def _bad_edges(text: str, start: int, end: int) -> bool:
    """Whether the span at ``text[start:end]`` breaks the edge rules (the slice is the span's text)."""
    return any(edge_problems(text[start:end], text, start, end))


def check_priority(priority: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    for label in priority:
        if label not in LABELS:
            raise VnieError(Errors.E017.format(label=label, priority=list(priority), labels=list(LABELS)))
    return tuple(priority)


@Language.factory(
    "vnie_span_resolver",
    assigns=["doc.spans"],
    default_config={"spans_key": SPAN_GROUP, "priority": list(DEFAULT_PRIORITY)},
    default_score_weights={},
)
def make_span_resolver(nlp: Language, name: str, *, spans_key: str, priority: list[str]) -> "SpanResolver":
    register()
    return SpanResolver(name=name, spans_key=spans_key, priority=priority)


class SpanResolver:
    def __init__(self, *, name: str = "vnie_span_resolver", spans_key: str = SPAN_GROUP,
                 priority: list[str] | tuple[str, ...] = DEFAULT_PRIORITY) -> None:
        register()
        self.name = name
        self.spans_key = spans_key
        self.priority = check_priority(priority)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.predict(doc))

    def predict(self, doc: Doc) -> list[Span]:
        text = doc_text(doc)
        spans = [s for s in doc.spans.get(self.spans_key, []) if not _bad_edges(text, s.start_char, s.end_char)]
        return resolve(spans, self.priority)

    def set_annotations(self, doc: Doc, kept: list[Span]) -> Doc:
        doc.spans[self.spans_key] = kept
        relations = doc._.get(RELATIONS_ATTR)
        if relations:
            keys = {(s.start_char, s.end_char, s.label_) for s in kept}
            doc._.set(RELATIONS_ATTR, [
                (head, label, tail) for head, label, tail in relations
                if (head.start_char, head.end_char, head.label_) in keys and (tail.start_char, tail.end_char, tail.label_) in keys
            ])
        return doc

    # stateless: the settings live in the pipeline's config, so nothing is saved

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> "SpanResolver":
        return self

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        return None

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> "SpanResolver":
        return self
