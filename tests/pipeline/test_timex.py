"""The period and basis normalizers (tables from GUIDELINES.md and corpus phrases) and the
TIME/BASIS component."""

import pytest
import spacy

from pipeline.periods import PeriodContext, month_span, normalize_basis, normalize_period
from pipeline.timex import TimeRuler, document_context, lunar_year

Y2020 = PeriodContext(2020, 8)
Y2017 = PeriodContext(2017, None)
NONE = PeriodContext()

PERIOD_CASES = [
    ("năm 2024", NONE, "2024"), ("Năm 2024", NONE, "2024"), ("2024", NONE, "2024"), ("cả năm 2020", NONE, "2020"),
    ("6 tháng đầu năm 2017", NONE, "2017-H1"), ("3 tháng đầu năm", Y2017, "2017-Q1"), ("3 tháng đầu năm", NONE, "XXXX-Q1"),
    ("6 tháng đầu năm", NONE, "XXXX-H1"), ("8 tháng đầu năm 2024", NONE, "2024-01/2024-08"),
    ("Lũy kế 8 tháng", PeriodContext(2024), "2024-01/2024-08"), ("Lũy kế 8 tháng", NONE, "XXXX-01/XXXX-08"),
    ("2 tháng đầu năm 2024", NONE, "2024-01/2024-02"), ("tháng 8", PeriodContext(2024), "2024-08"),
    ("tháng 4/2019", NONE, "2019-04"), ("tháng 12 năm 2016", NONE, "2016-12"), ("quý III", PeriodContext(2024), "2024-Q3"),
    ("quý 2/2020", NONE, "2020-Q2"), ("Quý I/2025", NONE, "2025-Q1"), ("quý IV năm 2020", NONE, "2020-Q4"),
    ("9/1/2025", NONE, "2025-01-09"), ("23/12/2024", NONE, "2024-12-23"), ("18-12", PeriodContext(2024), "2024-12-18"),
    ("14/7", Y2017, "2017-07-14"), ("05/03/1973", NONE, "1973-03-05"), ("31/12/2020", NONE, "2020-12-31"),
    ("2021 - 2025", NONE, "2021/2025"), ("2021-2025", NONE, "2021/2025"), ("2021 – 2025", NONE, "2021/2025"),
    ("năm nay", Y2020, "2020"), ("Năm nay", Y2020, "2020"), ("năm trước", PeriodContext(2024), "2023"),
    ("năm ngoái", Y2020, "2019"), ("năm tới", Y2020, "2021"), ("năm sau", Y2020, "2021"), ("năm mới", PeriodContext(2024), "2025"),
    ("năm qua", Y2020, "2020"), ("3 năm qua", PeriodContext(2024), "2022/2024"), ("35 năm qua", Y2020, "1986/2020"),
    ("hai năm qua", PeriodContext(2024), "2023/2024"), ("5 năm tới", PeriodContext(2019), "2020/2024"),
    ("10 năm tới", Y2020, "2021/2030"), ("cả năm", Y2020, "2020"), ("cả năm", NONE, "XXXX"),
    ("9 tháng năm 2020", NONE, "2020-01/2020-09"), ("11 tháng năm 2020", NONE, "2020-01/2020-11"),
    ("6 tháng 2019", NONE, "2019-H1"), ("6 tháng/2018", NONE, "2018-H1"), ("12 tháng năm 2020", NONE, "2020"),
    ("nửa đầu năm 2019", NONE, "2019-H1"), ("nửa cuối năm", Y2020, "2020-H2"), ("nửa sau của năm 2024", NONE, "2024-H2"),
    ("6 tháng cuối năm 2018", NONE, "2018-H2"), ("6 tháng cuối năm", PeriodContext(2018), "2018-H2"),
    ("3 tháng cuối năm", Y2020, "2020-Q4"), ("Lũy kế 6 tháng đầu năm 2020", NONE, "2020-H1"),
    ("lũy kế 9 tháng", Y2020, "2020-01/2020-09"), ("9 tháng đầu năm nay", Y2020, "2020-01/2020-09"),
    ("quý 1 đến quý 2/2020", NONE, "2020-H1"), ("đầu năm đến hết tháng 5/2018", NONE, "2018-01/2018-05"),
    ("đầu năm nay đến hết tháng 8", Y2020, "2020-01/2020-08"), ("đầu năm đến nay", PeriodContext(2020, 9), "2020-01/2020-09"),
    ("tháng cuối năm", Y2020, "2020-12"), ("tháng cuối năm 2018", NONE, "2018-12"),
    ("những tháng cuối năm", PeriodContext(2020, 9), "2020-Q4"), ("những tháng cuối năm", PeriodContext(2020, 8), "2020-09/2020-12"), ("tháng 3 đến tháng 9", Y2020, "2020-03/2020-09"),
    ("17/3 đến 9/5", Y2020, "2020-03-17/2020-05-09"), ("30/4 - 1/5", PeriodContext(2019), "2019-04-30/2019-05-01"),
    ("tháng này", PeriodContext(2020, 5), "2020-05"), ("tháng 6 này", Y2020, "2020-06"), ("cùng năm", Y2017, "2017"),
    ("2 tháng còn lại của năm", PeriodContext(2020, 10), "2020-11/2020-12"), ("niên độ 2020-2021", NONE, "2020/2021"),
    ("năm 2045", NONE, "2045"),
    # C28: ``cuối`` / ``đầu`` + a period is that period
    ("cuối năm 2017", NONE, "2017"), ("Cuối năm 2014", NONE, "2014"), ("cuối tháng 6/2020", NONE, "2020-06"),
    ("cuối quý 2", Y2020, "2020-Q2"), ("đầu tháng 1 năm nay", PeriodContext(2019), "2019-01"),
    ("cuối tháng 1/2018", NONE, "2018-01"), ("cả quý 3", Y2020, "2020-Q3"),
    # C1: from the start of the year to a date, in the shortest form
    ("đầu năm 2018 đến ngày 15/5", NONE, "2018-01-01/2018-05-15"), ("đầu năm 2018 đến 30/6", NONE, "2018-H1"),
    ("đầu năm đến hết 31/12/2020", NONE, "2020"), ("đầu năm 2017 đến ngày 15/8", NONE, "2017-01-01/2017-08-15"),
    ("đầu năm đến giờ", PeriodContext(2018, 9), "2018-01/2018-09"),
    # a stretch of whole months between two days is written as months
    ("1/7 đến ngày 30/9", Y2020, "2020-Q3"), ("06/07/2018 đến ngày 13/7/2018", NONE, "2018-07-06/2018-07-13"),
    ("1/1/2019 - 31/12/2019", NONE, "2019"),
    # C10: fiscal years as written
    ("quý 2/2020 niên độ 2020-2021", NONE, "2020-Q2"), ("quý 4 niên độ tài chính 2019-2020", Y2020, "2020-Q4"),
    ("quý 1 niên độ tài chính 2020-2021", Y2020, "2020-Q1"), ("niên độ tài chính 2019-2020", NONE, "2019/2020"),
    ("6 tháng đầu niên độ", Y2020, "2020-H1"), ("năm tài chính 2016", NONE, "2016"),
    # C11 and other relative years
    ("5 năm tới", PeriodContext(2019), "2020/2024"), ("5 năm trở lại đây", PeriodContext(2019), "2015/2019"),
    ("3 năm trước đó", PeriodContext(2018), "2015/2017"), ("20 năm về trước", PeriodContext(2019), "1999"),
    ("năm vừa rồi", PeriodContext(2018), "2018"), ("năm trước liền kề", PeriodContext(2018), "2017"),
    ("tháng 10 năm ngoái", PeriodContext(2018), "2017-10"), ("quý 3 năm nay", Y2020, "2020-Q3"),
    # months written as words or with a dash year, month lists, year spans
    ("tháng Tám", PeriodContext(2017), "2017-08"), ("cuối tháng Bảy vừa qua", PeriodContext(2017), "2017-07"),
    ("tháng 9-2017", NONE, "2017-09"), ("tháng 9, 10", Y2020, "2020-09/2020-10"),
    ("hai năm 2016 và 2017", NONE, "2016/2017"), ("năm 2012 đến 2016", NONE, "2012/2016"),
    ("Luỹ kế cả năm 2018", NONE, "2018"), ("2 quý đầu năm", Y2020, "2020-H1"), ("nửa năm 2021", NONE, "2021-H1"),
    ("9 tháng", Y2020, "2020-01/2020-09"), ("6 tháng", PeriodContext(2020), "2020-H1"),
    ("tháng 9/2020 đến nay", PeriodContext(2020, 12), "2020-09/2020-12"), ("6 tháng đầu 2016", NONE, "2016-H1"),
    # N quarters of a year are a span of months, in the shortest form
    ("3 quý đầu năm", Y2020, "2020-01/2020-09"), ("3 quý cuối năm", Y2020, "2020-04/2020-12"), ("1 quý đầu năm 2019", NONE, "2019-Q1"),
    # ``cả`` before a count of months does not change its period (as in ``cả năm``)
    ("cả 9 tháng", Y2020, "2020-01/2020-09"), ("cả 6 tháng đầu năm 2019", NONE, "2019-H1"),
    # a range of months across a year end; ``giữa`` inside a range (C28: no "middle of" periods)
    ("giữa tháng 11/2018 đến giữa tháng 1/2019", NONE, "2018-11/2019-01"), ("tháng 11/2018 - tháng 2/2019", NONE, "2018-11/2019-02"),
    # customs half-months, days at a month's or year's edge, first and last quarters and months
    ("kỳ 1 tháng 9", Y2020, "2020-09-01/2020-09-15"), ("kỳ 2 tháng 12 năm 2020", NONE, "2020-12-16/2020-12-31"),
    # a half with no month: of the text's month; none without one
    ("kỳ 1", Y2020, "2020-08-01/2020-08-15"), ("kỳ 2", Y2020, "2020-08-16/2020-08-31"), ("kỳ 2", Y2017, None),
    ("kỳ 2 tháng 2/2020", NONE, "2020-02-16/2020-02-29"), ("nửa đầu tháng 12/2020", NONE, "2020-12-01/2020-12-15"),
    ("nửa cuối tháng 11", Y2020, "2020-11-16/2020-11-30"), ("15 ngày đầu năm 2021", NONE, "2021-01-01/2021-01-15"),
    ("15 ngày đầu tháng 1 năm 2020", NONE, "2020-01-01/2020-01-15"), ("15 ngày cuối tháng 11", Y2020, "2020-11-16/2020-11-30"),
    ("15 ngày cuối năm 2020", NONE, "2020-12-17/2020-12-31"), ("quý đầu năm 2017", NONE, "2017-Q1"),
    ("quý đầu tiên", Y2020, "2020-Q1"), ("quý cuối năm", Y2020, "2020-Q4"),
    ("tháng đầu tiên của năm 2018", NONE, "2018-01"), ("tháng cuối cùng của năm 2020", NONE, "2020-12"),
    # days of one month written with the month once
    ("2 - 6/12", PeriodContext(2014), "2014-12-02/2014-12-06"), ("10-15/3/2019", NONE, "2019-03-10/2019-03-15"),
    # C32: a start and ``đến nay`` runs to the text's now; a counted stretch from the start of the year
    ("năm 2015 đến nay", PeriodContext(2017, 8), "2015/2017"), ("năm 2017 cho đến nay", PeriodContext(2017, 8), "2017-01/2017-08"),
    ("tháng 9/2020 đến nay", PeriodContext(2020, 12), "2020-09/2020-12"), ("tháng 5/2017 cho đến nay", PeriodContext(2017, 8), "2017-05/2017-08"),
    ("9 tháng từ đầu năm", Y2020, "2020-01/2020-09"), ("9 tháng kể từ đầu năm 2016", NONE, "2016-01/2016-09"),
    # C32: a bare ``tháng`` is the text's month; a half of ``tháng này``; a counted ``năm trước``
    ("tháng", PeriodContext(2020, 12), "2020-12"), ("nửa đầu tháng này", PeriodContext(2020, 8), "2020-08-01/2020-08-15"),
    ("Hai năm trước", PeriodContext(2017), "2015"), ("Hai năm trước", NONE, "XXXX"),
    # C32: a quarter with broken spacing
    ("quý IV2017", NONE, "2017-Q4"), ("quý I V. 2018", NONE, "2018-Q4"), ("quý I V 2018", NONE, "2018-Q4"),
    # dates written with dashes, months of one year with the year once, fiscal years, month names in lower case
    ("30-9-2018", NONE, "2018-09-30"), ("tháng 8 - 11/2018", NONE, "2018-08/2018-11"), ("năm tài khoá 2017", NONE, "2017"),
    ("tháng ba", Y2020, "2020-03"), ("tháng mười hai", Y2020, "2020-12"),
    # a start in an earlier year runs to the text's month, or its year when the month is unknown
    ("tháng 9-2016 đến nay", PeriodContext(2018, 5), "2016-09/2018-05"), ("tháng 6/2017 đến nay", PeriodContext(2018), "2017/2018"),
    # the year before that, the year just past, quarters of last year
    ("năm trước đó", PeriodContext(2018), "2017"), ("năm vừa qua", PeriodContext(2016), "2016"),
    ("2 quý đầu năm ngoái", PeriodContext(2016), "2015-H1"), ("3 quý cuối năm trước", PeriodContext(2016), "2015-04/2015-12"),
]


