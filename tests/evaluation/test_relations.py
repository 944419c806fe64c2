"""Strict relation scores on one hand-made document and variations of its prediction."""

from __future__ import annotations

import pytest
from evaluation_helpers import document, one_pair, relation, span

from evaluation.relations import score_relations

GOLD_SPANS = {
    "O1": ("Mai Xuân Liêm", "OFFICIAL"),
    "T1": ("Phó Chủ tịch", "TITLE"),
    "G1": ("UBND tỉnh Thanh Hóa", "ORG"),
    "Q1": ("6,293 tỷ USD", "QUANTITY"),
    "I1": ("tổng giá trị xuất khẩu", "INDICATOR"),
    "Y1": ("năm 2024", "TIME"),
    "Q2": ("5%", "QUANTITY"),
    "B1": ("so với cùng kỳ", "BASIS"),
}
GOLD_RELATIONS = [
    ("O1", "title", "T1"),
    ("O1", "org", "G1"),
    ("Q1", "indicator", "I1"),
    ("Q1", "time", "Y1"),
    ("Q2", "time", "Y1"),
    ("Q2", "basis", "B1"),
]


def build(spans=GOLD_SPANS, relations=GOLD_RELATIONS, prefix=""):
    """A document of these spans (ids optionally prefixed: ids never matter) and relations."""
    return document(
        [span(prefix + sid, fragment, label) for sid, (fragment, label) in spans.items()],
        [relation(prefix + head, label, prefix + tail) for head, label, tail in relations],
    )


def replaced(relations, old, new):
    return [new if item == old else item for item in relations]


# name, prediction, overall (tp, fp, fn), {label: (tp, fp, fn)}
CASES = [
    (
        "identical, other span ids",
        build(prefix="p"),
        (6, 0, 0),
        {"indicator": (1, 0, 0), "time": (2, 0, 0), "basis": (1, 0, 0), "title": (1, 0, 0), "org": (1, 0, 0)},
    ),
    (
        "empty prediction",
        document(),
        (0, 0, 6),
        {"indicator": (0, 0, 1), "time": (0, 0, 2), "basis": (0, 0, 1), "title": (0, 0, 1), "org": (0, 0, 1)},
    ),
    # right arguments (offsets and labels), wrong relation label: a title too many, an org missing
    (
        "right arguments, wrong label",
        build(relations=replaced(GOLD_RELATIONS, ("O1", "org", "G1"), ("O1", "title", "G1"))),
        (5, 1, 1),
        {"title": (1, 1, 0), "org": (0, 0, 1), "time": (2, 0, 0)},
    ),
    # the INDICATOR cut short: the relation's tail has other offsets
    (
        "tail span with other offsets",
        build(spans={**GOLD_SPANS, "I1": ("giá trị xuất khẩu", "INDICATOR")}),
        (5, 1, 1),
        {"indicator": (0, 1, 1), "time": (2, 0, 0)},
    ),
    # the ORG's offsets right but labelled TITLE: the argument's label differs
    (
        "tail span with another label",
        build(spans={**GOLD_SPANS, "G1": ("UBND tỉnh Thanh Hóa", "TITLE")}),
        (5, 1, 1),
        {"org": (0, 1, 1), "title": (1, 0, 0)},
    ),
    (
        "one relation too many",
        build(relations=[*GOLD_RELATIONS, ("Q2", "indicator", "I1")]),
        (6, 1, 0),
        {"indicator": (1, 1, 0), "basis": (1, 0, 0)},
    ),
    ("one relation lost", build(relations=GOLD_RELATIONS[1:]), (5, 0, 1), {"title": (0, 0, 1), "org": (1, 0, 0)}),
]


@pytest.mark.parametrize("name, pred, overall, per_label", CASES, ids=[case[0] for case in CASES])
def test_relations_counts(name, pred, overall, per_label):
    scores = score_relations([one_pair(build(), pred)])
    assert (scores["relations_tp"], scores["relations_fp"], scores["relations_fn"]) == overall
    for label, expected in per_label.items():
        found = scores["relations_per_type"][label]
        assert (found["tp"], found["fp"], found["fn"]) == expected, label


@pytest.mark.parametrize(
    "name, pred, expected",
    [
        ("identical", build(prefix="p"), (1.0, 1.0, 1.0)),
        (
            "right arguments, wrong label",
            build(relations=replaced(GOLD_RELATIONS, ("O1", "org", "G1"), ("O1", "title", "G1"))),
            (5 / 6, 5 / 6, 5 / 6),
        ),
        ("one relation too many", build(relations=[*GOLD_RELATIONS, ("Q2", "indicator", "I1")]), (6 / 7, 1.0, 12 / 13)),
        ("empty prediction", document(), (0.0, 0.0, 0.0)),
    ],
)
def test_relations_scores(name, pred, expected):
    scores = score_relations([one_pair(build(), pred)])
    assert (scores["relations_p"], scores["relations_r"], scores["relations_f"]) == pytest.approx(expected)


def test_relations_per_type_in_guideline_order():
    scores = score_relations([one_pair(build(), build())])
    assert list(scores["relations_per_type"]) == ["indicator", "time", "basis", "title", "org"]


def test_relations_no_relation_anywhere_is_undefined():
    scores = score_relations([one_pair(document(), document())])
    assert scores["relations_f"] is None and scores["relations_per_type"] == {}
