"""Span scores under nervaluate's four schemas, micro-averaged and per label.

As in nervaluate, the overall counts come from matching all spans of a document at once, and a
label's counts from matching only the spans of that label, so that a wrong label is ``incorrect``
overall but a ``missed`` plus a ``spurious`` in the per-label counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.document import LABELS

from .annotations import SpanKey
from .metrics import Totals, add_counts, count, prf, to_python, total
from .pairing import DocPair
from .strategies import COUNTERS, STRATEGIES, align_spans

ALL = "ALL"


def span_counts(gold: Sequence[SpanKey], pred: Sequence[SpanKey]) -> dict[str, int]:
    """One document's counters, keyed ``spans/<schema>/<label or ALL>/<counter>`` (zeros left out)."""
    overall = align_spans([s for s in gold if s.label in LABELS], [s for s in pred if s.label in LABELS])
    groups = {ALL: overall}
    for label in sorted({span.label for span in (*overall.gold, *overall.pred)}):
        groups[label] = overall.restricted(label)
    counts: dict[str, int] = {}
    for group, alignment in groups.items():
        for strategy in STRATEGIES:
            for counter, value in strategy.count(alignment).as_dict().items():
                if value:
                    counts[f"spans/{strategy.name}/{group}/{counter}"] = value
    return counts


def span_scores(totals: Totals) -> dict[str, Any]:
    """``spans_<schema>_p/_r/_f`` and counters, with ``spans_<schema>_per_type`` by label."""
    present = {key.split("/")[2] for key in totals if key.startswith("spans/")} - {ALL}
    labels = [label for label in LABELS if label in present] + sorted(present - set(LABELS))
    scores: dict[str, Any] = {}
    for strategy in STRATEGIES:
        prefix = f"spans/{strategy.name}"
        for name, value in _group_scores(totals, f"{prefix}/{ALL}", strategy.partial_credit).items():
            scores[f"spans_{strategy.name}_{name}"] = value
        scores[f"spans_{strategy.name}_per_type"] = {
            label: _group_scores(totals, f"{prefix}/{label}", strategy.partial_credit) for label in labels
        }
    return scores


def score_spans(pairs: Sequence[DocPair]) -> dict[str, Any]:
    """Span scores of paired documents as plain numbers (None where undefined)."""
    totals: dict[str, int] = {}
    for pair in pairs:
        add_counts(totals, span_counts(pair.gold.spans, pair.pred.spans))
    return to_python(span_scores(totals))


def _group_scores(totals: Totals, prefix: str, partial_credit: bool) -> dict[str, Any]:
    counts = {counter: total(totals, f"{prefix}/{counter}") for counter in COUNTERS}
    matched = counts["correct"] + (0.5 * counts["partial"] if partial_credit else 0.0)
    actual = counts["correct"] + counts["incorrect"] + counts["partial"] + counts["spurious"]
    possible = counts["correct"] + counts["incorrect"] + counts["partial"] + counts["missed"]
    precision, recall, f1 = prf(matched, actual, possible)
    as_ints = {name: count(value) for name, value in counts.items()}
    return {"p": precision, "r": recall, "f": f1, **as_ints, "actual": count(actual), "possible": count(possible)}
