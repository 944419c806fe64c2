"""Fact precision, recall and F1 (GUIDELINES.md, "Facts") on hand-made documents."""

from __future__ import annotations

import pytest
from evaluation_helpers import document, one_pair, pairs, quantity_attrs, relation, span

from evaluation.facts import score_facts

Q1 = ("6,293 tỷ USD", quantity_attrs())
Q2 = ("5%", quantity_attrs(value=5.0, unit="%", kind="change", basis="same_period_last_year"))
Q3 = ("4.000 triệu USD", quantity_attrs(value=4e9))
I1 = "tổng giá trị xuất khẩu"
I3 = "Giá trị nhập khẩu"


def build(quantities, indicators, links, prefix=""):
    """``quantities``: id -> (fragment, attrs); ``indicators``: id -> fragment; ``links``: (quantity, indicator)."""
    spans = [span(prefix + qid, fragment, "QUANTITY", attrs) for qid, (fragment, attrs) in quantities.items()]
    spans += [span(prefix + iid, fragment, "INDICATOR") for iid, fragment in indicators.items()]
    return document(spans, [relation(prefix + q, "indicator", prefix + i) for q, i in links])


# three gold facts: Q1 with indicator I1, Q2 with none, Q3 with indicator I3
GOLD = build({"Q1": Q1, "Q2": Q2, "Q3": Q3}, {"I1": I1, "I3": I3}, [("Q1", "I1"), ("Q3", "I3")])

CASES = [
    (
        "identical, other ids",
        build({"Q1": Q1, "Q2": Q2, "Q3": Q3}, {"I1": I1, "I3": I3}, [("Q1", "I1"), ("Q3", "I3")], "p"),
        (3, 0, 0),
    ),
    ("empty prediction", document(), (0, 0, 3)),
    (
        "values within 1e-6",
        build(
            {
                "Q1": (Q1[0], quantity_attrs(value=6293000000.0 * (1 - 4e-7))),
                "Q2": Q2,
                "Q3": (Q3[0], quantity_attrs(value=4e9 * (1 + 9e-7))),
            },
            {"I1": I1, "I3": I3},
            [("Q1", "I1"), ("Q3", "I3")],
        ),
        (3, 0, 0),
    ),
    # Q1 right; Q2 wrong kind; Q3 without its indicator; a spurious QUANTITY on "2024"
    (
        "mixed",
        build(
            {
                "Q1": Q1,
                "Q2": (Q2[0], quantity_attrs(value=5.0, unit="%", kind="level", basis="same_period_last_year")),
                "Q3": Q3,
                "X": ("2024", quantity_attrs()),
            },
            {"I1": I1},
            [("Q1", "I1")],
        ),
        (1, 3, 2),
    ),
    (
        "quantity with other offsets",
        build({"Q1": ("tỷ USD", Q1[1]), "Q2": Q2, "Q3": Q3}, {"I1": I1, "I3": I3}, [("Q1", "I1"), ("Q3", "I3")]),
        (2, 1, 1),
    ),
    (
        "indicator with other offsets",
        build({"Q1": Q1, "Q2": Q2, "Q3": Q3}, {"I1": "giá trị xuất khẩu", "I3": I3}, [("Q1", "I1"), ("Q3", "I3")]),
        (2, 1, 1),
    ),
    (
        "indicator where the gold has none",
        build({"Q1": Q1, "Q2": Q2, "Q3": Q3}, {"I1": I1, "I3": I3}, [("Q1", "I1"), ("Q2", "I1"), ("Q3", "I3")]),
        (2, 1, 1),
    ),
]


@pytest.mark.parametrize("name, pred, expected", CASES, ids=[case[0] for case in CASES])
def test_facts_counts(name, pred, expected):
    scores = score_facts([one_pair(GOLD, pred)])
    assert (scores["facts_tp"], scores["facts_fp"], scores["facts_fn"]) == expected


def test_facts_scores_of_the_mixed_case():
    pred = CASES[3][1]
    scores = score_facts([one_pair(GOLD, pred)])
    # tp 1 of 4 predicted, of 3 gold: P = 1/4, R = 1/3, F1 = 2PR/(P+R) = 2/7
    assert scores["facts_p"] == pytest.approx(1 / 4)
    assert scores["facts_r"] == pytest.approx(1 / 3)
    assert scores["facts_f"] == pytest.approx(2 / 7)


def test_facts_missing_document_and_unpaired_prediction():
    second = build({"Q1": Q1}, {}, [], "")
    second = second.model_copy(update={"id": "d2"})
    stray = GOLD.model_copy(update={"id": "elsewhere", "text": GOLD.text + " Hết."})
    scores = score_facts(pairs([GOLD, second], [GOLD, stray]))
    # d1 right (3 facts), d2 not predicted (1 fact missed); the stray prediction is not scored
    assert (scores["facts_tp"], scores["facts_fp"], scores["facts_fn"]) == (3, 0, 1)
    assert scores["facts_p"] == 1.0 and scores["facts_r"] == pytest.approx(3 / 4)
