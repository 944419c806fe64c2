"""The confusion table of span labels and the errors by kind, on one hand-made document with
nested, overlapping, relabelled, missing and spurious spans and relations."""

from __future__ import annotations

from collections import Counter

import pytest
from evaluation_helpers import TEXT, document, key, one_pair, quantity_attrs, relation, span

from evaluation.diagnostics import confusion_table, find_errors

Q2_ATTRS = quantity_attrs(value=5.0, unit="%", kind="change", basis="same_period_last_year")
GOLD = document(
    [
        span("O1", "Mai Xuân Liêm", "OFFICIAL"),
        span("T1", "Phó Chủ tịch", "TITLE"),
        span("G1", "UBND tỉnh Thanh Hóa", "ORG"),
        span("I1", "tổng giá trị xuất khẩu", "INDICATOR"),
        span("Q1", "6,293 tỷ USD", "QUANTITY"),
        span("Q2", "5%", "QUANTITY", Q2_ATTRS),
        span("Y1", "năm 2024", "TIME"),
        span("B1", "so với cùng kỳ", "BASIS"),
    ],
    [relation("O1", "title", "T1"), relation("O1", "org", "G1"), relation("Q1", "indicator", "I1")],
)
PRED = document(
    [
        span("a", "Mai Xuân Liêm", "OFFICIAL"),  # right
        span("b", "Phó Chủ tịch", "ORG"),  # wrong label
        span("c", "UBND tỉnh", "ORG"),  # nested in G1
        span("d", "Thanh Hóa", "ORG"),  # also nested in G1
        span("e", "tổng giá trị xuất khẩu", "INDICATOR"),  # right
        span("f", "6,293 tỷ USD", "QUANTITY", quantity_attrs(unit="VND")),  # wrong unit
        span("g", "5%", "QUANTITY", Q2_ATTRS),  # right
        span("y", "2024", "TIME", {"period": "2024"}),  # nested in Y1
        span("h", "Giá trị nhập khẩu", "INDICATOR"),  # overlaps no gold span
    ],  # B1 not predicted
    [relation("f", "time", "e"), relation("a", "org", "c")],
)


def test_diagnostics_confusion_table():
    assert confusion_table([one_pair(GOLD, PRED)]) == {
        "OFFICIAL": {"OFFICIAL": 1},
        "TITLE": {"ORG": 1},
        "ORG": {"ORG": 2},  # both nested predictions overlap G1
        "INDICATOR": {"INDICATOR": 1},
        "QUANTITY": {"QUANTITY": 2},
        "TIME": {"TIME": 1},
        "BASIS": {"missed": 1},
        "spurious": {"INDICATOR": 1},
    }


def test_diagnostics_confusion_of_an_empty_prediction_is_all_missed():
    table = confusion_table([one_pair(GOLD, None)])
    assert table == {label: {"missed": n} for label, n in Counter(s.label for s in GOLD.spans).items()}


@pytest.mark.parametrize(
    "item, kind, expected",
    [
        ("span", "missed", 1),  # B1
        ("span", "spurious", 1),  # h
        ("span", "wrong label", 1),  # b
        ("span", "wrong boundary", 3),  # (G1, c), (G1, d), (Y1, y)
        ("span", "wrong attribute", 1),  # f
        ("relation", "missed", 2),  # title and org of O1
        ("relation", "spurious", 1),  # a -org-> c
        ("relation", "wrong label", 1),  # Q1 -> I1: indicator predicted as time
        ("relation", "wrong boundary", 0),
    ],
)
def test_diagnostics_error_counts(item, kind, expected):
    errors = find_errors([one_pair(GOLD, PRED)])
    assert sum(1 for error in errors if (error.item, error.kind) == (item, kind)) == expected


def errors_of(kind, item="span"):
    return [error for error in find_errors([one_pair(GOLD, PRED)]) if (error.kind, error.item) == (kind, item)]


def test_diagnostics_wrong_boundary_pairs():
    pairs = {(error.gold, error.pred) for error in errors_of("wrong boundary")}
    assert pairs == {
        (key("UBND tỉnh Thanh Hóa", "ORG"), key("UBND tỉnh", "ORG")),
        (key("UBND tỉnh Thanh Hóa", "ORG"), key("Thanh Hóa", "ORG")),
        (key("năm 2024", "TIME"), key("2024", "TIME")),
    }


def test_diagnostics_details():
    (label,) = errors_of("wrong label")
    assert label.detail == "«Phó Chủ tịch» gold TITLE / predicted ORG"
    (attribute,) = errors_of("wrong attribute")
    # its relation to the INDICATOR is labelled time, so it has no indicator link either
    assert attribute.detail == (
        "«6,293 tỷ USD» QUANTITY: unit: gold 'USD' / predicted 'VND'; "
        "indicator: gold «tổng giá trị xuất khẩu» / predicted None"
    )
    (relation_label,) = errors_of("wrong label", "relation")
    assert relation_label.detail == "«6,293 tỷ USD» -indicator-> «tổng giá trị xuất khẩu»: predicted time"


def test_diagnostics_excerpt_marks_gold_and_prediction_in_their_sentence():
    error = next(e for e in errors_of("wrong boundary") if e.pred == key("2024", "TIME"))
    excerpt = error.excerpt
    assert excerpt.text == TEXT[: TEXT.index("2024.") + 5]  # the first sentence
    marked = {(excerpt.text[m.start : m.end], m.role) for m in excerpt.marks}
    assert marked == {("năm 2024", "gold"), ("2024", "pred")}


def test_diagnostics_missing_document_lists_every_gold_item_as_missed():
    errors = find_errors([one_pair(GOLD, None)])
    assert Counter((e.item, e.kind) for e in errors) == {("span", "missed"): 8, ("relation", "missed"): 3}


def test_diagnostics_perfect_prediction_has_no_error():
    assert find_errors([one_pair(GOLD, GOLD)]) == []
