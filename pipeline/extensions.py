"""The custom attributes the pipeline's components share, registered by :func:`register`.

Called by the pipeline factories (not at import time), like spaCy's own components do for theirs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPAN_GROUP = "vnie"
SPAN_ATTRS_ATTR = "vnie_attrs"
RELATIONS_ATTR = "vnie_relations"


def register() -> None:
    """Register ``Span._.vnie_attrs`` and ``Doc._.vnie_relations`` (idempotent)."""
    if not Span.has_extension(SPAN_ATTRS_ATTR):
        Span.set_extension(SPAN_ATTRS_ATTR, default=None)
    if not Doc.has_extension(RELATIONS_ATTR):
        Doc.set_extension(RELATIONS_ATTR, default=None)
