"""All scores of a prediction file at once: facts, spans, relations and quantity attributes.

``score_documents(pairs)`` returns one flat dict in the manner of ``spacy/scorer.py``:
``facts_p/_r/_f``, ``spans_<schema>_p/_r/_f`` with ``spans_<schema>_per_type``, ``relations_p/_r/_f``
with ``relations_per_type``, and ``attrs_<name>_acc``, with the counts behind each score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .attributes import attribute_counts, attribute_scores
from .facts import fact_counts, fact_scores
from .metrics import Totals, add_counts, to_python
from .pairing import DocPair
from .relations import relation_counts, relation_scores
from .spans import span_counts, span_scores


def document_counts(pair: DocPair) -> dict[str, int]:
    """Every counter of one document pair (keys are disjoint between the scorers)."""
    counts = span_counts(pair.gold.spans, pair.pred.spans)
    counts.update(relation_counts(pair.gold.relations, pair.pred.relations))
    counts.update(attribute_counts(pair.gold, pair.pred))
    counts.update(fact_counts(pair.gold, pair.pred))
    return counts


def scores_from_totals(totals: Totals) -> dict[str, Any]:
    """Every score from summed counters (numbers or arrays of resampled sums)."""
    return {**fact_scores(totals), **span_scores(totals), **relation_scores(totals), **attribute_scores(totals)}


def score_documents(pairs: Sequence[DocPair]) -> dict[str, Any]:
    """Every score of the paired documents as plain numbers (None where undefined)."""
    totals: dict[str, int] = {}
    for pair in pairs:
        add_counts(totals, document_counts(pair))
    return to_python(scores_from_totals(totals))
