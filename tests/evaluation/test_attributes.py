"""Quantity attribute accuracy over strictly matched quantities, and the tolerant number comparison."""

from __future__ import annotations

import pytest
from evaluation_helpers import document, key, one_pair, pairs, quantity_attrs, relation, span

from evaluation.annotations import index_document
from evaluation.attributes import ATTRIBUTES, attribute_matches, score_attributes, values_equal

Q1_ATTRS = quantity_attrs()
Q2_ATTRS = quantity_attrs(value=5.0, unit="%", kind="change", basis="same_period_last_year", status="actual")


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        (1.0, 1.0, True),
        (6293000000.0, 6293000000.0 * (1 + 5e-7), True),  # relative difference 5e-7
        (6293000000.0, 6293000000.0 * (1 + 2e-6), False),  # 2e-6
        (-9.1, -9.1000001, True),
        (-9.1, 9.1, False),
        (0.0, 0.0, True),
        (0.0, 1e-12, False),  # relative, no absolute slack
        (19, 19.0, True),
        (None, None, True),
        (None, 0.0, False),
        (2.0, None, False),
    ],
)
def test_attributes_values_equal(gold, pred, expected):
    assert values_equal(gold, pred) is expected


def _gold():
    spans = [span("Q1", "6,293 tỷ USD", "QUANTITY", Q1_ATTRS), span("I1", "tổng giá trị xuất khẩu", "INDICATOR")]
    return document(spans, [relation("Q1", "indicator", "I1")])


def _pred(attrs=Q1_ATTRS, indicator: str | None = "tổng giá trị xuất khẩu"):
    spans = [span("x", "6,293 tỷ USD", "QUANTITY", attrs)]
    relations = []
    if indicator is not None:
        spans.append(span("y", indicator, "INDICATOR"))
        relations.append(relation("x", "indicator", "y"))
    return document(spans, relations)


@pytest.mark.parametrize(
    "name, pred, wrong",
    [
        ("identical", _pred(), set()),
        ("value within 1e-6", _pred(quantity_attrs(value=6293000000.0 * (1 + 1e-7))), set()),
        ("value off", _pred(quantity_attrs(value=6293000.0)), {"value"}),
        ("unit and status", _pred(quantity_attrs(unit="VND", status="actual")), {"unit", "status"}),
        ("value_max given", _pred(quantity_attrs(value_max=7e9)), {"value_max"}),
        ("period and basis", _pred(quantity_attrs(period="2025", basis="plan")), {"period", "basis"}),
        ("kind and bound", _pred(quantity_attrs(kind="change", bound="~")), {"kind", "bound"}),
        ("indicator with other offsets", _pred(indicator="giá trị xuất khẩu"), {"indicator"}),
        ("indicator missing", _pred(indicator=None), {"indicator"}),
    ],
)
def test_attributes_matches(name, pred, wrong):
    quantity = key("6,293 tỷ USD", "QUANTITY")
    matches = attribute_matches(index_document(_gold()), index_document(pred), quantity)
    assert list(matches) == list(ATTRIBUTES)
    assert {name for name, equal in matches.items() if not equal} == wrong


def test_attributes_both_without_indicator_agree():
    gold = document([span("Q2", "5%", "QUANTITY", Q2_ATTRS)])
    matches = attribute_matches(index_document(gold), index_document(gold), key("5%", "QUANTITY"))
    assert matches["indicator"] is True


def test_attributes_only_strictly_matched_quantities_count():
    gold = document(
        [
            span("Q1", "6,293 tỷ USD", "QUANTITY", Q1_ATTRS),
            span("Q2", "5%", "QUANTITY", Q2_ATTRS),
            span("I1", "tổng giá trị xuất khẩu", "INDICATOR"),
        ],
        [relation("Q1", "indicator", "I1")],
    )
    pred = document(
        [
            span("a", "6,293 tỷ USD", "QUANTITY", quantity_attrs(unit="VND")),  # matched, unit wrong
            span("b", "tổng giá trị xuất khẩu", "INDICATOR"),
            span("c", "5%", "TIME", {"period": "2024"}),  # Q2's offsets, another label: not matched
            span("d", "4.000 triệu USD", "QUANTITY", quantity_attrs(value=4e9)),  # no gold quantity
        ],
        [relation("a", "indicator", "b")],
    )
    scores = score_attributes([one_pair(gold, pred)])
    assert scores["attrs_matched"] == 1
    assert (scores["attrs_unit_acc"], scores["attrs_unit_correct"]) == (0.0, 0)
    for name in ("value", "value_max", "kind", "bound", "period", "basis", "status", "indicator"):
        assert (scores[f"attrs_{name}_acc"], scores[f"attrs_{name}_correct"]) == (1.0, 1), name


def test_attributes_accumulate_over_documents():
    first_gold = document([span("Q1", "6,293 tỷ USD", "QUANTITY", Q1_ATTRS)], doc_id="d1")
    first_pred = document([span("Q1", "6,293 tỷ USD", "QUANTITY", quantity_attrs(unit="VND"))], doc_id="d1")
    second = document(
        [span("Q1", "6,293 tỷ USD", "QUANTITY", Q1_ATTRS), span("Q2", "5%", "QUANTITY", Q2_ATTRS)], doc_id="d2"
    )
    scores = score_attributes(pairs([first_gold, second], [first_pred, second]))
    assert scores["attrs_matched"] == 3
    assert scores["attrs_unit_acc"] == pytest.approx(2 / 3)
    assert scores["attrs_value_acc"] == 1.0


def test_attributes_without_matched_quantity_are_undefined():
    scores = score_attributes([one_pair(_gold(), None)])
    assert scores["attrs_matched"] == 0
    assert all(scores[f"attrs_{name}_acc"] is None for name in ATTRIBUTES)
