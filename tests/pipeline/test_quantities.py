"""The value parser (table from GUIDELINES.md, the clarifications and corpus phrases) and the
QUANTITY component on small hand-built documents."""

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.errors import VnieError
from pipeline.quantities import QuantityRuler, number_style, parse_number, parse_quantity

# (phrase, value, value_max, unit): expectations read from the guidelines' rules
PARSE_CASES = [
    ("19,25%", 19.25, None, "%"),
    ("6,293 tỷ USD", 6293000000.0, None, "USD"),
    ("197.671 tỷ đồng", 197671000000000.0, None, "VND"),
    ("744 triệu kWh", 744000000.0, None, "kWh"),
    ("495,5 nghìn tấn", 495500.0, None, "tấn"),
    ("82.097 MW", 82097.0, None, "MW"),
    ("2 lần", 2.0, None, "lần"),
    ("48 dự án", 48.0, None, "dự án"),
    ("304 doanh nghiệp", 304.0, None, "doanh nghiệp"),
    ("9-10%", 9.0, 10.0, "%"),
    ("14/25 ngành", 14.0, None, "ngành"),
    ("7,4 điểm phần trăm", 7.4, None, "điểm phần trăm"),
    ("5.339 triệu USD", 5339000000.0, None, "USD"),
    ("104,9%", 104.9, None, "%"),
    ("14,3%", 14.3, None, "%"),
    ("9,1%", 9.1, None, "%"),
    ("58,8%", 58.8, None, "%"),
    ("120,3%", 120.3, None, "%"),
    ("2,5 lần", 2.5, None, "lần"),
    ("55 chủng loại", 55.0, None, "chủng loại"),
    ("21 cảng hàng không", 21.0, None, "cảng hàng không"),
    ("từ 5% đến 20,5%", 5.0, 20.5, "%"),
    ("5% đến 20,5%", 5.0, 20.5, "%"),
    ("15-20%", 15.0, 20.0, "%"),
    ("3-3,5%", 3.0, 3.5, "%"),
    ("4 đến 5%/năm", 4.0, 5.0, "%/năm"),
    ("5,0 đến 5,5 triệu tấn", 5000000.0, 5500000.0, "tấn"),
    ("7 – 10%/năm", 7.0, 10.0, "%/năm"),
    ("1.924,9 tỷ đồng", 1924900000000.0, None, "VND"),
    ("336,92 tỷ USD", 336920000000.0, None, "USD"),
    ("24.948 tỷ đồng", 24948000000000.0, None, "VND"),
    ("2,11 tỷ USD", 2110000000.0, None, "USD"),
    ("16,99 tỷ USD", 16990000000.0, None, "USD"),
    ("1.292 USD/tấn", 1292.0, None, "USD/tấn"),
    ("400 USD/người/năm", 400.0, None, "USD/người/năm"),
    ("11,488 triệu đồng / tháng", 11488000.0, None, "VND/tháng"),
    ("60,7 triệu đồng / người / tháng", 60700000.0, None, "VND/người/tháng"),
    ("72,24 USD/ thùng", 72.24, None, "USD/thùng"),
    ("12,1% / năm", 12.1, None, "%/năm"),
    ("600 triệu / năm", 600000000.0, None, "VND/năm"),
    ("3.000 tỷ", 3000000000000.0, None, "VND"),
    ("700 triệu", 700000000.0, None, "VND"),
    ("1.000 tỉ đồng", 1000000000000.0, None, "VND"),
    ("2.925 tỷ đồng", 2925000000000.0, None, "VND"),
    ("1,5 triệu ha", 1500000.0, None, "ha"),
    ("100 triệu tấn", 100000000.0, None, "tấn"),
    ("5 tỷ quả", 5000000000.0, None, "quả"),
    ("1.122 vụ việc", 1122.0, None, "vụ việc"),
    ("2 vụ", 2.0, None, "vụ"),
    ("10.084 chiếc", 10084.0, None, "chiếc"),
    ("101.233 lao động", 101233.0, None, "lao động"),
    ("3 mỏ vàng", 3.0, None, "mỏ vàng"),
    ("17 nước", 17.0, None, "nước"),
    ("0%", 0.0, None, "%"),
    ("100%", 100.0, None, "%"),
    ("4 điểm", 4.0, None, "điểm"),
    ("35 ha", 35.0, None, "ha"),
    ("2,3 m3", 2.3, None, "m3"),
    ("8.000 tấn/năm", 8000.0, None, "tấn/năm"),
    ("2 nghìn tỷ đồng", 2e12, None, "VND"),
    ("1,2 nghìn tỷ USD", 1.2e12, None, "USD"),
    ("3 ngàn tỷ đồng", 3e12, None, "VND"),
    ("4 ngàn tấn", 4000.0, None, "tấn"),
    ("10 tỉ USD", 1e10, None, "USD"),
    ("8,5 triệu tấn", 8500000.0, None, "tấn"),
    ("262.200 tấn", 262200.0, None, "tấn"),
    ("1.000.000 đồng", 1000000.0, None, "VND"),
    ("6.156,5 tỷ đồng", 6156500000000.0, None, "VND"),
    # the English way, read as meant when only that reading is well-formed (C6)
    ("18.5%", 18.5, None, "%"),
    ("508.25 triệu", 508250000.0, None, "VND"),
    # number words
    ("một nửa", 0.5, None, None),
    ("gấp đôi", 2.0, None, "lần"),
    ("gấp rưỡi", 1.5, None, "lần"),
    ("hàng nghìn tỷ đồng", 1e12, None, "VND"),
    ("hai con số", 10.0, None, "%"),
    ("2 con số", 10.0, None, "%"),
    ("nghìn tỷ", 1e12, None, "VND"),
    ("nghìn tỉ", 1e12, None, "VND"),
    ("hàng chục tỷ đồng", 1e10, None, "VND"),
    ("hàng trăm sản phẩm", 100.0, None, "sản phẩm"),
    ("hàng trăm triệu đồng", 1e8, None, "VND"),
    ("hàng nghìn ha", 1000.0, None, "ha"),
    ("tỷ USD", 1e9, None, "USD"),
    ("chục tỷ", 1e10, None, "VND"),
    ("nghìn lần", 1000.0, None, "lần"),
    ("hai khán phòng", 2.0, None, "khán phòng"),
    ("hai điểm sáng", 2.0, None, "điểm sáng"),
    ("nửa tấn", 0.5, None, "tấn"),
    ("ba lần", 3.0, None, "lần"),
    ("chín bậc", 9.0, None, "bậc"),
    # GUIDELINES and clarification examples not listed above
    ("1.430 tỷ đồng", 1430000000000.0, None, "VND"), ("744 triệu kWh", 744000000.0, None, "kWh"),
    ("0,3%", 0.3, None, "%"), ("17 – 35%", 17.0, 35.0, "%"), ("3-3,5 triệu tấn", 3000000.0, 3500000.0, "tấn"),
    ("7.200 bộ", 7200.0, None, "bộ"), ("140 triệu người", 140000000.0, None, "người"),
    ("1.451 lượt", 1451.0, None, "lượt"), ("5 nhà phân phối", 5.0, None, "nhà phân phối"),
    ("45.713 tỷ đồng", 45713000000000.0, None, "VND"), ("1,1 triệu", 1100000.0, None, "VND"),
    ("4,12% / năm", 4.12, None, "%/năm"), ("46,53 triệu đồng / tháng", 46530000.0, None, "VND/tháng"),
    ("12 - 15%", 12.0, 15.0, "%"), ("2,8 lần", 2.8, None, "lần"), ("10 lần", 10.0, None, "lần"),
    # a scale word after a range's high end only, where the low end is already larger than the high
    # end's number (the bench corpus: "mức lương hằng năm trong khoảng 896.000 - 2,01 triệu NDT")
    ("896.000 - 2,01 triệu NDT", 896000.0, 2010000.0, "ndt"),
]


