"""The custom attributes the pipeline's components share, registered by :func:`register`, and the
text of a doc, which they all read (:func:`doc_text`).

Called by the pipeline factories (not at import time), like spaCy's own components do for theirs.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

SPAN_GROUP = "vnie"
SPAN_ATTRS_ATTR = "vnie_attrs"
RELATIONS_ATTR = "vnie_relations"


#: how many texts the per-text caches of the components keep (sentences, breaks, document dates):
#: a doc meets the components before the trained ones and those after them up to one processing
#: batch apart (``vnie extract`` hands the pipeline 32 documents at a time)
TEXT_CACHE_SIZE = 64

#: the text of each live doc that has been asked for (or that the tokenizer made), by the doc
_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins it from the tokens on every access, and every component
    reads it. A doc's text never changes (retokenizing splits and merges tokens, not characters)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record that ``text`` is ``doc.text`` (a tokenizer that cut the doc from ``text`` knows it)."""
    _TEXTS[doc] = text


def register() -> None:
    """Register ``Span._.vnie_attrs`` and ``Doc._.vnie_relations`` (idempotent)."""
    if not Span.has_extension(SPAN_ATTRS_ATTR):
        Span.set_extension(SPAN_ATTRS_ATTR, default=None)
    if not Doc.has_extension(RELATIONS_ATTR):
        Doc.set_extension(RELATIONS_ATTR, default=None)
