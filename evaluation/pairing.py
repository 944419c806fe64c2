"""Pairing predictions with gold documents as FORMAT.md says.

A prediction pairs with the gold document of the same ``id``; where no gold document has its id,
with a still unpaired gold document whose text has the same SHA-256. A gold document with no
prediction is scored as predicted empty; a prediction with no gold document is reported as
unpaired and not scored. A prediction that shares a gold document's id but not its text is an
error: its offsets point into another text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.document import text_sha256
from pipeline.errors import Errors, VnieError
from pipeline.validation import LoadedDocument

from .annotations import EMPTY, AnnotationIndex, index_document


@dataclass(frozen=True)
class DocPair:
    """One gold document and its prediction (empty when the prediction file has none)."""

    doc_id: str
    text: str
    gold: AnnotationIndex
    pred: AnnotationIndex
    pred_id: str | None = None

    @property
    def predicted(self) -> bool:
        return self.pred_id is not None


@dataclass(frozen=True)
class Pairing:
    pairs: tuple[DocPair, ...]
    #: ids of predictions that pair with no gold document (not scored)
    unpaired: tuple[str, ...] = ()
    #: (gold id, prediction id) of the pairs made by text hash
    by_hash: tuple[tuple[str, str], ...] = ()

    @property
    def missing(self) -> tuple[str, ...]:
        """Ids of the gold documents that have no prediction."""
        return tuple(pair.doc_id for pair in self.pairs if not pair.predicted)

    def summary(self) -> dict[str, Any]:
        return {
            "gold": len(self.pairs),
            "paired": len(self.pairs) - len(self.missing),
            "paired_by_hash": len(self.by_hash),
            "missing": len(self.missing),
            "missing_ids": list(self.missing),
            "unpaired": len(self.unpaired),
            "unpaired_ids": list(self.unpaired),
        }


def pair_documents(
    gold: Sequence[LoadedDocument], pred: Sequence[LoadedDocument], pred_path: str | Path = "<predictions>"
) -> Pairing:
    """One :class:`DocPair` per gold document, in gold order."""
    gold_by_id = {loaded.document.id: loaded for loaded in gold}
    matched: dict[str, LoadedDocument] = {}
    rest: list[LoadedDocument] = []
    for loaded in pred:
        target = gold_by_id.get(loaded.document.id)
        if target is None:
            rest.append(loaded)
            continue
        _check_same_text(target, loaded, pred_path)
        matched[target.document.id] = loaded
    by_hash, unpaired = _pair_by_hash(gold, rest, matched)
    pairs = tuple(_make_pair(loaded, matched.get(loaded.document.id)) for loaded in gold)
    return Pairing(pairs, tuple(unpaired), tuple(by_hash))


def _pair_by_hash(
    gold: Sequence[LoadedDocument], rest: list[LoadedDocument], matched: dict[str, LoadedDocument]
) -> tuple[list[tuple[str, str]], list[str]]:
    free: dict[str, list[str]] = {}
    for loaded in gold:
        if loaded.document.id not in matched:
            free.setdefault(text_sha256(loaded.text), []).append(loaded.document.id)
    by_hash: list[tuple[str, str]] = []
    unpaired: list[str] = []
    for loaded in rest:
        candidates = free.get(text_sha256(loaded.text))
        if not candidates:
            unpaired.append(loaded.document.id)
            continue
        gold_id = candidates.pop(0)
        matched[gold_id] = loaded
        by_hash.append((gold_id, loaded.document.id))
    return by_hash, unpaired


def _check_same_text(gold: LoadedDocument, pred: LoadedDocument, pred_path: str | Path) -> None:
    if gold.text == pred.text:
        return
    message = Errors.E102.format(
        path=pred_path,
        line=pred.line,
        doc_id=pred.document.id,
        pred_sha=text_sha256(pred.text),
        gold_sha=text_sha256(gold.text),
    )
    raise VnieError(message) from None


def _make_pair(gold: LoadedDocument, pred: LoadedDocument | None) -> DocPair:
    if pred is None:
        return DocPair(gold.document.id, gold.text, index_document(gold.document), EMPTY)
    return DocPair(
        gold.document.id, gold.text, index_document(gold.document), index_document(pred.document), pred.document.id
    )