@pytest.mark.parametrize("text,context,period", PERIOD_CASES)
def test_normalize_period(text, context, period):
    assert normalize_period(text, context) == period


@pytest.mark.parametrize(
    "text", ["hiện nay", "hiện tại", "thời gian tới", "tháng 13", "quý 5", "32/1/2020", "30/2/2021", "abc", "", "năm",
             "tháng 10, 9", "quý 3 niên độ 2021-2020", "13 tháng", "đầu năm đến 31/2", "năm 2016 đến 2012",
             "quý V2017", "quý I V."]
)
def test_normalize_period_rejects_non_calendar(text):
    assert normalize_period(text, Y2020) is None


@pytest.mark.parametrize(
    "first,last,period",
    [(1, 6, "2017-H1"), (7, 12, "2017-H2"), (1, 3, "2017-Q1"), (4, 6, "2017-Q2"), (1, 12, "2017"), (1, 8, "2017-01/2017-08"),
     (8, 8, "2017-08"), (2, 4, "2017-02/2017-04")],
)
def test_month_span_shortest_form(first, last, period):
    assert month_span("2017", first, last) == period


BASIS_CASES = [
    ("so với cùng kỳ", None, "same_period_last_year"), ("cùng kỳ năm trước", None, "same_period_last_year"),
    ("so với cùng kỳ năm 2023", None, "same_period_last_year"), ("so cùng kỳ", None, "same_period_last_year"),
    ("so với cùng kì", None, "same_period_last_year"), ("so với tháng trước", None, "previous_period"),
    ("so với quý trước", None, "previous_period"), ("kế hoạch", None, "plan"), ("kế hoạch năm", None, "plan"),
    ("kế hoạch được giao", None, "plan"), ("kế hoạch cả năm", None, "plan"), ("dự toán", None, "plan"),
    ("so với dự toán", None, "plan"), ("chỉ tiêu phấn đấu", None, "plan"), ("so với năm 2024", None, "period:2024"),
    ("so với năm trước", "2024", "period:2023"), ("so với năm trước", "2017", "period:2016"),
    ("tốc độ tăng năm 2023", None, "period:2023"), ("so với tháng 7/2020", None, "period:2020-07"),
    ("so với quý 2/2019", None, "period:2019-Q2"), ("so với 6 tháng đầu năm 2019", None, "period:2019-H1"),
    ("so với 9 tháng năm 2019", None, "period:2019-01/2019-09"), ("so với nửa đầu năm 2019", None, "period:2019-H1"),
    ("so với thực hiện năm 2019", None, "period:2019"), ("so với mức thặng dư năm 2017", None, "period:2017"),
    ("so với 2020", None, "period:2020"), ("so với kỳ 2 tháng 8/2020", None, "period:2020-08-16/2020-08-31"),
    ("so với 15 ngày cuối tháng 11/2020", None, "period:2020-11-16/2020-11-30"),
    ("so với năm tài chính 2015", None, "period:2015"), ("so với kết quả của năm 2017", None, "period:2017"),
    ("so với kết quả kinh doanh thực tế năm 2018", None, "period:2018"), ("so với chỉ tiêu ban đầu", None, "plan"),
    ("mục tiêu hàng năm", None, "plan"), ("so với cùng kỳ niên độ trước", None, "same_period_last_year"),
    ("so với cuối năm 2016", None, "period:2016-12-31"), ("so với năm ngoái", "2020", "period:2019"),
    ("so với tháng trước liền kề", None, "previous_period"), ("so với quý trước liền kề", None, "previous_period"),
    ("so với cùng năm trước", None, "same_period_last_year"), ("so với hồi cuối năm 2016", None, "period:2016-12-31"),  # C33
    # the result of a named period; ``với`` for ``so với`` after a growth rate
    ("so với kết quả thực hiện trong nửa cuối tháng 11/2020", None, "period:2020-11-16/2020-11-30"),
    ("so kết quả thực hiện Tết Mậu Tuất 2018", None, "period:2018"), ("với năm trước", "2019", "period:2018"),
    ("so kế hoạch thành phố giao", None, "plan"),
    # the year before that, a goal
    ("so với một năm trước đó", "2018", "period:2017"), ("so với 1 năm trước đó", "2018", "period:2017"),
    ("so với năm trước đó", "2016", "period:2015"), ("so với mục tiêu", None, "plan"),
    # C33: a balance compared with the one at the start or the end of a year
    ("so với đầu năm", "2019-06-30", "period:2019-01-01"), ("so với hồi đầu năm", None, "period:2020-01-01"),
    ("so với thời điểm đầu năm", "2019-06-30", "period:2019-01-01"), ("so với đầu kỳ", "2017", "period:2017-01-01"),
    ("so với cuối năm 2016", "2017-08", "period:2016-12-31"), ("so với cuối năm trước", "2018-03-31", "period:2017-12-31"),
    ("so với 6 tháng đầu năm", None, "period:2020-H1"),
]


