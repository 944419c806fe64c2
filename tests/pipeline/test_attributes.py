"""The attribute resolver: each quantity's period and status (GUIDELINES.md "Attributes", "Periods";
C1, C8, C9, C15, C19, C21, C23, C25), on hand-built documents run through the relation linker."""

import pytest

from pipeline.attributes import AttributeResolver, anchor_period, Anchor, clause_status
from pipeline.errors import VnieError
from pipeline.extensions import SPAN_ATTRS_ATTR, SPAN_GROUP
from pipeline.relations import RelationLinker


def _attrs(label, extra):
    """The attributes a case gives: a QUANTITY's kind, a BASIS's basis, a TIME's period."""
    return {
        "QUANTITY": {"value": 1.0, "value_max": None, "unit": None, "kind": extra, "bound": None,
                     "period": None, "basis": None, "status": "actual"},
        "BASIS": {"basis": extra},
        "TIME": {"period": extra},
        "INDICATOR": {},
    }[label]


@pytest.fixture(scope="module")
def case_doc(doc_with_spans):
    """The Doc of a case: its spans as (text, label, kind / period / basis), in text order."""
    return lambda text, spans: doc_with_spans(text, [(piece, label, _attrs(label, extra)) for piece, label, extra in spans])


def _resolved(doc):
    doc = AttributeResolver()(RelationLinker()(doc))
    return [(s.text, s._.get(SPAN_ATTRS_ATTR)["period"], s._.get(SPAN_ATTRS_ATTR)["status"])
            for s in doc.spans[SPAN_GROUP] if s.label_ == "QUANTITY"]


