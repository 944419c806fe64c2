"""Every counter of every schema on small hand-made span sets.

Each expectation is (correct, incorrect, partial, missed, spurious), worked out from the rules in
the module docstring of ``evaluation.strategies`` (nervaluate's), not from the code's output.
"""

from __future__ import annotations

import pytest

from evaluation.annotations import SpanKey
from evaluation.strategies import (
    STRATEGIES,
    EntTypeMatch,
    ExactMatch,
    PartialMatch,
    StrictMatch,
    align_spans,
    sufficient_overlap,
)


def S(start: int, end: int, label: str = "ORG") -> SpanKey:
    return SpanKey(start, end, label)


# name, gold, pred, {schema: (correct, incorrect, partial, missed, spurious)}
CASES = [
    (
        "identical",
        [S(0, 5)],
        [S(0, 5)],
        {"strict": (1, 0, 0, 0, 0), "exact": (1, 0, 0, 0, 0), "partial": (1, 0, 0, 0, 0), "ent_type": (1, 0, 0, 0, 0)},
    ),
    (
        "same offsets, wrong label",
        [S(0, 5)],
        [S(0, 5, "TIME")],
        {"strict": (0, 1, 0, 0, 0), "exact": (1, 0, 0, 0, 0), "partial": (1, 0, 0, 0, 0), "ent_type": (0, 1, 0, 0, 0)},
    ),
    (
        "shorter, same label",
        [S(0, 10)],
        [S(0, 5)],
        {"strict": (0, 1, 0, 0, 0), "exact": (0, 1, 0, 0, 0), "partial": (0, 0, 1, 0, 0), "ent_type": (1, 0, 0, 0, 0)},
    ),
    (
        "shifted, wrong label",
        [S(0, 10)],
        [S(5, 15, "TIME")],
        {"strict": (0, 1, 0, 0, 0), "exact": (0, 1, 0, 0, 0), "partial": (0, 0, 1, 0, 0), "ent_type": (0, 1, 0, 0, 0)},
    ),
    (
        "no overlap",
        [S(0, 5)],
        [S(10, 15)],
        {"strict": (0, 0, 0, 1, 1), "exact": (0, 0, 0, 1, 1), "partial": (0, 0, 0, 1, 1), "ent_type": (0, 0, 0, 1, 1)},
    ),
    # the first prediction uses the gold span up; the second finds nothing left
    (
        "two predictions nested in one gold span",
        [S(0, 20)],
        [S(0, 5), S(10, 20)],
        {"strict": (0, 1, 0, 0, 1), "exact": (0, 1, 0, 0, 1), "partial": (0, 0, 1, 0, 1), "ent_type": (1, 0, 0, 0, 1)},
    ),
    # overlaps both; the first gold span decides, except under ent_type where the label does
    (
        "one prediction across two gold spans",
        [S(0, 5), S(6, 10, "TIME")],
        [S(0, 10, "TIME")],
        {"strict": (0, 1, 0, 1, 0), "exact": (0, 1, 0, 1, 0), "partial": (0, 0, 1, 1, 0), "ent_type": (1, 0, 0, 1, 0)},
    ),
    # gold spans nest: the exact match wins over the first overlapped span
    (
        "prediction equal to a nested gold span",
        [S(0, 20), S(5, 10, "TIME")],
        [S(5, 10, "TIME")],
        {"strict": (1, 0, 0, 1, 0), "exact": (1, 0, 0, 1, 0), "partial": (1, 0, 0, 1, 0), "ent_type": (1, 0, 0, 1, 0)},
    ),
    # ent_type takes the same-label gold span with the closest boundaries (distance 4, not 18)
    (
        "closest same-label gold span",
        [S(0, 10), S(12, 20)],
        [S(8, 20)],
        {"strict": (0, 1, 0, 1, 0), "exact": (0, 1, 0, 1, 0), "partial": (0, 0, 1, 1, 0), "ent_type": (1, 0, 0, 1, 0)},
    ),
    # 1 character of a 200-character gold span is 0.5%, under nervaluate's 1% threshold
    (
        "overlap under 1% of the gold span",
        [S(0, 200)],
        [S(199, 205)],
        {"strict": (0, 0, 0, 1, 1), "exact": (0, 0, 0, 1, 1), "partial": (0, 0, 0, 1, 1), "ent_type": (0, 0, 0, 1, 1)},
    ),
    (
        "overlap of exactly 1%",
        [S(0, 100)],
        [S(99, 105)],
        {"strict": (0, 1, 0, 0, 0), "exact": (0, 1, 0, 0, 0), "partial": (0, 0, 1, 0, 0), "ent_type": (1, 0, 0, 0, 0)},
    ),
    (
        "empty prediction",
        [S(0, 5), S(6, 9, "TIME")],
        [],
        {"strict": (0, 0, 0, 2, 0), "exact": (0, 0, 0, 2, 0), "partial": (0, 0, 0, 2, 0), "ent_type": (0, 0, 0, 2, 0)},
    ),
    (
        "empty gold",
        [],
        [S(0, 5)],
        {"strict": (0, 0, 0, 0, 1), "exact": (0, 0, 0, 0, 1), "partial": (0, 0, 0, 0, 1), "ent_type": (0, 0, 0, 0, 1)},
    ),
    # nervaluate's greedy order: the shorter prediction (sorted first) takes the gold span
    (
        "exact prediction after an overlapping one",
        [S(0, 10)],
        [S(0, 10), S(0, 4)],
        {"strict": (0, 1, 0, 0, 1), "exact": (0, 1, 0, 0, 1), "partial": (0, 0, 1, 0, 1), "ent_type": (1, 0, 0, 0, 1)},
    ),
    (
        "predictions given out of order",
        [S(0, 5), S(10, 15, "TIME")],
        [S(10, 15, "TIME"), S(0, 5)],
        {"strict": (2, 0, 0, 0, 0), "exact": (2, 0, 0, 0, 0), "partial": (2, 0, 0, 0, 0), "ent_type": (2, 0, 0, 0, 0)},
    ),
]