@pytest.mark.parametrize("text,period,basis", BASIS_CASES)
def test_normalize_basis(text, period, basis):
    assert normalize_basis(text, period, Y2020) == basis


@pytest.mark.parametrize(
    "text,year,month,report",
    [("Tin\nChiều nay, 9/2/2025, Sở họp về năm 2024. Năm 2024 tăng.", 2025, 2, 2024),
     ("Tiêu đề\ndate 2021-12\nNăm 2021 tăng.", 2021, 12, 2021),
     ("Xuất khẩu năm 2020 tăng so với cùng kỳ năm 2019, năm 2020.", 2020, None, 2020),
     ("Không có năm.", None, None, None),
     # a dated review of the year before reports that year's figures
     ("Tin\nChiều nay, 9/1/2025, Sở tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025. Năm 2025 phấn đấu "
      "tăng 9% so với năm 2024; năm 2025 xuất khẩu tăng.", 2024, 12, 2024),
     # a report on part of a year that mostly cites the year before it
     ("Xuất siêu 9,9 tỷ USD của năm 2019. Năm 2019 XK tăng 8,4%, năm 2019 nhập khẩu giảm. Quý II/2020 phục hồi; "
      "tính chung 9 tháng năm 2020, XK tăng 4%.", 2020, None, 2020),
     ("Năm 2018 HAGL lỗ, năm 2018 doanh thu giảm, năm 2018 nợ giảm; giá tăng đến giữa tháng 1/2019.", 2018, None, 2018),
     # a January date with no year at a review of the year: that year, to its end
     ("Tin\n\nNgày 12/1, tại Hội nghị Tổng kết năm 2020, Sở cho biết năm 2020 tăng.", 2020, 12, 2020),
     ("Tin\n\nNgày 12/6, tại Hội nghị Sơ kết năm 2020, Sở cho biết năm 2020 tăng.", 2020, None, 2020),
     # the headline's year counts twice: the year the text is about, however often it cites the one before
     ("Ô tô kinh doanh thế nào trong năm 2018?\n\nDoanh thu tăng so với năm 2017, thị phần năm 2017 là 7%, "
      "năm 2017 là 58%, năm 2017 là 9%.", 2018, None, 2018),
     ("Ô tô kinh doanh thế nào?\n\nDoanh thu tăng so với năm 2017, thị phần năm 2017 là 7%, năm 2017 là 58%.",
      2017, None, 2017),
     # a lunar new year named by its cycle year, when no number says the year
     ("Hàng Tết Kỷ Hợi dồi dào, tăng 10% so với năm ngoái.", 2019, None, 2019),
     ("Thưởng Tết Nguyên đán Mậu Tuất cao nhất.", 2018, None, 2018),
     ("Tết Giáp Sửu tăng 5%.", None, None, None),
     # dated early in a year, on that year's first quarter while citing the last year more often
     ("Tin\nNgày 16/4/2019, Tisco công bố. Năm 2018 lỗ, năm 2018 nợ tăng, năm 2018 lãi giảm. Quý 1/2019 doanh thu tăng.",
      2019, 4, 2019),
     ("Tin\nNgày 16/4/2019, Tisco công bố. Năm 2018 lỗ, năm 2018 nợ tăng, năm 2018 lãi giảm.", 2019, 4, 2018),
     # a part of the next year named in a caption near the start makes it the report's year
     ("Nhật Bản top 4 đối tác\n\nCơ cấu xuất khẩu tính hết tháng 9/2020. Biểu đồ: T.Bình\n\nKết thúc năm 2019, kim ngạch đạt 40 tỷ USD, "
      "tăng so với năm 2018; năm 2019 nhập khẩu tăng; năm 2019 xuất khẩu tăng. Năm 2020 tăng.", 2020, None, 2020),
     # a tie goes to a year the text writes, not one reached only by a comparison
     ("Thu tháng 11 tăng 31% so với tháng 10/2020 và tăng 17% so với cùng kỳ 2019.", 2020, None, 2020),
     # the years of a web page's list of other articles are not the report's
     ("Sản xuất công nghiệp 6 tháng đầu năm tăng.\n\nCó thể bạn quan tâm\n\nXuất khẩu cuối năm 2025 tăng", None, None, None)],
)
def test_document_context(text, year, month, report):
    dates = document_context(text)
    assert (dates.context.year, dates.report_year) == (year, report)
    if month is not None:
        assert dates.context.month == month