Q = "QUANTITY"
CASES = {
    "the plan a value is measured against is no cue for the values after it; its own figure is a target": (
        "Năm 2020, Cục thu đạt 55,5% chỉ tiêu phấn đấu (63.000 tỷ đồng), giảm 22,3% so với cùng kỳ.",
        [("Năm 2020", "TIME", "2020"), ("55,5%", Q, "ratio"), ("63.000 tỷ đồng", Q, "level"), ("22,3%", Q, "change"),
         ("so với cùng kỳ", "BASIS", "same_period_last_year")],
        [("55,5%", "2020", "actual"), ("63.000 tỷ đồng", "2020", "target"), ("22,3%", "2020", "actual")],
    ),
    "a budget figure in parentheses is a target": (
        "Năm 2020 thu 200.217 tỷ đồng, bằng 59,2% dự toán (dự toán giao 338.000 tỷ đồng).",
        [("Năm 2020", "TIME", "2020"), ("200.217 tỷ đồng", Q, "level"), ("59,2%", Q, "ratio"), ("338.000 tỷ đồng", Q, "level")],
        [("200.217 tỷ đồng", "2020", "actual"), ("59,2%", "2020", "actual"), ("338.000 tỷ đồng", "2020", "target")],
    ),
    "estimate cue stays in its clause": (
        "Chỉ số sản xuất công nghiệp ước đạt 19,25%; giá trị gia tăng tăng 20,09% so với cùng kỳ.",
        [("19,25%", Q, "change"), ("20,09%", Q, "change"), ("so với cùng kỳ", "BASIS", "same_period_last_year")],
        [("19,25%", "XXXX", "estimate"), ("20,09%", "XXXX", "actual")],
    ),
    "C1 a flow up to a month-end takes the year to date": (
        "Tính đến ngày 31/12/2020, tổng số thu đạt 6.156,5 tỷ đồng.",
        [("31/12/2020", "TIME", "2020-12-31"), ("6.156,5 tỷ đồng", Q, "level")],
        [("6.156,5 tỷ đồng", "2020", "actual")],
    ),
    "C1 a mid-month cut-off gives days": (
        "Tính đến 15/8/2017, số thu ngân sách đạt 100 tỷ đồng.",
        [("15/8/2017", "TIME", "2017-08-15"), ("100 tỷ đồng", Q, "level")],
        [("100 tỷ đồng", "2017-01-01/2017-08-15", "actual")],
    ),
    "C1 a month cut-off": (
        "Đến hết tháng 5/2018, số thu đạt 41.020 tỷ đồng.",
        [("tháng 5/2018", "TIME", "2018-05"), ("41.020 tỷ đồng", Q, "level")],
        [("41.020 tỷ đồng", "2018-01/2018-05", "actual")],
    ),
    "C1 a quarter cut-off": (
        "Tính đến hết quý 3/2020, Sabeco đạt 20.100 tỷ đồng doanh thu.",
        [("quý 3/2020", "TIME", "2020-Q3"), ("20.100 tỷ đồng", Q, "level")],
        [("20.100 tỷ đồng", "2020-01/2020-09", "actual")],
    ),
    "C1 a month cut-off after a bare hết": (
        "Lũy kế hết tháng 11, XK thủy sản đạt trên 1,5 tỷ USD. Năm 2020 khó khăn.",
        [("tháng 11", "TIME", "2020-11"), ("1,5 tỷ USD", Q, "level"), ("Năm 2020", "TIME", "2020")],
        [("1,5 tỷ USD", "2020-01/2020-11", "actual")],
    ),
    "C23 a stock at a cut-off takes the date": (
        "Dư nợ tính đến 30/6/2019 đạt 500 tỷ đồng.",
        [("30/6/2019", "TIME", "2019-06-30"), ("500 tỷ đồng", Q, "level")],
        [("500 tỷ đồng", "2019-06-30", "actual")],
    ),
    "C23 a stock at a point in time": (
        "Tại thời điểm 30/6/2019, tổng tài sản đạt 91.236 tỷ đồng.",
        [("30/6/2019", "TIME", "2019-06-30"), ("91.236 tỷ đồng", Q, "level")],
        [("91.236 tỷ đồng", "2019-06-30", "actual")],
    ),
    "C23 a stock level under a named period takes its last day, a flow keeps the period": (
        "Trong 6 tháng đầu năm 2019, doanh thu đạt 517 tỷ đồng, tổng tài sản đạt 91.236 tỷ đồng.",
        [("6 tháng đầu năm 2019", "TIME", "2019-H1"), ("doanh thu", "INDICATOR", None), ("517 tỷ đồng", Q, "level"),
         ("tổng tài sản", "INDICATOR", None), ("91.236 tỷ đồng", Q, "level")],
        [("517 tỷ đồng", "2019-H1", "actual"), ("91.236 tỷ đồng", "2019-06-30", "actual")],
    ),
    "C23 a carried period: stocks its last day; at the start of the year its first day": (
        "Năm 2016, nợ thuế giảm. Đầu năm số nợ thuế là 76.000 tỷ đồng, nay nợ thuế còn 72.000 tỷ đồng.",
        [("Năm 2016", "TIME", "2016"), ("nợ thuế", "INDICATOR", None), ("số nợ thuế", "INDICATOR", None),
         ("76.000 tỷ đồng", Q, "level"), ("nợ thuế", "INDICATOR", None), ("72.000 tỷ đồng", Q, "level")],
        [("76.000 tỷ đồng", "2016-01-01", "actual"), ("72.000 tỷ đồng", "2016-12-31", "actual")],
    ),
    "C23 a change of a stock takes its date; a rate named with a stock's words keeps the period": (
        "Năm 2018, tổng tài sản tăng 5%, lãi suất huy động đạt 6%.",
        [("Năm 2018", "TIME", "2018"), ("tổng tài sản", "INDICATOR", None), ("5%", Q, "change"),
         ("lãi suất huy động", "INDICATOR", None), ("6%", Q, "level")],
        [("5%", "2018-12-31", "actual"), ("6%", "2018", "actual")],
    ),
    "a value compared with the previous month is the last named month's figure": (
        "Lũy kế 11 tháng năm 2020, XK đạt 5 tỷ USD. Tháng 11, XK đạt 1 tỷ USD. Hóa chất tăng 3% so với tháng trước.",
        [("11 tháng năm 2020", "TIME", "2020-01/2020-11"), ("5 tỷ USD", Q, "level"), ("Tháng 11", "TIME", "2020-11"),
         ("1 tỷ USD", Q, "level"), ("3%", Q, "change"), ("so với tháng trước", "BASIS", "previous_period")],
        [("5 tỷ USD", "2020-01/2020-11", "actual"), ("1 tỷ USD", "2020-11", "actual"), ("3%", "2020-11", "actual")],
    ),
    "a plan named before its value is a target; the ministry's name and so với kế hoạch are no cue": (
        "Năm 2020, ĐHĐCĐ thông qua kế hoạch doanh thu 1.670 tỷ đồng. Sở Kế hoạch và Đầu tư cấp phép cho 48 dự án. "
        "So với kế hoạch đề ra, bến xe mới hoàn thành 69%.",
        [("Năm 2020", "TIME", "2020"), ("1.670 tỷ đồng", Q, "level"), ("48 dự án", Q, "level"),
         ("So với kế hoạch đề ra", "BASIS", "plan"), ("69%", Q, "ratio")],
        [("1.670 tỷ đồng", "2020", "target"), ("48 dự án", "2020", "actual"), ("69%", "2020", "actual")],
    ),
    "C30 ước with sẽ for the current period is an estimate; with a plan word a target": (
        "Năm 2020, XK cá tra giảm. Ước tính XK cá tra cả năm sẽ đạt khoảng 1,54 tỷ USD. Ước cả năm phấn đấu đạt 2 tỷ USD.",
        [("Năm 2020", "TIME", "2020"), ("1,54 tỷ USD", Q, "level"), ("2 tỷ USD", Q, "level")],
        [("1,54 tỷ USD", "2020", "estimate"), ("2 tỷ USD", "2020", "target")],
    ),
    "C28 a stock at the end of a year takes its last day": (
        "Tổng tài sản cuối năm 2014 là 45.713 tỷ đồng.",
        [("năm 2014", "TIME", "2014"), ("45.713 tỷ đồng", Q, "level")],
        [("45.713 tỷ đồng", "2014-12-31", "actual")],
    ),
    "C15 a start date is the period of what holds from it": (
        "Từ ngày 10/7/2020, hàng dệt may được hưởng thuế nhập khẩu 0%.",
        [("10/7/2020", "TIME", "2020-07-10"), ("0%", Q, "level")],
        [("0%", "2020-07-10", "actual")],
    ),
    "a cumulative period carries over to the next sentences": (
        "Lũy kế 8 tháng, xuất khẩu đạt 6,2 tỷ USD. Nhập khẩu đạt 5 tỷ USD.",
        [("Lũy kế 8 tháng", "TIME", "2024-01/2024-08"), ("6,2 tỷ USD", Q, "level"), ("5 tỷ USD", Q, "level")],
        [("6,2 tỷ USD", "2024-01/2024-08", "actual"), ("5 tỷ USD", "2024-01/2024-08", "actual")],
    ),
    "C25 a comparison figure keeps its period and is actual; its period is not carried": (
        "Ước tính đến hết tháng 8/2017, tín dụng tăng khoảng 11,5%, cùng kỳ năm trước tăng 10,2%. Huy động tăng 9%.",
        [("tháng 8/2017", "TIME", "2017-08"), ("11,5%", Q, "change"), ("cùng kỳ năm trước", "TIME", "2016-01/2016-08"),
         ("10,2%", Q, "change"), ("9%", Q, "change")],
        [("11,5%", "2017-01/2017-08", "estimate"), ("10,2%", "2016-01/2016-08", "actual"), ("9%", "2017-01/2017-08", "actual")],
    ),
    "C9 a cue never crosses a sentence": (
        "Năm 2020, doanh thu ước đạt 100 tỷ đồng. Trong đó, xuất khẩu đạt 40 tỷ đồng.",
        [("Năm 2020", "TIME", "2020"), ("100 tỷ đồng", Q, "level"), ("40 tỷ đồng", Q, "level")],
        [("100 tỷ đồng", "2020", "estimate"), ("40 tỷ đồng", "2020", "actual")],
    ),
    "C8 a cue reaches its parenthesis, not past the ;": (
        "Năm 2020, Vinachem ước lỗ 1.312 tỷ đồng (DAP đạt lợi nhuận 196 tỷ đồng; DAP số 2 lỗ 246 tỷ đồng).",
        [("Năm 2020", "TIME", "2020"), ("1.312 tỷ đồng", Q, "level"), ("196 tỷ đồng", Q, "level"), ("246 tỷ đồng", Q, "level")],
        [("1.312 tỷ đồng", "2020", "estimate"), ("196 tỷ đồng", "2020", "estimate"), ("246 tỷ đồng", "2020", "actual")],
    ),
    "target cues": (
        "Năm 2020, công ty phấn đấu đạt 500 tỷ đồng; dự kiến lãi 50 tỷ đồng; lợi nhuận sẽ tăng 10%.",
        [("Năm 2020", "TIME", "2020"), ("500 tỷ đồng", Q, "level"), ("50 tỷ đồng", Q, "level"), ("10%", Q, "change")],
        [("500 tỷ đồng", "2020", "target"), ("50 tỷ đồng", "2020", "target"), ("10%", "2020", "target")],
    ),
    "the words of a BASIS are no target cue": (
        "Năm 2019, huy động đạt 78% kế hoạch năm 2019, cho vay đạt 49.762 tỷ đồng.",
        [("Năm 2019", "TIME", "2019"), ("78%", Q, "ratio"), ("kế hoạch năm 2019", "BASIS", "plan"), ("49.762 tỷ đồng", Q, "level")],
        [("78%", "2019", "actual"), ("49.762 tỷ đồng", "2019", "actual")],
    ),
    "a target segment is no target": (
        "Năm 2019, cho vay khách hàng mục tiêu đạt 21.682 tỷ đồng.",
        [("Năm 2019", "TIME", "2019"), ("21.682 tỷ đồng", Q, "level")],
        [("21.682 tỷ đồng", "2019", "actual")],
    ),
    "C21 and C19: values for a year after the report's are targets": (
        "2018-05-20\nSản lượng năm 2018 đạt 3 triệu tấn. Đến năm 2025 đạt 5 triệu tấn. Năm 2025 ước đạt 6 triệu tấn.",
        [("năm 2018", "TIME", "2018"), ("3 triệu tấn", Q, "level"), ("năm 2025", "TIME", "2025"), ("5 triệu tấn", Q, "level"),
         ("Năm 2025", "TIME", "2025"), ("6 triệu tấn", Q, "level")],
        [("3 triệu tấn", "2018", "actual"), ("5 triệu tấn", "2025", "target"), ("6 triệu tấn", "2025", "target")],
    ),
    "C23: a balance at a plain day takes the day, and the day is not carried on to flows": (
        "Năm 2016 lỗ. Vay, nợ ngân hàng tại ngày 31/12/2016 là 17.704 tỷ đồng. Thu nhập của ông Chuẩn là 621 triệu đồng.",
        [("Năm 2016", "TIME", "2016"), ("Vay, nợ ngân hàng", "INDICATOR", None), ("31/12/2016", "TIME", "2016-12-31"),
         ("17.704 tỷ đồng", Q, "level"), ("Thu nhập", "INDICATOR", None), ("621 triệu đồng", Q, "level")],
        [("17.704 tỷ đồng", "2016-12-31", "actual"), ("621 triệu đồng", "2016", "actual")],
    ),
    "a value compared with a half-month, with no TIME of its own, is the half after it": (
        "Năm 2020 tăng. Về nhập khẩu, trị giá đạt 11,66 tỷ USD, tăng 0,1% so với nửa cuối tháng 8.",
        [("Năm 2020", "TIME", "2020"), ("11,66 tỷ USD", Q, "level"), ("0,1%", Q, "change"),
         ("so với nửa cuối tháng 8", "BASIS", "period:2020-08-16/2020-08-31")],
        [("11,66 tỷ USD", "2020", "actual"), ("0,1%", "2020-09-01/2020-09-15", "actual")],
    ),
    "a headline figure with no TIME takes the period of the body figure it repeats": (
        "Xuất siêu kỷ lục 19,5 tỷ USD\nNăm 2020 tăng. Tính chung 10 tháng năm 2020, xuất siêu 19,5 tỷ USD.",
        [("19,5 tỷ USD", Q, "level"), ("Năm 2020", "TIME", "2020"), ("10 tháng năm 2020", "TIME", "2020-01/2020-10"),
         ("19,5 tỷ USD", Q, "level")],
        [("19,5 tỷ USD", "2020-01/2020-10", "actual"), ("19,5 tỷ USD", "2020-01/2020-10", "actual")],
    ),
    "from and to of a stretch of years take its first and last year": (
        "Trong giai đoạn 2014 - 2017, doanh thu tăng từ 2.802 tỷ đồng lên 11.632 tỷ đồng, lãi đạt 96 tỷ đồng.",
        [("2014 - 2017", "TIME", "2014/2017"), ("2.802 tỷ đồng", Q, "level"), ("11.632 tỷ đồng", Q, "level"),
         ("96 tỷ đồng", Q, "level")],
        [("2.802 tỷ đồng", "2014", "actual"), ("11.632 tỷ đồng", "2017", "actual"), ("96 tỷ đồng", "2014/2017", "actual")],
    ),
    "a chart caption's period is not carried on": (
        "Tháng 8/2020, xuất khẩu đạt 5 tỷ USD.\nXuất khẩu 10 nhóm hàng năm 2019. Nguồn: Tổng cục Hải quan.\nNhập khẩu đạt 4 tỷ USD.",
        [("Tháng 8/2020", "TIME", "2020-08"), ("5 tỷ USD", Q, "level"), ("10 nhóm hàng", Q, "level"), ("năm 2019", "TIME", "2019"),
         ("4 tỷ USD", Q, "level")],
        [("5 tỷ USD", "2020-08", "actual"), ("10 nhóm hàng", "2019", "actual"), ("4 tỷ USD", "2020-08", "actual")],
    ),
    "the year of a figure after so với in its clause is not carried on": (
        "Năm 2018 lãi 50 tỷ đồng, giảm 50% so với con số 100 tỷ đồng của năm 2017. Doanh thu đạt 2.424 tỷ đồng.",
        [("Năm 2018", "TIME", "2018"), ("50 tỷ đồng", Q, "level"), ("50%", Q, "change"), ("100 tỷ đồng", Q, "level"),
         ("năm 2017", "TIME", "2017"), ("2.424 tỷ đồng", Q, "level")],
        [("50 tỷ đồng", "2018", "actual"), ("50%", "2018", "actual"), ("100 tỷ đồng", "2017", "actual"),
         ("2.424 tỷ đồng", "2018", "actual")],
    ),
    "the year of a figure given for comparison is not carried on": (
        "Năm 2018, xuất khẩu đạt 41 tỷ USD, tăng 5 tỷ USD so với năm 2017 (năm 2017 đạt 35 tỷ USD). Nhập khẩu đạt 65 tỷ USD, "
        "trong khi năm 2017 là 58 tỷ USD. Thâm hụt là 24 tỷ USD. Năm 2018 tăng, năm 2017 giảm.",
        [("Năm 2018", "TIME", "2018"), ("41 tỷ USD", Q, "level"), ("5 tỷ USD", Q, "change"),
         ("so với năm 2017", "BASIS", "period:2017"), ("năm 2017", "TIME", "2017"), ("35 tỷ USD", Q, "level"),
         ("65 tỷ USD", Q, "level"), ("năm 2017", "TIME", "2017"), ("58 tỷ USD", Q, "level"), ("24 tỷ USD", Q, "level")],
        [("41 tỷ USD", "2018", "actual"), ("5 tỷ USD", "2018", "actual"), ("35 tỷ USD", "2017", "actual"),
         ("65 tỷ USD", "2018", "actual"), ("58 tỷ USD", "2017", "actual"), ("24 tỷ USD", "2018", "actual")],
    ),
    "the year of an earlier period stated for its own values is carried on": (
        "Năm 2018 tăng. Năm 2015, doanh thu đạt 5 tỷ đồng. Lợi nhuận đạt 1 tỷ đồng.",
        [("Năm 2018", "TIME", "2018"), ("Năm 2015", "TIME", "2015"), ("5 tỷ đồng", Q, "level"), ("1 tỷ đồng", Q, "level")],
        [("5 tỷ đồng", "2015", "actual"), ("1 tỷ đồng", "2015", "actual")],
    ),
    "without any period the report's year": (
        "2018-05-20\nBáo cáo năm 2018 cho biết doanh nghiệp có 304 doanh nghiệp.",
        [("304 doanh nghiệp", Q, "level")],
        [("304 doanh nghiệp", "2018", "actual")],
    ),
}