@pytest.mark.parametrize("phrase", ["27-11", "747-8", "85% -15%", "17-10"])
def test_falling_ranges_are_no_quantities(phrase):
    """Dates (``các ngày 25, 26, 27-11``), model numbers (``747-8``) and splits (``85% -15%``): a
    range's high end is never below its low end."""
    assert parse_quantity(phrase) is None


@pytest.mark.parametrize("phrase,value,value_max,unit", PARSE_CASES)
def test_parse_quantity_value_and_unit(phrase, value, value_max, unit):
    parsed = parse_quantity(phrase)
    assert parsed is not None
    assert parsed.value == pytest.approx(value, rel=1e-9)
    assert parsed.value_max == (None if value_max is None else pytest.approx(value_max, rel=1e-9))
    assert parsed.unit == unit


@pytest.mark.parametrize(
    "phrase,bound",
    [("hàng nghìn tỷ đồng", ">="), ("hai con số", ">="), ("nghìn tỷ", ">="), ("hàng chục tỷ đồng", ">="),
     ("tỷ USD", ">="), ("6,293 tỷ USD", None), ("gấp đôi", None), ("nghìn lần", None)],
)
def test_parse_quantity_bound_of_number_words(phrase, bound):
    assert parse_quantity(phrase).bound == bound


