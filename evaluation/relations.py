"""Relation scores, strict: a predicted relation is correct when its label and both argument
spans (offsets and labels) equal a gold relation's. A relation with the right arguments and the
wrong label is a false positive of its label and a false negative of the gold one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.document import RELATION_TYPES

from .annotations import RelationKey
from .metrics import Totals, add_counts, detection_counts, detection_scores, to_python
from .pairing import DocPair
from .spans import ALL


def relation_counts(gold: Sequence[RelationKey], pred: Sequence[RelationKey]) -> dict[str, int]:
    """One document's ``relations/<label or ALL>/<tp|fp|fn>`` (zeros left out)."""
    groups = {ALL: (set(gold), set(pred))}
    for label in sorted({relation.label for relation in (*gold, *pred)}):
        groups[label] = ({r for r in gold if r.label == label}, {r for r in pred if r.label == label})
    counts: dict[str, int] = {}
    for group, (gold_set, pred_set) in groups.items():
        for name, value in detection_counts(gold_set, pred_set).items():
            if value:
                counts[f"relations/{group}/{name}"] = value
    return counts


def relation_scores(totals: Totals) -> dict[str, Any]:
    """``relations_p/_r/_f/_tp/_fp/_fn`` (micro-averaged) and ``relations_per_type``."""
    present = {key.split("/")[1] for key in totals if key.startswith("relations/")} - {ALL}
    labels = [label for label in RELATION_TYPES if label in present] + sorted(present - set(RELATION_TYPES))
    scores = {f"relations_{name}": value for name, value in detection_scores(totals, f"relations/{ALL}").items()}
    scores["relations_per_type"] = {label: detection_scores(totals, f"relations/{label}") for label in labels}
    return scores


def score_relations(pairs: Sequence[DocPair]) -> dict[str, Any]:
    """Relation scores of paired documents as plain numbers (None where undefined)."""
    totals: dict[str, int] = {}
    for pair in pairs:
        add_counts(totals, relation_counts(pair.gold.relations, pair.pred.relations))
    return to_python(relation_scores(totals))