@pytest.mark.parametrize("text, spans, expected", CASES.values(), ids=CASES.keys())
def test_attribute_resolver(case_doc, text, spans, expected):
    assert _resolved(case_doc(text, spans)) == expected


def test_attribute_resolver_keeps_the_other_attributes(case_doc):
    doc = RelationLinker()(case_doc(*CASES["estimate cue stays in its clause"][:2]))
    before = {s.text: dict(s._.get(SPAN_ATTRS_ATTR)) for s in doc.spans[SPAN_GROUP] if s.label_ == "QUANTITY"}
    doc = AttributeResolver()(doc)
    for span in (s for s in doc.spans[SPAN_GROUP] if s.label_ == "QUANTITY"):
        attrs = span._.get(SPAN_ATTRS_ATTR)
        assert {k: v for k, v in attrs.items() if k not in ("period", "status")} == \
            {k: v for k, v in before[span.text].items() if k not in ("period", "status")}
    assert before["20,09%"]["basis"] == "same_period_last_year"


def test_attribute_resolver_without_carry_uses_the_report_year(case_doc):
    text, spans, _ = CASES["a cumulative period carries over to the next sentences"]
    doc = AttributeResolver(carry_periods=False)(RelationLinker()(case_doc(text, spans)))
    periods = [s._.get(SPAN_ATTRS_ATTR)["period"] for s in doc.spans[SPAN_GROUP] if s.label_ == "QUANTITY"]
    assert periods == ["2024-01/2024-08", "XXXX"]