def test_parse_quantity_fraction_is_its_float():
    parsed = parse_quantity("2/3")
    assert parsed.value == 2 / 3 and parsed.unit is None and parsed.is_fraction


def test_parse_quantity_exact_decimal_scaling():
    assert parse_quantity("2,11 tỷ USD").value == 2110000000.0


@pytest.mark.parametrize(
    "phrase",
    ["1.2.3", ",5", "tỷ", "", "   ", "abc", "1,2,3%", "5/0 sản phẩm", "% 5", "1.23.456 đồng", "triệu",
     "12.34.5 tấn", "5 năm", "3 tháng", "10 và", "1..2", "2 tỷ /", "9 -", "..5", "tỉ", "1,2.3", "5-",
     "%", "1.2.3 tỷ USD", ",5%", "2 tỷ tỷ", "0/0"],
)
def test_parse_quantity_malformed_gives_no_value(phrase):
    assert parse_quantity(phrase) is None


@pytest.mark.parametrize(
    "text,style,value",
    [("6,293", "vi", 6.293), ("197.671", "vi", 197671.0), ("8.000", "vi", 8000.0), ("1.924,9", "vi", 1924.9),
     ("214,447", "en", 214447.0), ("594,600", "en", 594600.0), ("18.5", "vi", 18.5), ("1,5", "en", 1.5),
     ("1.2.3", "vi", None), (",5", "vi", None), ("5,", "vi", None), ("12", "vi", 12.0)],
)
def test_parse_number_styles(text, style, value):
    assert parse_number(text, style) == value


@pytest.mark.parametrize(
    "text,style",
    [("đạt 5.339 triệu USD, tăng 6,9%, 1.234.567 đồng", "vi"),
     ("đạt 18.5%, 508.25 triệu và 1,234,567 đồng, 2.5%", "en"),
     ("không có số", "vi")],
)
def test_number_style_from_context(text, style):
    assert number_style(text) == style


@pytest.fixture(scope="module")
def ruled(rules_nlp):
    def run(text: str) -> dict[str, dict]:
        doc = rules_nlp(text)
        return {s.text: s._.vnie_attrs for s in doc.spans["vnie"] if s.label_ == "QUANTITY"}

    return run


