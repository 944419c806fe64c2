"""Accuracy of the quantity attributes over strictly matched quantities.

A gold QUANTITY and a predicted QUANTITY with the same offsets are compared on each attribute of
GUIDELINES.md and on their indicator link (the offsets of the INDICATOR that their ``indicator``
relation points to, or no indicator on both sides). Numbers are equal within a relative 1e-6.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from pipeline.document import QUANTITY_ATTRS

from .annotations import AnnotationIndex, SpanKey
from .metrics import Totals, accuracy, add_counts, count, to_python, total
from .pairing import DocPair

#: the attributes compared, the indicator link last
ATTRIBUTES: tuple[str, ...] = (*QUANTITY_ATTRS, "indicator")
NUMERIC_ATTRIBUTES = frozenset({"value", "value_max"})
RELATIVE_TOLERANCE = 1e-6


def values_equal(gold: Any, pred: Any) -> bool:
    """Equal numbers within a relative 1e-6 (both None counts as equal)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return math.isclose(gold, pred, rel_tol=RELATIVE_TOLERANCE, abs_tol=0.0)


def attribute_value(document: AnnotationIndex, quantity: SpanKey, name: str) -> Any:
    """The attribute ``name`` of a quantity; for ``indicator`` the linked INDICATOR's offsets."""
    if name == "indicator":
        indicator = document.indicators.get(quantity)
        return None if indicator is None else indicator.offsets
    return document.quantities[quantity].get(name)


def attribute_matches(gold: AnnotationIndex, pred: AnnotationIndex, quantity: SpanKey) -> dict[str, bool]:
    """For a quantity present on both sides, whether each attribute agrees."""
    matches = {}
    for name in ATTRIBUTES:
        gold_value, pred_value = attribute_value(gold, quantity, name), attribute_value(pred, quantity, name)
        if name in NUMERIC_ATTRIBUTES:
            matches[name] = values_equal(gold_value, pred_value)
        else:
            matches[name] = gold_value == pred_value
    return matches


def matched_quantities(gold: AnnotationIndex, pred: AnnotationIndex) -> list[SpanKey]:
    """Gold quantities that a predicted quantity matches strictly, in offset order."""
    return sorted(set(gold.quantities) & set(pred.quantities))


def attribute_counts(gold: AnnotationIndex, pred: AnnotationIndex) -> dict[str, int]:
    """``attrs/matched`` and ``attrs/<name>/correct`` of one document (zeros left out)."""
    counts: dict[str, int] = {}
    for quantity in matched_quantities(gold, pred):
        counts["attrs/matched"] = counts.get("attrs/matched", 0) + 1
        for name, equal in attribute_matches(gold, pred, quantity).items():
            if equal:
                counts[f"attrs/{name}/correct"] = counts.get(f"attrs/{name}/correct", 0) + 1
    return counts


def attribute_scores(totals: Totals) -> dict[str, Any]:
    """``attrs_matched`` and, per attribute, ``attrs_<name>_acc`` and ``attrs_<name>_correct``."""
    matched = total(totals, "attrs/matched")
    scores: dict[str, Any] = {"attrs_matched": count(matched)}
    for name in ATTRIBUTES:
        correct = total(totals, f"attrs/{name}/correct")
        scores[f"attrs_{name}_acc"] = accuracy(correct, matched)
        scores[f"attrs_{name}_correct"] = count(correct)
    return scores


def score_attributes(pairs: Sequence[DocPair]) -> dict[str, Any]:
    """Attribute accuracies of paired documents as plain numbers (None over no matched quantity)."""
    totals: dict[str, int] = {}
    for pair in pairs:
        add_counts(totals, attribute_counts(pair.gold, pair.pred))
    return to_python(attribute_scores(totals))