@pytest.mark.parametrize(
    "text,now",
    [
        # the opening states the date the figures run to: that is the report's "now"
        ("Hải quan Long An\n\nCục Hải quan cho biết, tính đến ngày 15/12/2020, đã có 2.050 DN.", (2020, 12, 15)),
        ("Tin\n\nKim ngạch tính từ đầu năm 2018 đến ngày 15/5 đạt 37,08 tỷ USD, tăng 13,3% trong 6 tháng.", (2018, 5, 15)),
        # no year anywhere: no date; an impossible day: no date
        ("Kim ngạch tính đến ngày 15/5 đạt 37,08 tỷ USD.", (None, None, None)),
        ("Năm 2019. Tính đến ngày 31/2, đạt 5 tỷ USD.", (2019, None, None)),
    ],
)
def test_document_context_cutoff_date(text, now):
    context = document_context(text).context
    assert (context.year, context.month if now[1] else None, context.day) == now


@pytest.mark.parametrize(
    "text,context,period",
    [
        ("đầu năm đến nay", PeriodContext(2020, 12, 15), "2020-01-01/2020-12-15"),
        ("đầu năm đến nay", PeriodContext(2018, 5, 31), "2018-01/2018-05"),
        ("đầu năm đến nay", PeriodContext(2020, 9), "2020-01/2020-09"),
        ("5 tháng qua", PeriodContext(2018, 5, 15), "2018-01/2018-05"),
    ],
)
def test_periods_run_to_the_reports_now(text, context, period):
    assert normalize_period(text, context) == period