@pytest.mark.parametrize(
    "text,span,attrs",
    [
        ("Giá trị gia tăng công nghiệp tăng 20,09% so với cùng kỳ.", "20,09%",
         {"value": 20.09, "unit": "%", "kind": "change", "basis": "same_period_last_year"}),
        ("Ngành khai khoáng giảm 9,1%.", "9,1%", {"value": -9.1, "kind": "change"}),
        ("Xuất khẩu ước đạt 6,293 tỷ USD, bằng 104,9% kế hoạch.", "104,9%",
         {"value": 104.9, "kind": "ratio", "basis": "plan", "status": "estimate"}),
        ("Xuất khẩu ước đạt 6,293 tỷ USD, bằng 104,9% kế hoạch.", "6,293 tỷ USD",
         {"value": 6293000000.0, "kind": "level", "status": "estimate"}),
        ("Thịt lợn chiếm tới 70% cơ cấu.", "70%", {"kind": "share"}),
        # an amount is a level, whatever it is part of
        ("Trong tồn kho, thiết bị điện tử chiếm hơn 5.200 tỷ đồng.", "5.200 tỷ đồng", {"kind": "level"}),
        ("Nợ có khả năng mất vốn chiếm tới 1.982 tỷ đồng.", "1.982 tỷ đồng", {"kind": "level"}),
        # ``âm`` before an amount: a negative level, not a fall; before a percentage, a fall
        ("Lãi gộp ghi âm 112 tỷ đồng.", "112 tỷ đồng", {"kind": "level", "value": -112e9}),
        ("Lợi nhuận xuống mức âm hơn 18 tỷ đồng.", "18 tỷ đồng", {"kind": "level", "value": -18e9}),
        # a share measure that fell to a percentage: the share it came to
        ("Theo đó thị phần giảm xuống 8,9% từ 11,4%.", "8,9%", {"kind": "share"}),
        ("Theo đó thị phần giảm 2%.", "2%", {"kind": "change"}),
        # a list of shares goes on as it began
        ("Thịt gia cầm chiếm 55,2%, thực phẩm chế biến 33,6%.", "33,6%", {"kind": "share"}),
        ("Doanh thu đạt gần 789 tỷ đồng.", "789 tỷ đồng", {"bound": "~", "unit": "VND"}),
        ("Xuất khẩu đạt hơn 7 triệu tấn.", "7 triệu tấn", {"bound": ">", "unit": "tấn"}),
        ("Giá giảm hơn 81% trong tháng.", "81%", {"value": -81.0, "bound": ">"}),
        ("Toàn tỉnh có 304 doanh nghiệp xuất khẩu.", "304 doanh nghiệp", {"unit": "doanh nghiệp", "kind": "level"}),
        ("Lợi nhuận giảm 15-20%.", "15-20%", {"value": -20.0, "value_max": -15.0}),
        ("Lãi ròng gấp 2 lần.", "2 lần", {"kind": "ratio", "unit": "lần"}),
        # a plan ratio written with ``về``: the plan is the BASIS (GUIDELINES, BASIS)
        ("Năm 2020, công ty đã thực hiện 60% về kế hoạch lợi nhuận.", "60%", {"kind": "ratio", "basis": "plan"}),
    ],
)
def test_quantity_ruler_attributes(ruled, text, span, attrs):
    found = ruled(text)
    assert span in found
    for key, value in attrs.items():
        assert found[span][key] == value, key


@pytest.mark.parametrize(
    "text,span,period",
    [
        # C1: a flow up to a cut-off runs from the start of the year, in the shortest form
        ("Tính đến ngày 31/12/2020, tổng số thu đạt 6.156,5 tỷ đồng.", "6.156,5 tỷ đồng", "2020"),
        ("Tính đến 15/8/2017, thu ngân sách đạt 5 tỷ đồng.", "5 tỷ đồng", "2017-01-01/2017-08-15"),
        ("Tính đến 30/6/2018, thu ngân sách đạt 5 tỷ đồng.", "5 tỷ đồng", "2018-H1"),
        ("Đến hết tháng 5/2018, xuất khẩu đạt 2 tỷ USD.", "2 tỷ USD", "2018-01/2018-05"),
        # C23: a stock at a date takes the date; with C28, the last day of the period named
        ("Tại thời điểm 30/6/2019, tổng tài sản đạt 5 tỷ đồng.", "5 tỷ đồng", "2019-06-30"),
        ("Dư nợ tính đến 30/6/2019 đạt 7 tỷ đồng.", "7 tỷ đồng", "2019-06-30"),
        ("Năm 2016, tổng tài sản giảm (cuối năm 2014 là 45.713 tỷ đồng).", "45.713 tỷ đồng", "2014-12-31"),
        # C15: a start date is the period of what holds from it
        ("Từ ngày 10/7/2020, hàng hóa được hưởng thuế nhập khẩu 0%.", "0%", "2020-07-10"),
        # C28 for flows: the period qualified
        ("Năm 2018, đến cuối năm 2017 lỗ lũy kế khoảng 383 tỷ đồng.", "383 tỷ đồng", "2017-12-31"),
    ],
)
def test_quantity_ruler_cutoff_periods(ruled, text, span, period):
    assert ruled(text)[span]["period"] == period


