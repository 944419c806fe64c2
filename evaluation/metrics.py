"""Precision, recall, F1 and accuracy from summed counts, vectorized over bootstrap resamples.

Every formula takes counts as numbers or numpy arrays of any shape (one value per resample) and
returns arrays of that shape, so point estimates and bootstrap replicates share one definition.
Where a score is undefined (nothing in the gold and nothing predicted, or an accuracy over no
items) the value is NaN; :func:`to_python` turns it into ``None`` for the flat score dicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

import numpy as np

Number: TypeAlias = "float | np.ndarray"
#: summed counts by key (``spans/strict/ORG/correct``), as numbers or arrays over resamples
Totals: TypeAlias = Mapping[str, Any]


def ratio(numerator: Number, denominator: Number) -> np.ndarray:
    """``numerator / denominator`` where the denominator is positive, else NaN."""
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den > 0)
    return out


def prf(matched: Number, actual: Number, possible: Number) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall and F1 of ``matched`` credit over ``actual`` predictions and ``possible`` gold items.

    As in nervaluate and spaCy, a side with no items scores 0 while the other side has some; all
    three are NaN when both sides are empty.
    """
    actual = np.asarray(actual, dtype=float)
    possible = np.asarray(possible, dtype=float)
    empty = (actual + possible) == 0
    precision = np.where(empty, np.nan, np.nan_to_num(ratio(matched, actual)))
    recall = np.where(empty, np.nan, np.nan_to_num(ratio(matched, possible)))
    f1 = np.where(empty, np.nan, np.nan_to_num(ratio(2 * precision * recall, precision + recall)))
    return precision, recall, f1


def accuracy(correct: Number, total: Number) -> np.ndarray:
    """``correct / total``, NaN over no items."""
    return ratio(correct, total)


def total(totals: Totals, key: str) -> np.ndarray:
    """The summed count ``key`` (0 where no document had it)."""
    return np.asarray(totals.get(key, 0.0), dtype=float)


def to_python(value: Any) -> Any:
    """Scores with 0-d arrays and NaN turned into plain floats, ints and ``None`` (JSON-ready)."""
    if isinstance(value, Mapping):
        return {key: to_python(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_python(item) for item in value]
    if isinstance(value, np.ndarray):
        return to_python(value.item()) if value.ndim == 0 else [to_python(item) for item in value.tolist()]
    if isinstance(value, (float, np.floating)):
        number = float(value)
        return None if np.isnan(number) else number
    if isinstance(value, np.integer):
        return int(value)
    return value


def count(value: Number) -> np.ndarray:
    """A summed count as integers (resampled sums of integer counts are whole numbers)."""
    return np.rint(np.asarray(value, dtype=float)).astype(np.int64)


def detection_counts(gold: set[Any] | frozenset[Any], pred: set[Any] | frozenset[Any]) -> dict[str, int]:
    """True positives, false positives and false negatives of exact item matching."""
    hits = len(gold & pred)
    return {"tp": hits, "fp": len(pred) - hits, "fn": len(gold) - hits}


def detection_scores(totals: Totals, prefix: str) -> dict[str, Any]:
    """``p``, ``r``, ``f``, ``tp``, ``fp``, ``fn`` of the counters ``<prefix>/tp`` etc."""
    tp, fp, fn = (total(totals, f"{prefix}/{name}") for name in ("tp", "fp", "fn"))
    precision, recall, f1 = prf(tp, tp + fp, tp + fn)
    return {"p": precision, "r": recall, "f": f1, "tp": count(tp), "fp": count(fp), "fn": count(fn)}


def add_counts(totals: dict[str, int], counts: Mapping[str, int]) -> dict[str, int]:
    """Add one document's counters into ``totals`` (in place) and return it."""
    for key, value in counts.items():
        totals[key] = totals.get(key, 0) + value
    return totals