@pytest.fixture(scope="module")
def spans_of(rules_nlp):
    def run(text):
        doc = rules_nlp(text)
        return [(s.text, s.label_, s._.vnie_attrs) for s in doc.spans["vnie"] if s.label_ in ("TIME", "BASIS")]

    return run


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Chiều 23/12/2024, tại Hà Nội.", [("23/12/2024", "TIME", {"period": "2024-12-23"})]),
        ("IIP tăng 5% so với cùng kỳ năm 2023.", [("so với cùng kỳ năm 2023", "BASIS", {"basis": "same_period_last_year"})]),
        ("Đạt 6 tỷ USD, bằng 104,9% kế hoạch.", [("kế hoạch", "BASIS", {"basis": "plan"})]),
        ("Trong 6 tháng đầu năm 2017, IIP tăng 5%.", [("6 tháng đầu năm 2017", "TIME", {"period": "2017-H1"})]),
        ("từ ngày 14/7/2017, thuế là 0%.", [("14/7/2017", "TIME", {"period": "2017-07-14"})]),
    ],
)
def test_time_ruler_spans(spans_of, text, expected):
    assert spans_of(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # C28: the edge words stay outside the TIME
        ("Năm 2017, tổng tài sản cuối năm 2017 là 5 tỷ đồng.", [("Năm 2017", "2017"), ("năm 2017", "2017")]),
        ("Năm 2020. Lũy kế đến cuối tháng 11/2020, XK đạt 5 tỷ USD.", [("Năm 2020", "2020"), ("tháng 11/2020", "2020-11")]),
        ("Năm 2017. Thủ tướng hồi cuối tháng Bảy vừa qua chỉ đạo.", [("Năm 2017", "2017"), ("tháng Bảy vừa qua", "2017-07")]),
        # ... but not out of a period named with them
        ("Năm 2018. Thu 6 tháng cuối năm tăng 5%.", [("Năm 2018", "2018"), ("6 tháng cuối năm", "2018-H2")]),
        # a count of months standing alone is the year to that month
        ("Năm 2020, lợi nhuận 6 tháng giảm 5%.", [("Năm 2020", "2020"), ("6 tháng", "2020-H1")]),
        # durations are no TIME
        ("Năm 2020, sau hơn 1 tháng thực thi, xuất khẩu tăng 3%.", [("Năm 2020", "2020")]),
        ("Năm 2020, xuất khẩu tăng 4 tháng liên tiếp.", [("Năm 2020", "2020")]),
        # generic successive years
        ("Năm 2020, xuất siêu năm sau cao hơn năm trước.", [("Năm 2020", "2020")]),
        # dates after a capitalized ``Ngày`` and in parentheses: the calendar part only
        ("Năm 2019. Ngày 24/4, Masan họp.", [("Năm 2019", "2019"), ("24/4", "2019-04-24")]),
        ("Năm 2018. Sáng nay (28/6), Habeco họp.", [("Năm 2018", "2018"), ("28/6", "2018-06-28")]),
        # the second month of a list is a TIME of its own
        ("Năm 2020, tháng 3 và 5 giảm 47% và 20%.", [("Năm 2020", "2020"), ("tháng 3", "2020-03"), ("5", "2020-05")]),
        # C1: the stretch with both ends is one TIME
        ("Từ đầu năm đến hết tháng 5/2018, thu 5 tỷ đồng.", [("đầu năm đến hết tháng 5/2018", "2018-01/2018-05")]),
        ("Tính từ đầu năm 2018 đến ngày 15/5 đạt 37,08 tỷ USD.", [("đầu năm 2018 đến ngày 15/5", "2018-01-01/2018-05-15")]),
        # C10: the fiscal period as written, one TIME
        ("Quý 2/2020 niên độ 2020-2021 lãi 5 tỷ đồng.", [("Quý 2/2020 niên độ 2020-2021", "2020-Q2")]),
        # settled case: ``từ đầu năm 2017`` keeps ``năm 2017``
        ("Thuế tăng từ đầu năm 2017, lên 60%.", [("năm 2017", "2017")]),
        # ``cả`` + a count of months is a TIME with its ``cả``, like ``cả năm``
        ("Năm 2020, quý 3 chiếm 38,3% kim ngạch cả 9 tháng.", [("Năm 2020", "2020"), ("quý 3", "2020-Q3"), ("cả 9 tháng", "2020-01/2020-09")]),
        ("Năm 2020, kim ngạch 3 quý đầu năm tăng 4,1%.", [("Năm 2020", "2020"), ("3 quý đầu năm", "2020-01/2020-09")]),
        # relative expressions resolved from the text (settled case): the N months before the
        # previous period, and the quarter the text is about
        ("Năm 2020, XK tháng 11 tăng 6%; XK tăng 5% trong 3 tháng qua sau khi giảm 23% trong 5 tháng trước đó.",
         [("Năm 2020", "2020"), ("tháng 11", "2020-11"), ("3 tháng qua", "2020-09/2020-11"), ("5 tháng trước đó", "2020-04/2020-08")]),
        ("Quý 4/2018, HAGL lỗ. Trong quý này, doanh thu giảm 5%.", [("Quý 4/2018", "2018-Q4"), ("quý này", "2018-Q4")]),
        # half-month and edge-day periods, as TIME and after ``so với`` as BASIS
        ("Năm 2020. Xuất khẩu kỳ 1 tháng 9 đạt 24,3 tỷ USD, tăng 5% so với kỳ 2 tháng 8.",
         [("Năm 2020", "2020"), ("kỳ 1 tháng 9", "2020-09-01/2020-09-15")]),
        ("Năm 2020. Xuất khẩu 5 tỷ USD trong 15 ngày đầu tháng 1 năm 2020, giảm 15,9% so với 15 ngày cuối tháng 11.",
         [("Năm 2020", "2020"), ("15 ngày đầu tháng 1 năm 2020", "2020-01-01/2020-01-15")]),
        ("Năm 2020. Trong tháng cuối cùng của năm 2020, thu 5 tỷ đồng. Quý lỗ đầu tiên là 5 tỷ đồng.",
         [("Năm 2020", "2020"), ("tháng cuối cùng của năm 2020", "2020-12")]),
        # a range of years or months counted is a duration, not a date
        ("Năm 2020. Thuế sẽ giảm dần từ 5-7 năm, sau đó về 0%.", [("Năm 2020", "2020")]),
        # an ordinal quarter of an event is no calendar period
        ("Năm 2018. Công ty lỗ 4,3 tỷ đồng, ghi nhận quý đầu tiên thua lỗ.", [("Năm 2018", "2018")]),
        # a weekly expression is a TIME, with no period (the format has no weeks)
        ("Năm 2020. Số liệu công bố đầu tuần này cho thấy GDP tăng 2,12%.", [("Năm 2020", "2020"), ("tuần này", None)]),
        # the stretch with both ends is one TIME (as C1)
        ("Năm 2019. Từ giữa tháng 11/2018 đến giữa tháng 1/2019, giá tăng 45%.", [("Năm 2019", "2019"), ("giữa tháng 11/2018 đến giữa tháng 1/2019", "2018-11/2019-01")]),
        ("Năm 2014. Kỳ họp diễn ra ngày 2 - 6/12.", [("Năm 2014", "2014"), ("2 - 6/12", "2014-12-02/2014-12-06")]),
        # C32: a start and ``đến nay``, one TIME; a bare start is the start alone
        ("Năm 2017. Sản lượng liên tục giảm, nhất là từ năm 2015 đến nay.", [("Năm 2017", "2017"), ("năm 2015 đến nay", "2015/2017")]),
        ("Năm 2017, giá giảm; năm 2015 đến năm 2016 tăng.", [("Năm 2017", "2017"), ("năm 2015 đến năm 2016", "2015/2016")]),
        ("Năm 2018. Cho hay, 9 tháng từ đầu năm, lãi 5 tỷ đồng.", [("Năm 2018", "2018"), ("9 tháng từ đầu năm", "2018-01/2018-09")]),
        ("Năm 2020. Tháng 10 đạt 50 tỷ USD, nâng kim ngạch tính từ đầu năm lên 295,86 tỷ USD.", [("Năm 2020", "2020"), ("Tháng 10", "2020-10"), ("đầu năm", "2020-01/2020-10")]),
        ("Năm 2016. Luỹ kế từ đầu năm, nhà băng này lãi 390 tỷ đồng.", [("Năm 2016", "2016"), ("đầu năm", "2016")]),
        ("Năm 2016. Ngay từ đầu năm, Tổng cục đã ban hành 5 văn bản.", [("Năm 2016", "2016")]),
        # C32: a bare ``tháng`` before its figure is the text's month; without a figure it is none
        ("Tính đến ngày 15/12/2020, thuế phát sinh trong tháng đạt 171 triệu USD.", [("15/12/2020", "2020-12-15"), ("tháng", "2020-12")]),
        ("Tính đến ngày 15/12/2020, các mặt hàng biến động trong tháng, như dầu thô.", [("15/12/2020", "2020-12-15")]),
        ("Năm 2020, lãi quý 3 đạt 100 tỷ đồng. Doanh thu trong quý giảm 2,5%.", [("Năm 2020", "2020"), ("quý 3", "2020-Q3"), ("quý", "2020-Q3")]),
        ("Năm 2016 khó khăn. Trong năm, tổng phương tiện thanh toán tăng 18,38%.", [("Năm 2016", "2016"), ("năm", "2016")]),
        ("Năm 2016, trong năm doanh nghiệp gặp khó khăn.", [("Năm 2016", "2016")]),
        # C32: a number word before ``năm trước``, but not ``trước khi``
        ("Năm 2017. Hai năm trước thành phố giao dự án.", [("Năm 2017", "2017"), ("Hai năm trước", "2015")]),
        ("Năm 2017. Hai năm trước khi dự án xong, giá tăng.", [("Năm 2017", "2017")]),
        # a day range in parentheses and a cut-off after a capital ``Hết``
        ("Năm 2020. Xuất khẩu kỳ 1 tháng 12 (1-15/12) đạt 5 tỷ USD.", [("Năm 2020", "2020"), ("kỳ 1 tháng 12", "2020-12-01/2020-12-15"), ("1-15/12", "2020-12-01/2020-12-15")]),
        ("Năm 2020.\nHết 15/11, tổng trị giá xuất khẩu đạt 5 tỷ USD.", [("Năm 2020", "2020"), ("15/11", "2020-11-15")]),
        # C31: ``cả`` before a quarter stays in the TIME; C32: a quarter with broken spacing
        ("Năm 2020, kim ngạch cả quý 3 đạt 148,8 tỷ USD.", [("Năm 2020", "2020"), ("cả quý 3", "2020-Q3")]),
        ("Lãi quý IV2017 là 30,7 tỷ đồng, quý I V. 2018 là 20,1 tỷ đồng.", [("quý IV2017", "2017-Q4"), ("quý I V. 2018", "2018-Q4")]),
        # dashed dates with no lead word; ``tháng hai lần`` (twice a month) is no month
        ("Vốn đến thời điểm 30-9-2018 là 26.000 tỉ đồng.", [("30-9-2018", "2018-09-30")]),
        ("Nghị quyết 19-2016 họp một tháng hai lần.", []),
        ("Ngân sách năm tài khoá 2018 tăng 1,3% so với năm tài khoá 2017.", [("năm tài khoá 2018", "2018")]),
        # ``cùng kỳ`` after a cut-off shifts the months from the year's start to it (C1)
        ("Năm 2020. Tính chung hết tháng 10, xuất siêu 19,5 tỷ USD, cao hơn 9,3 tỷ USD của cùng kỳ năm trước.",
         [("Năm 2020", "2020"), ("tháng 10", "2020-10"), ("cùng kỳ năm trước", "2019-01/2019-10")]),
        # a half of the month just named (customs reports): ``trong kỳ này``, ``trong kỳ 2``; ``kỳ 1`` after ``so với`` is a BASIS
        ("Nửa cuối tháng 12/2018, xuất khẩu tăng.\nTrong kỳ này xuất khẩu tăng 9,1% so với kỳ 1 tháng. Nhập khẩu trong kỳ 2 tăng 5%.",
         [("Nửa cuối tháng 12/2018", "2018-12-16/2018-12-31"), ("kỳ này", "2018-12-16/2018-12-31"), ("kỳ 2", "2018-12-16/2018-12-31")]),
        # ``năm này`` is the year the text has just named
        ("Năm 2018 tăng.\nTrong khi năm 2016, doanh thu là 2.400 tỷ đồng.\nTrong năm này, lãi tăng 4,43%.",
         [("Năm 2018", "2018"), ("năm 2016", "2016"), ("năm này", "2016")]),
        ("Năm 2018 tăng.\nTheo báo cáo tài chính 2016, sở dĩ lợi nhuận năm này dương là do thanh lý.",
         [("Năm 2018", "2018"), ("2016", "2016"), ("năm này", "2016")]),
        # an undated text on a whole year it looks back on: its ``năm ngoái`` is that year ...
        ("Năm 2020, xuất khẩu tăng. Năm ngoái, kim ngạch với Mỹ đạt 77 tỷ USD.", [("Năm 2020", "2020"), ("Năm ngoái", "2020")]),
        ("Xuất khẩu cả năm 2020 tăng. Trong năm ngoái, nhập khẩu đạt 5 tỷ USD.", [("cả năm 2020", "2020"), ("năm ngoái", "2020")]),
        # ... not in a text that says ``năm nay``, or reports part of the year
        ("Năm 2020, xuất khẩu tăng. Năm ngoái đạt 7 tỷ USD, năm nay đạt 8 tỷ USD.", [("Năm 2020", "2020"), ("Năm ngoái", "2019"), ("năm nay", "2020")]),
        ("9 tháng năm 2020, xuất khẩu tăng. Năm ngoái đạt 7 tỷ USD.", [("9 tháng năm 2020", "2020-01/2020-09"), ("Năm ngoái", "2019")]),
    ],
)
def test_time_ruler_time_spans(spans_of, text, expected):
    assert [(t, a["period"]) for t, label, a in spans_of(text) if label == "TIME"] == expected


