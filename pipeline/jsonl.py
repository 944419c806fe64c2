"""Writing documents as JSONL lines (FORMAT.md), atomically."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .document import Document
from .textio import write_lines_atomic


def document_line(document: Document) -> str:
    """One JSONL line for ``document`` (standoff records leave their text out)."""
    return json.dumps(document.to_record(), ensure_ascii=False)


def write_documents(path: str | Path, documents: Iterable[Document]) -> None:
    """Write ``documents`` to ``path`` atomically: readers see the old file or the whole new one."""
    write_lines_atomic(path, (document_line(document) for document in documents))
