"""From a processed spaCy ``Doc`` to a :class:`~pipeline.document.Document` of the shared format.

Recognizers put their spans in the span group ``doc.spans["vnie"]``, each span's attributes in
``span._.vnie_attrs`` and relations in ``doc._.vnie_relations`` as ``(head, label, tail)`` with
head and tail spans of that group. Span ids are the label's letter and a running number, in text
order, so that the same input always gives the same ids.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .document import Document, Relation, Span, text_sha256
from .extensions import RELATIONS_ATTR, SPAN_ATTRS_ATTR, SPAN_GROUP, doc_text, register

ID_PREFIX = {"ORG": "O", "OFFICIAL": "P", "TITLE": "R", "INDICATOR": "I", "QUANTITY": "Q", "TIME": "T", "BASIS": "B"}


def doc_to_document(doc: Doc, doc_id: str, *, source: str | None = None, meta: dict[str, Any] | None = None) -> Document:
    """The shared-format record of ``doc``; standoff (no text) when ``source`` is given."""
    register()
    group = sorted(doc.spans.get(SPAN_GROUP, []), key=lambda s: (s.start_char, s.end_char))
    ids: dict[tuple[int, int, str], str] = {}
    counters: dict[str, int] = {}
    text = doc_text(doc)
    spans = []
    for span in group:
        start, end, label = _key(span)
        counters[label] = counters.get(label, 0) + 1
        span_id = f"{ID_PREFIX.get(label, 'X')}{counters[label]}"
        ids[start, end, label] = span_id
        attrs = dict(span._.get(SPAN_ATTRS_ATTR) or {})
        spans.append(Span(id=span_id, start=start, end=end, label=label, text=text[start:end], attrs=attrs))
    relations = [
        Relation(head=ids[_key(head)], tail=ids[_key(tail)], label=label)
        for head, label, tail in doc._.get(RELATIONS_ATTR) or []
    ]
    standoff = {"source": source, "text_sha256": text_sha256(text)} if source else {"text": text}
    return Document(id=doc_id, meta=meta or {}, spans=spans, relations=relations, **standoff)


def _key(span: SpacySpan) -> tuple[int, int, str]:
    return span.start_char, span.end_char, span.label_