@pytest.mark.parametrize(
    "lead, value, stock, expected",
    [
        ("tính đến ", "2020-12-31", False, "2020"),
        ("tính đến ", "2018-06-30", False, "2018-H1"),
        ("tính đến ", "2018-06-30", True, "2018-06-30"),
        ("ngày ", "2018-06-30", False, None),  # a plain day sets no period
        ("đến hết ", "2018-05", False, "2018-01/2018-05"),
        ("trong ", "2018-05", False, "2018-05"),
    ],
)
def test_anchor_period(lead, value, stock, expected):
    text = lead + "X"
    assert anchor_period(text, Anchor(len(lead), len(text), "TIME", value), stock) == expected


def test_clause_status_masks_regions():
    text = "đạt 81% kế hoạch năm 2019, cho vay đạt 10 tỷ đồng"
    start = text.index("10 tỷ")
    basis = (text.index("kế hoạch"), text.index(", cho"))
    assert clause_status(text, start, 0, "2019", 2019) == "target"
    assert clause_status(text, start, 0, "2019", 2019, [basis]) == "actual"


def test_attribute_resolver_round_trip(tmp_path):
    resolver = AttributeResolver(spans_key="custom", carry_periods=False)
    resolver.to_disk(tmp_path / "resolver")
    restored = AttributeResolver().from_disk(tmp_path / "resolver")
    assert (restored.spans_key, restored.carry_periods) == ("custom", False)
    again = AttributeResolver().from_bytes(resolver.to_bytes())
    assert (again.spans_key, again.carry_periods) == ("custom", False)


