"""Span scores: overall versus per-label counting, documents without prediction, and equality with
the nervaluate package on random span sets."""

from __future__ import annotations

import random

import pytest
from evaluation_helpers import document, one_pair, pairs, span

from evaluation.annotations import SpanKey
from evaluation.metrics import add_counts, to_python
from evaluation.spans import score_spans, span_counts, span_scores

GOLD = [SpanKey(0, 10, "ORG"), SpanKey(20, 30, "OFFICIAL"), SpanKey(40, 48, "TIME")]
# a wrong label on ORG's offsets, a correct OFFICIAL, a TIME cut to its second half
PRED = [SpanKey(0, 10, "TIME"), SpanKey(20, 30, "OFFICIAL"), SpanKey(44, 48, "TIME")]


@pytest.mark.parametrize(
    "key, expected",
    [
        # overall, all spans matched together
        ("spans/strict/ALL/correct", 1),
        ("spans/strict/ALL/incorrect", 2),
        ("spans/exact/ALL/correct", 2),
        ("spans/exact/ALL/incorrect", 1),
        ("spans/partial/ALL/correct", 2),
        ("spans/partial/ALL/partial", 1),
        ("spans/ent_type/ALL/correct", 2),
        ("spans/ent_type/ALL/incorrect", 1),
        # per label, only that label's spans: the relabelled span is a miss of ORG and a spurious TIME
        ("spans/strict/ORG/missed", 1),
        ("spans/strict/OFFICIAL/correct", 1),
        ("spans/strict/TIME/incorrect", 1),
        ("spans/strict/TIME/spurious", 1),
        ("spans/ent_type/TIME/correct", 1),
        ("spans/ent_type/TIME/spurious", 1),
        ("spans/ent_type/ORG/missed", 1),
        # zeros are left out
        ("spans/strict/ALL/missed", None),
        ("spans/strict/ALL/spurious", None),
        ("spans/strict/TIME/missed", None),
    ],
)
def test_spans_counts_overall_and_per_label(key, expected):
    assert span_counts(GOLD, PRED).get(key) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("spans_strict_p", 1 / 3),
        ("spans_strict_r", 1 / 3),
        ("spans_strict_f", 1 / 3),
        ("spans_exact_f", 2 / 3),
        ("spans_partial_p", 2.5 / 3),  # half credit for the partial
        ("spans_partial_f", 2.5 / 3),
        ("spans_ent_type_f", 2 / 3),
    ],
)
def test_spans_scores_from_counts(name, expected):
    scores = to_python(span_scores(span_counts(GOLD, PRED)))
    assert scores[name] == pytest.approx(expected)


def test_spans_per_type_scores():
    per_type = to_python(span_scores(span_counts(GOLD, PRED)))["spans_strict_per_type"]
    assert list(per_type) == ["ORG", "OFFICIAL", "TIME"]  # in the order of LABELS
    assert (per_type["ORG"]["p"], per_type["ORG"]["r"], per_type["ORG"]["f"]) == (0.0, 0.0, 0.0)
    assert (per_type["OFFICIAL"]["p"], per_type["OFFICIAL"]["r"]) == (1.0, 1.0)
    # TIME: one incorrect and one spurious of two predictions, one gold span
    assert (per_type["TIME"]["actual"], per_type["TIME"]["possible"], per_type["TIME"]["f"]) == (2, 1, 0.0)


def _two_documents():
    d1 = document([span("O1", "Mai Xuân Liêm", "OFFICIAL"), span("G1", "UBND tỉnh Thanh Hóa", "ORG")], doc_id="d1")
    d2 = document(
        [
            span("Q1", "6,293 tỷ USD", "QUANTITY"),
            span("T1", "năm 2024", "TIME"),
            span("I1", "tổng giá trị xuất khẩu", "INDICATOR"),
        ],
        doc_id="d2",
    )
    return d1, d2