@pytest.mark.parametrize("name, gold, pred, expected", CASES, ids=[case[0] for case in CASES])
def test_strategies_count_every_outcome(name, gold, pred, expected):
    alignment = align_spans(gold, pred)
    for strategy in STRATEGIES:
        counts = strategy.count(alignment)
        found = (counts.correct, counts.incorrect, counts.partial, counts.missed, counts.spurious)
        assert found == expected[strategy.name], strategy.name


@pytest.mark.parametrize(
    "pred, gold, threshold, expected",
    [
        (S(0, 5), S(0, 5), 1.0, True),
        (S(5, 10), S(0, 5), 1.0, False),  # touching ends do not overlap
        (S(4, 10), S(0, 5), 1.0, True),  # one character of five: 20%
        (S(4, 10), S(0, 5), 25.0, False),
        (S(199, 205), S(0, 200), 1.0, False),
        (S(198, 205), S(0, 200), 1.0, True),  # two characters of 200: 1%
        (S(5, 6), S(0, 5), 0.0, False),  # no shared character is no overlap at any threshold
    ],
)
def test_strategies_sufficient_overlap(pred, gold, threshold, expected):
    assert sufficient_overlap(pred, gold, threshold) is expected


@pytest.mark.parametrize(
    "strategy, pred, candidates, expected",
    [
        (StrictMatch(), S(0, 5), [(0, S(0, 9)), (1, S(0, 5))], ("correct", 1)),
        (StrictMatch(), S(0, 5), [(0, S(0, 9)), (1, S(0, 5, "TIME"))], ("incorrect", 0)),
        (ExactMatch(), S(0, 5), [(0, S(0, 9)), (1, S(0, 5, "TIME"))], ("correct", 1)),
        (PartialMatch(), S(0, 5), [(3, S(0, 9))], ("partial", 3)),
        (EntTypeMatch(), S(0, 5), [(0, S(0, 9, "TIME")), (1, S(2, 9))], ("correct", 1)),
        (EntTypeMatch(), S(0, 5), [(0, S(0, 9, "TIME")), (1, S(2, 9, "BASIS"))], ("incorrect", 0)),
        # equal distances: the first same-label span
        (EntTypeMatch(), S(2, 6), [(0, S(0, 6)), (1, S(2, 8))], ("correct", 0)),
    ],
)
def test_strategies_judge(strategy, pred, candidates, expected):
    assert strategy.judge(pred, candidates) == expected


def test_strategies_restricted_alignment_equals_aligning_one_label():
    gold = [S(0, 5), S(6, 10, "TIME"), S(12, 20), S(21, 30, "TIME")]
    pred = [S(0, 10, "TIME"), S(12, 15), S(22, 30, "TIME"), S(40, 44)]
    overall = align_spans(gold, pred)
    for label in ("ORG", "TIME"):
        alone = align_spans([s for s in gold if s.label == label], [s for s in pred if s.label == label])
        assert overall.restricted(label) == alone