@pytest.mark.parametrize(
    "text,basis,time",
    [
        # a basis no value is compared with is no BASIS; its calendar words are a TIME
        ("Năm 2019, nợ xấu ở mức 1,44%, giảm so với cùng kỳ năm 2018.", None, ("cùng kỳ năm 2018", "2018")),
        ("Năm 2020, XK các nước đều giảm so với năm trước, XK ta tăng 5%.", None, ("năm trước", "2019")),
        # a bare ``cùng kỳ`` then names nothing
        ("Năm 2020, sản lượng tiêu thụ sụt giảm so với cùng kỳ, giá 5 tỷ đồng.", None, None),
        # a ratio right before its basis keeps it, whatever the predicate
        ("Năm 2019, tổng tài sản tương đương 102,8% so với cùng kỳ năm 2018.", ("so với cùng kỳ năm 2018", "same_period_last_year"), None),
        ("Năm 2020, lãi đạt 100 tỷ đồng, gấp 2,8 cùng kỳ năm trước.", ("cùng kỳ năm trước", "same_period_last_year"), None),
        ("Năm 2020, lợi nhuận gấp 2,8 lần kế hoạch.", ("kế hoạch", "plan"), None),
        ("Năm 2020, lợi nhuận chỉ hoàn thành 35% mục tiêu hàng năm.", ("mục tiêu hàng năm", "plan"), None),
        ("Năm 2018, doanh thu tăng 6,6% so với kết quả của năm 2017.", ("so với kết quả của năm 2017", "period:2017"), None),
        # a comparison heading a list applies to the list
        ("Năm 2018, các chỉ tiêu đều tăng so với năm 2017: sản lượng tăng 0,3%.", ("so với năm 2017", "period:2017"), None),
        # the whole comparison phrase is the BASIS
        ("Năm 2020, gỗ tăng 14% so với tháng trước liền kề.", ("so với tháng trước liền kề", "previous_period"), None),
        ("Năm 2020, nhập khẩu tăng 7% so với cùng năm trước.", ("so với cùng năm trước", "same_period_last_year"), None),
        ("Năm 2018, nợ giảm 1.838 tỷ đồng so với hồi đầu năm.", ("so với hồi đầu năm", "period:2018-01-01"), None),
        ("Năm 2018, dư nợ vay tăng 184 tỷ đồng so với đầu kì.", ("so với đầu kì", "period:2018-01-01"), None),
        # a changed count is a value the basis is linked to
        ("Năm 2017, hạ tầng phát triển (tăng 18 siêu thị so với năm 2016).", ("so với năm 2016", "period:2016"), None),
        # C26 is a comparison with a stated value: ``so mức`` + a non-number is no BASIS
        ("Năm 2019, số vay vượt 173 ngàn tỷ đồng so mức trần 300.000 tỷ đồng.", None, None),
        # the result of a named period, the plan a body set, and ``với`` after a growth rate
        ("Năm 2020. Xuất khẩu đạt 12 tỷ USD, tăng 3,6% so với kết quả thực hiện trong nửa cuối tháng 11/2020.",
         ("so với kết quả thực hiện trong nửa cuối tháng 11/2020", "period:2020-11-16/2020-11-30"), None),
        ("Năm 2019, sức mua tăng 13,2% so kế hoạch thành phố giao.", ("so kế hoạch thành phố giao", "plan"), None),
        ("Năm 2019, xuất nhập khẩu đạt 545,36 tỷ USD, tăng 5,4% với năm trước.", ("với năm trước", "period:2018"), None),
        # a comparison between the change verb and its amount
        ("Năm 2018, thu từ xăng dầu tăng so với cùng kì 6.350 tỉ đồng.", ("so với cùng kì", "same_period_last_year"), None),
        ("Năm 2020, kim ngạch tăng thêm so với cùng kỳ năm ngoái tới 6,85 tỷ USD.", ("so với cùng kỳ năm ngoái", "same_period_last_year"), None),
        ("Năm 2018, kim ngạch đạt 106 tỷ USD, tăng 12,71 tỷ USD so với một năm trước đó.", ("so với một năm trước đó", "period:2017"), None),
        ("Năm 2016, lãi 2 tỷ đồng, bằng 1/7 cùng kỳ năm ngoái.", ("cùng kỳ năm ngoái", "same_period_last_year"), None),
        ("Năm 2016, lãi 5 tỷ đồng, cao hơn 8% so với mục tiêu.", ("so với mục tiêu", "plan"), None),
        ("Năm 2018, gạo đạt 683 triệu USD, trong khi năm trước đó đạt 1 tỷ USD.", None, ("năm trước đó", "2017")),
    ],
)
def test_time_ruler_basis_only_where_linked(spans_of, text, basis, time):
    found = spans_of(text)
    bases = [(t, a["basis"]) for t, label, a in found if label == "BASIS"]
    times = [(t, a["period"]) for t, label, a in found if label == "TIME" and not t.startswith("Năm")]
    assert bases == ([basis] if basis else [])
    assert times == ([time] if time else [])