def test_attribute_resolver_refuses_bad_settings(tmp_path):
    import srsly

    (tmp_path / "r").mkdir()
    srsly.write_json(tmp_path / "r" / "cfg", {"spans_key": "vnie", "carry_periods": "yes"})
    with pytest.raises(VnieError, match="E030|carry_periods"):
        AttributeResolver().from_disk(tmp_path / "r")
    srsly.write_json(tmp_path / "r" / "cfg", {"spans_key": "vnie", "other": 1})
    with pytest.raises(VnieError, match="unknown settings"):
        AttributeResolver().from_disk(tmp_path / "r")


def test_factory_in_default_pipeline(nlp):
    names = nlp.pipe_names
    assert names.index("vnie_attribute_resolver") == names.index("vnie_relation_linker") + 1


@pytest.mark.parametrize(
    "text,status",
    [
        ("Chỉ tiêu năm 2019 đạt 5 tỷ đồng.", "target"),
        # ``chỉ tiêu`` for the measures themselves is no plan
        ("Các chỉ tiêu tài chính như tín dụng tăng 5 tỷ đồng.", "actual"),
        ("Tín dụng, chỉ tiêu này tăng 5 tỷ đồng.", "actual"),
        ("Hầu hết các chỉ tiêu đều vượt 5 tỷ đồng.", "actual"),
    ],
)
def test_chi_tieu_as_plan_or_measure(text, status):
    assert clause_status(text, text.index("5 tỷ"), 0, "2019", 2019) == status