def test_spans_missing_document_counts_as_predicted_empty():
    d1, d2 = _two_documents()
    scores = score_spans(pairs([d1, d2], [d1]))
    # d1 fully right (2 spans), d2's 3 spans missed
    assert (scores["spans_strict_correct"], scores["spans_strict_missed"], scores["spans_strict_spurious"]) == (2, 3, 0)
    assert scores["spans_strict_p"] == 1.0
    assert scores["spans_strict_r"] == pytest.approx(2 / 5)
    assert scores["spans_strict_f"] == pytest.approx(2 * 1.0 * 0.4 / 1.4)
    assert scores["spans_strict_per_type"]["QUANTITY"]["r"] == 0.0
    assert scores["spans_strict_per_type"]["OFFICIAL"]["f"] == 1.0


def test_spans_empty_prediction_scores_zero():
    d1, d2 = _two_documents()
    scores = score_spans(pairs([d1, d2], [document(doc_id="d1"), document(doc_id="d2")]))
    for schema in ("strict", "exact", "partial", "ent_type"):
        assert (scores[f"spans_{schema}_p"], scores[f"spans_{schema}_r"], scores[f"spans_{schema}_f"]) == (
            0.0,
            0.0,
            0.0,
        )
        assert scores[f"spans_{schema}_missed"] == 5


def test_spans_nothing_to_score_is_undefined():
    scores = score_spans([one_pair(document(), document())])
    assert scores["spans_strict_f"] is None and scores["spans_strict_per_type"] == {}


# --- equality with the nervaluate package ------------------------------------------------------

NERVALUATE_LABELS = ["ORG", "OFFICIAL", "TIME", "QUANTITY"]
COUNTERS = ("correct", "incorrect", "partial", "missed", "spurious")


def _random_spans(rng: random.Random, length: int = 80) -> list[SpanKey]:
    spans = set()
    for _ in range(rng.randrange(0, 9)):
        start = rng.randrange(0, length - 1)
        end = rng.randrange(start + 1, min(length, start + 25) + 1)
        spans.add(SpanKey(start, end, rng.choice(NERVALUATE_LABELS)))
    return sorted(spans)


def _as_nervaluate(spans: list[SpanKey]) -> list[dict]:
    # nervaluate's ends are inclusive; our spans are given to it in our (offset) order
    return [{"label": s.label, "start": s.start, "end": s.end - 1} for s in sorted(spans)]


@pytest.mark.parametrize("seed", range(12))
def test_spans_equal_nervaluate_on_random_spans(seed):
    nervaluate = pytest.importorskip("nervaluate")
    rng = random.Random(seed)
    documents = [(_random_spans(rng), _random_spans(rng)) for _ in range(30)]
    totals: dict[str, int] = {}
    for gold, pred in documents:
        add_counts(totals, span_counts(gold, pred))
    ours = to_python(span_scores(totals))
    true = [_as_nervaluate(gold) for gold, _ in documents]
    pred = [_as_nervaluate(pred) for _, pred in documents]
    theirs = nervaluate.Evaluator(true, pred, tags=NERVALUATE_LABELS, loader="dict").evaluate()
    for schema, result in theirs["overall"].items():
        assert [ours[f"spans_{schema}_{c}"] for c in COUNTERS] == [getattr(result, c) for c in COUNTERS], schema
        for name, theirs_name in (("p", "precision"), ("r", "recall"), ("f", "f1")):
            assert ours[f"spans_{schema}_{name}"] == pytest.approx(getattr(result, theirs_name)), (schema, name)
    assert set(ours["spans_strict_per_type"]) == set(theirs["entities"])
    for label, by_schema in theirs["entities"].items():
        for schema, result in by_schema.items():
            mine = ours[f"spans_{schema}_per_type"][label]
            assert [mine[c] for c in COUNTERS] == [getattr(result, c) for c in COUNTERS], (label, schema)
            assert mine["f"] == pytest.approx(result.f1), (label, schema)