def test_a_half_with_no_month_as_basis_is_of_the_month_named_before(spans_of):
    text = "Nửa cuối tháng 12/2018, nhập khẩu trong kỳ 2 tăng 9,9% so với kỳ 1."
    assert ("so với kỳ 1", "BASIS", {"basis": "period:2018-12-01/2018-12-15"}) in spans_of(text)


def test_time_ruler_drops_unlinked_basis(spans_of):
    assert all(label != "BASIS" for _, label, _ in spans_of("Sản lượng giảm so với cùng kỳ."))


def test_time_ruler_round_trip(tmp_path):
    ruler = TimeRuler(use_date_line=False)
    ruler.to_disk(tmp_path / "t")
    assert TimeRuler().from_disk(tmp_path / "t").use_date_line is False
    assert TimeRuler().from_bytes(ruler.to_bytes()).use_date_line is False


@pytest.mark.parametrize(
    "stem,branch,year",
    [("Giáp", "Tý", 1984), ("Kỷ", "Hợi", 2019), ("Mậu", "Tuất", 2018), ("Canh", "Tý", 2020), ("Ất", "Tỵ", 2025),
     ("Ất", "Tị", 2025), ("Quý", "Mão", 2023), ("Quý", "Mẹo", 2023), ("Quý", "Hợi", 2043),
     ("Giáp", "Sửu", None)],  # stem and branch of different parity: no year has them
)
def test_lunar_year(stem, branch, year):
    assert lunar_year(stem, branch) == year