@pytest.mark.parametrize(
    "headline_value,bound,body_value,period",
    [
        (19.5e9, None, 19.5e9, "2020-01/2020-10"),  # the same figure
        (18e9, ">", 18.72e9, "2020-01/2020-10"),  # ``hơn 18 tỷ USD``: a rounding down of the body's
        (7e9, None, 19.5e9, "2020"),  # no body figure it repeats: the report's year
        (18e9, ">", 25e9, "2020"),  # too far above to be a rounding
    ],
)
def test_a_headline_figure_takes_the_period_of_the_body_figure_it_repeats(doc_with_spans, headline_value, bound, body_value, period):
    def value(v, b):
        return {**_attrs(Q, "level"), "value": v, "unit": "USD", "bound": b}

    text = "Xuất siêu kỷ lục 19,5 tỷ USD\nNăm 2020 tăng. Tính chung 10 tháng năm 2020, xuất siêu 20 tỷ USD."
    doc = doc_with_spans(text, [("19,5 tỷ USD", Q, value(headline_value, bound)), ("Năm 2020", "TIME", {"period": "2020"}),
                                ("10 tháng năm 2020", "TIME", {"period": "2020-01/2020-10"}), ("20 tỷ USD", Q, value(body_value, None))])
    assert _resolved(doc)[0] == ("19,5 tỷ USD", period, "actual")