@pytest.mark.parametrize(
    "text,span,attrs",
    [
        # a value followed by its comparison is a ratio or a change
        ("Năm 2019, tổng tài sản đạt 91.236 tỷ đồng, tương đương 102,8% so với cùng kỳ năm 2018.", "102,8%",
         {"kind": "ratio", "basis": "same_period_last_year"}),
        ("Năm 2020, Vissan đã thực hiện 53% kế hoạch doanh thu.", "53%", {"kind": "ratio", "basis": "plan"}),
        ("Năm 2020, kim ngạch giảm một nửa so với cùng kỳ năm ngoái.", "một nửa",
         {"value": -0.5, "kind": "change", "basis": "same_period_last_year"}),
        ("Năm 2019, doanh thu chưa bằng một nửa so với năm 2016.", "một nửa",
         {"value": 0.5, "kind": "ratio", "bound": "<", "basis": "period:2016"}),
        ("Năm 2020, lãi đạt 100 tỷ đồng, gấp 2,8 cùng kỳ năm trước.", "2,8",
         {"value": 2.8, "unit": "lần", "kind": "ratio", "basis": "same_period_last_year"}),
        ("Năm 2020, lợi nhuận gấp 2,8 lần kế hoạch.", "2,8 lần", {"kind": "ratio", "basis": "plan"}),
        # a change measured against a plan says so directly (C24)
        ("Năm 2017, quỹ lương cao hơn 300 triệu so với kế hoạch.", "300 triệu",
         {"value": 300000000.0, "kind": "change", "basis": "plan"}),
        # values of a list share the sign of their predicate
        ("Năm 2020, xuất khẩu giảm lần lượt 2,27% và 6,91% so với năm 2019.", "6,91%",
         {"value": -6.91, "kind": "change", "basis": "period:2019"}),
        ("Năm 2020, xuất khẩu giảm tương ứng 11,5% so với năm 2019.", "11,5%", {"value": -11.5, "kind": "change"}),
        ("Năm 2018, thu khác giảm 2,69% tương đương 3.400 tỉ đồng.", "3.400 tỉ đồng",
         {"value": -3400000000000.0, "kind": "change"}),
        # the value compared with is a level (C26)
        ("Năm 2020, Sabeco lãi 1.479 tỷ đồng, tăng nhẹ so với số lãi 1.460 tỷ đồng cùng kỳ năm ngoái.",
         "1.460 tỷ đồng", {"value": 1460000000000.0, "kind": "level", "basis": None}),
        # rates and the ends of ``từ X lên Y`` are levels; a level after ``ở mức`` takes no basis
        ("Năm 2017, thuế suất tăng từ 55% lên 60%.", "60%", {"value": 60.0, "kind": "level"}),
        ("Năm 2017, thuế suất tăng từ 55% lên 60%.", "55%", {"value": 55.0, "kind": "level"}),
        ("Năm 2019, nợ xấu ở mức 1,44%, giảm so với cùng kỳ năm 2018.", "1,44%", {"kind": "level", "basis": None}),
        # counts: ``thêm`` adds a level; ``đóng góp`` gives a share; ``tổng số`` is no identifier
        ("Năm 2017, doanh nghiệp khai trương thêm 1.997 cửa hàng.", "1.997 cửa hàng", {"kind": "level", "value": 1997.0}),
        ("Năm 2020, dịch vụ tăng 1,37%, đóng góp 28,03%.", "28,03%", {"kind": "share"}),
        ("Năm 2018, bộ cắt giảm 202 điều kiện trên tổng số 561 điều kiện.", "561 điều kiện", {"unit": "điều kiện"}),
        ("Năm 2018, doanh thu tăng 50% so với con số 1.540 tỷ đồng của năm 2017.", "1.540 tỷ đồng", {"kind": "level"}),
        # durations with decimals, denominators after a scale or a percent, number words with units
        ("Năm 2011, kỳ hạn bình quân là 3,9 năm.", "3,9 năm", {"value": 3.9, "unit": "năm", "kind": "level"}),
        ("Năm 2011, lãi suất huy động 12,1% / năm.", "12,1% / năm", {"unit": "%/năm", "kind": "level"}),
        ("Năm 2016, thu nhập hơn 600 triệu / năm.", "600 triệu / năm", {"unit": "VND/năm", "bound": ">"}),
        ("Năm 2016, tổng thu lên đến hàng trăm triệu đồng.", "hàng trăm triệu đồng",
         {"value": 100000000.0, "unit": "VND", "bound": ">="}),
        ("Năm 2019, Sagri nắm trong tay hàng nghìn ha đất.", "hàng nghìn ha", {"value": 1000.0, "unit": "ha", "bound": ">="}),
        ("Năm 2019, hơn 140 triệu người Nga cũng cần.", "140 triệu người", {"unit": "người", "bound": ">"}),
    ],
)
def test_quantity_ruler_kind_and_sign_rules(ruled, text, span, attrs):
    found = ruled(text)
    assert span in found, sorted(found)
    for key, value in attrs.items():
        assert found[span][key] == value, key


