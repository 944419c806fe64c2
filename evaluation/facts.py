"""Fact scores, the headline of the project (GUIDELINES.md, "Facts").

A fact is a QUANTITY with its resolved attributes and its indicator. A predicted fact is correct
when a gold fact has the same quantity offsets, the same indicator offsets (or neither has an
indicator) and equal attributes (numbers within a relative 1e-6): every attribute of
:mod:`evaluation.attributes` agrees.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .annotations import AnnotationIndex
from .attributes import attribute_matches, matched_quantities
from .metrics import Totals, add_counts, detection_scores, to_python
from .pairing import DocPair


def fact_counts(gold: AnnotationIndex, pred: AnnotationIndex) -> dict[str, int]:
    """``facts/tp``, ``facts/fp`` and ``facts/fn`` of one document (zeros left out)."""
    hits = sum(all(attribute_matches(gold, pred, q).values()) for q in matched_quantities(gold, pred))
    counts = {"facts/tp": hits, "facts/fp": len(pred.quantities) - hits, "facts/fn": len(gold.quantities) - hits}
    return {key: value for key, value in counts.items() if value}


def fact_scores(totals: Totals) -> dict[str, Any]:
    """``facts_p``, ``facts_r``, ``facts_f``, ``facts_tp``, ``facts_fp``, ``facts_fn``."""
    return {f"facts_{name}": value for name, value in detection_scores(totals, "facts").items()}


def score_facts(pairs: Sequence[DocPair]) -> dict[str, Any]:
    """Fact scores of paired documents as plain numbers (None where undefined)."""
    totals: dict[str, int] = {}
    for pair in pairs:
        add_counts(totals, fact_counts(pair.gold, pair.pred))
    return to_python(fact_scores(totals))
