"""Turn context-anchored annotation drafts into records of the shared format.

Counting character offsets by hand is error-prone, so annotators write a *draft* in which each span
is located by a short context string that occurs exactly once in the text (the draft format of
``shared/annotation/tools/anchor.py``)::

    {"id": "hddtvn/some-article", "source": "hddtvn/some-article.txt", "meta": {},
     "spans": [{"id": "Q1", "label": "QUANTITY", "text": "19,25%", "ctx": "ước đạt 19,25%;",
                "attrs": {...}}],
     "relations": [["Q1", "indicator", "I1"]]}

The text comes from ``source`` in the corpus folder (a standoff record is made) or from ``text``
(a full record). :func:`anchor_draft` finds every span, and the result is checked by the validator,
so a draft either becomes a valid record or every problem is reported.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .document import Document, Relation, Span, document_text, text_sha256
from .errors import Errors, VnieError
from .textio import read_text_file


class DraftSpan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    text: str
    ctx: str | None = None
    attrs: dict[str, Any] = Field(default_factory=dict)


class Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str | None = None
    source: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)
    spans: list[DraftSpan] = Field(default_factory=list)
    relations: list[tuple[str, str, str]] = Field(default_factory=list)


def read_draft(path: Path) -> Draft:
    try:
        return Draft.model_validate(json.loads(read_text_file(path)))
    except json.JSONDecodeError as error:
        raise VnieError(Errors.E011.format(path=path, detail=f"line {error.lineno}: {error.msg}")) from None
    except ValidationError as error:
        details = "; ".join(f"[{' -> '.join(map(str, e['loc']))}] {e['msg']}" for e in error.errors())
        raise VnieError(Errors.E011.format(path=path, detail=details)) from None


def anchor_draft(draft: Draft, corpus: Path | None) -> Document:
    """The record of ``draft``: standoff when it names a ``source``, else full."""
    text = _draft_text(draft, corpus)
    spans, problems = [], []
    for draft_span in draft.spans:
        try:
            spans.append(_anchor_span(draft.id, draft_span, text))
        except VnieError as error:
            problems.append(str(error))
    if problems:
        raise VnieError("\n".join(problems))
    spans.sort(key=lambda s: (s.start, s.end))
    relations = [Relation(head=head, label=label, tail=tail) for head, label, tail in draft.relations]
    floats = [_with_float_values(span) for span in spans]
    if draft.source is not None:
        return Document(id=draft.id, source=draft.source, text_sha256=text_sha256(text), meta=draft.meta, spans=floats, relations=relations)
    return Document(id=draft.id, text=text, meta=draft.meta, spans=floats, relations=relations)


def _draft_text(draft: Draft, corpus: Path | None) -> str:
    if (draft.text is None) == (draft.source is None):
        raise VnieError(Errors.E012.format(doc_id=draft.id))
    if draft.text is not None:
        return document_text(draft.text)
    if corpus is None:
        raise VnieError(Errors.E005.format(doc_id=draft.id, source=draft.source))
    return document_text(read_text_file(corpus / draft.source))


def _anchor_span(doc_id: str, span: DraftSpan, text: str) -> Span:
    piece = unicodedata.normalize("NFC", span.text)
    context = unicodedata.normalize("NFC", span.ctx or span.text)
    found = text.count(context)
    if found != 1:
        raise VnieError(Errors.E013.format(doc_id=doc_id, span_id=span.id, ctx=context, count=found))
    offset = context.find(piece)
    if offset < 0:
        raise VnieError(Errors.E014.format(doc_id=doc_id, span_id=span.id, text=piece, ctx=context))
    start = text.index(context) + offset
    return Span(id=span.id, start=start, end=start + len(piece), label=span.label, text=piece, attrs=span.attrs)


def _with_float_values(span: Span) -> Span:
    attrs = dict(span.attrs)
    for name in ("value", "value_max"):
        if isinstance(attrs.get(name), int) and not isinstance(attrs.get(name), bool):
            attrs[name] = float(attrs[name])
    return span.model_copy(update={"attrs": attrs})