@pytest.mark.parametrize(
    "text,absent",
    [("Nghị quyết số 58 của Bộ Chính trị.", "58"), ("Đường dây 500 kV mạch 3 hoàn thành.", "500 kV"),
     ("Đại hội lần thứ XIX, năm thứ 9.", "9"), ("Ban Chấp hành khóa XIII họp.", "XIII"),
     ("Chiều 23/12/2024, hội nghị diễn ra.", "23/12/2024"), ("Năm 2024 là năm bản lề.", "2024"),
     ("Dịch bùng phát lần 1 song kinh tế vẫn tăng.", "1 song"), ("Nghị quyết số 58 năm 2024.", "58"),
     ("Trong 6 tháng đầu năm 2020, IIP tăng 5%.", "6 tháng"),
     ("Nhập khẩu trong kỳ 2 tăng so với kỳ 1 chủ yếu ở nhóm hàng máy móc.", "1 chủ yếu")],
)
def test_quantity_ruler_leaves_non_values(ruled, text, absent):
    assert absent not in ruled(text)


def test_quantity_ruler_gives_all_eight_attrs(ruled):
    for attrs in ruled("Năm 2024, IIP tăng 12%; xuất khẩu đạt 5,2 tỷ USD.").values():
        assert set(attrs) == {"value", "value_max", "unit", "kind", "bound", "period", "basis", "status"}


def test_quantity_ruler_period_from_clause_time(ruled):
    assert ruled("Năm 2024, IIP tăng 12%.")["12%"]["period"] == "2024"


def test_quantity_ruler_rejects_unknown_style():
    with pytest.raises(VnieError):
        QuantityRuler(number_style="fr")


def test_quantity_ruler_to_disk_round_trip(tmp_path):
    ruler = QuantityRuler(number_style="en", spans_key="other")
    ruler.to_disk(tmp_path / "q")
    loaded = QuantityRuler().from_disk(tmp_path / "q")
    assert (loaded.number_style, loaded.spans_key) == ("en", "other")
    assert QuantityRuler().from_bytes(ruler.to_bytes()).number_style == "en"


def test_pipeline_round_trip_via_spacy_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.pipe_names == nlp.pipe_names
    text = "Xuất khẩu ước đạt 6,293 tỷ USD, tăng 14,3% so với cùng kỳ năm 2023."
    spans = lambda d: [(s.text, s.label_, s._.vnie_attrs) for s in d.spans["vnie"]]
    assert spans(loaded(text)) == spans(nlp(text))


def test_quantity_ruler_on_hand_built_doc():
    from spacy.vocab import Vocab

    from pipeline.extensions import register

    register()
    doc = Doc(Vocab(), words=["tăng", "14,3", "%", "và", "48", "dự án"], spaces=[True, False, True, True, True, False])
    doc = QuantityRuler()(doc)
    assert [(s.text, s._.vnie_attrs["kind"]) for s in doc.spans["vnie"]] == [("14,3%", "change"), ("48 dự án", "level")]
