"""The relation stage, on sentences from GUIDELINES.md with their spans given by hand."""

import pytest

from pipeline.extensions import RELATIONS_ATTR, SPAN_ATTRS_ATTR, SPAN_GROUP
from pipeline.relations import RelationLinker


def _attrs(label, extra):
    """The attributes a case gives: a QUANTITY's kind (and unit after a ``:``), a BASIS's basis, a TIME's period."""
    if label == "QUANTITY":
        kind, _, unit = (extra or "").partition(":")
        return {"kind": kind or None, "basis": None, "unit": unit or None}
    return {"BASIS": {"basis": extra}, "TIME": {"period": extra}}.get(label, {})


@pytest.fixture(scope="module")
def case_doc(doc_with_spans):
    """The Doc of a case: its spans as (text, label, kind / basis / period), in text order."""
    return lambda text, spans: doc_with_spans(text, [(piece, label, _attrs(label, extra)) for piece, label, extra in spans])


def _relations(doc):
    return {(head.text, label, tail.text) for head, label, tail in doc._.get(RELATIONS_ATTR)}


CASES = [
    (
        "Tổng mức bán lẻ ước đạt 197.671 tỷ đồng, bằng 105,1% kế hoạch, tăng 14,3% so với cùng kỳ.",
        [("Tổng mức bán lẻ", "INDICATOR", None), ("197.671 tỷ đồng", "QUANTITY", "level"), ("105,1%", "QUANTITY", "ratio"),
         ("kế hoạch", "BASIS", "plan"), ("14,3%", "QUANTITY", "change"), ("so với cùng kỳ", "BASIS", "same_period_last_year")],
        {("197.671 tỷ đồng", "indicator", "Tổng mức bán lẻ"), ("105,1%", "indicator", "Tổng mức bán lẻ"),
         ("14,3%", "indicator", "Tổng mức bán lẻ"), ("105,1%", "basis", "kế hoạch"), ("14,3%", "basis", "so với cùng kỳ")},
    ),
    (  # no cue crosses the ";"
        "Chỉ số sản xuất công nghiệp (IIP) ước đạt 19,25%; giá trị gia tăng công nghiệp tăng 20,09% so với cùng kỳ.",
        [("Chỉ số sản xuất công nghiệp (IIP)", "INDICATOR", None), ("19,25%", "QUANTITY", "change"),
         ("giá trị gia tăng công nghiệp", "INDICATOR", None), ("20,09%", "QUANTITY", "change"),
         ("so với cùng kỳ", "BASIS", "same_period_last_year")],
        {("19,25%", "indicator", "Chỉ số sản xuất công nghiệp (IIP)"), ("20,09%", "indicator", "giá trị gia tăng công nghiệp"),
         ("20,09%", "basis", "so với cùng kỳ")},
    ),
    (  # a value after the basis does not take it; its own TIME sets it
        "giá trị gia tăng công nghiệp tăng 20,09% so với cùng kỳ (gấp hơn 2 lần tốc độ tăng năm 2023, năm 2023 tăng 9,8%).",
        [("giá trị gia tăng công nghiệp", "INDICATOR", None), ("20,09%", "QUANTITY", "change"),
         ("so với cùng kỳ", "BASIS", "same_period_last_year"), ("2 lần", "QUANTITY", "ratio"),
         ("tốc độ tăng năm 2023", "BASIS", "period:2023"), ("năm 2023", "TIME", "2023"), ("9,8%", "QUANTITY", "change")],
        {("20,09%", "indicator", "giá trị gia tăng công nghiệp"), ("2 lần", "indicator", "giá trị gia tăng công nghiệp"),
         ("9,8%", "indicator", "giá trị gia tăng công nghiệp"), ("20,09%", "basis", "so với cùng kỳ"),
         ("2 lần", "basis", "tốc độ tăng năm 2023"), ("9,8%", "time", "năm 2023")},
    ),
    (  # a basis that introduces its value
        "CPI tháng 4 so với tháng 12/2016 tăng 0,9%.",
        [("CPI", "INDICATOR", None), ("tháng 4", "TIME", "2017-04"), ("so với tháng 12/2016", "BASIS", "period:2016-12"),
         ("0,9%", "QUANTITY", "change")],
        {("0,9%", "indicator", "CPI"), ("0,9%", "time", "tháng 4"), ("0,9%", "basis", "so với tháng 12/2016")},
    ),
    (  # a fronted basis applies to the list; a level takes none
        "So với tháng trước, có 22 sản phẩm tăng, như: dầu ăn tăng 99%, xi măng tăng 3,6%.",
        [("So với tháng trước", "BASIS", "previous_period"), ("22 sản phẩm", "QUANTITY", "level"),
         ("dầu ăn", "INDICATOR", None), ("99%", "QUANTITY", "change"), ("xi măng", "INDICATOR", None), ("3,6%", "QUANTITY", "change")],
        {("99%", "indicator", "dầu ăn"), ("3,6%", "indicator", "xi măng"), ("99%", "basis", "So với tháng trước"),
         ("3,6%", "basis", "So với tháng trước")},
    ),
    (  # a fronted TIME serves every value of the sentence
        "Trong năm 2024, tổng giá trị xuất khẩu ước đạt 6,293 tỷ USD, bằng 104,9% kế hoạch.",
        [("năm 2024", "TIME", "2024"), ("tổng giá trị xuất khẩu", "INDICATOR", None), ("6,293 tỷ USD", "QUANTITY", "level"),
         ("104,9%", "QUANTITY", "ratio"), ("kế hoạch", "BASIS", "plan")],
        {("6,293 tỷ USD", "indicator", "tổng giá trị xuất khẩu"), ("104,9%", "indicator", "tổng giá trị xuất khẩu"),
         ("6,293 tỷ USD", "time", "năm 2024"), ("104,9%", "time", "năm 2024"), ("104,9%", "basis", "kế hoạch")},
    ),
    (  # C24: a plan basis after a ratio is that ratio's alone
        "số thực thu tăng 28,45%, đạt 101,86% so với chỉ tiêu giao.",
        [("số thực thu", "INDICATOR", None), ("28,45%", "QUANTITY", "change"), ("101,86%", "QUANTITY", "ratio"),
         ("so với chỉ tiêu giao", "BASIS", "plan")],
        {("28,45%", "indicator", "số thực thu"), ("101,86%", "indicator", "số thực thu"), ("101,86%", "basis", "so với chỉ tiêu giao")},
    ),
    (  # a TIME right after its value; a TIME after "so với" is compared with, not the value's
        "sản lượng thịt tăng từ 3,6 triệu tấn năm 2008 lên 5,4 triệu tấn năm 2018, giảm nhẹ so với 9 tháng năm 2019.",
        [("sản lượng thịt", "INDICATOR", None), ("3,6 triệu tấn", "QUANTITY", "level"), ("năm 2008", "TIME", "2008"),
         ("5,4 triệu tấn", "QUANTITY", "level"), ("năm 2018", "TIME", "2018"), ("9 tháng năm 2019", "TIME", "2019-01/2019-09")],
        {("3,6 triệu tấn", "indicator", "sản lượng thịt"), ("5,4 triệu tấn", "indicator", "sản lượng thịt"),
         ("3,6 triệu tấn", "time", "năm 2008"), ("5,4 triệu tấn", "time", "năm 2018")},
    ),
    (  # title and the most specific organization; a second ORG after a dash is not it
        "Dự hội nghị có bà Trịnh Thị Thu Hiền, Phó Cục trưởng Cục Xuất nhập khẩu – Bộ Công Thương; ông Mai Xuân Liêm, Phó Chủ tịch UBND tỉnh Thanh Hóa.",
        [("Trịnh Thị Thu Hiền", "OFFICIAL", None), ("Phó Cục trưởng", "TITLE", None), ("Cục Xuất nhập khẩu", "ORG", None),
         ("Bộ Công Thương", "ORG", None), ("Mai Xuân Liêm", "OFFICIAL", None), ("Phó Chủ tịch", "TITLE", None),
         ("UBND tỉnh Thanh Hóa", "ORG", None)],
        {("Trịnh Thị Thu Hiền", "title", "Phó Cục trưởng"), ("Trịnh Thị Thu Hiền", "org", "Cục Xuất nhập khẩu"),
         ("Mai Xuân Liêm", "title", "Phó Chủ tịch"), ("Mai Xuân Liêm", "org", "UBND tỉnh Thanh Hóa")},
    ),
    (  # titles before the name, chained; names sharing one title
        "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn và các Phó Thủ tướng Vương Đình Huệ, Trịnh Đình Dũng dự họp.",
        [("Phó Thủ tướng", "TITLE", None), ("Bộ trưởng", "TITLE", None), ("Bộ Ngoại giao", "ORG", None),
         ("Bùi Thanh Sơn", "OFFICIAL", None), ("Phó Thủ tướng", "TITLE", None), ("Vương Đình Huệ", "OFFICIAL", None),
         ("Trịnh Đình Dũng", "OFFICIAL", None)],
        {("Bùi Thanh Sơn", "title", "Phó Thủ tướng"), ("Bùi Thanh Sơn", "title", "Bộ trưởng"), ("Bùi Thanh Sơn", "org", "Bộ Ngoại giao"),
         ("Vương Đình Huệ", "title", "Phó Thủ tướng"), ("Trịnh Đình Dũng", "title", "Phó Thủ tướng")},
    ),
    (  # two offices in one organization: one org relation
        "Ông Nguyễn Văn A, Bí thư Đảng ủy, Giám đốc Sở Công Thương phát biểu.",
        [("Nguyễn Văn A", "OFFICIAL", None), ("Bí thư", "TITLE", None), ("Đảng ủy", "ORG", None),
         ("Giám đốc", "TITLE", None), ("Sở Công Thương", "ORG", None)],
        {("Nguyễn Văn A", "title", "Bí thư"), ("Nguyễn Văn A", "org", "Đảng ủy"), ("Nguyễn Văn A", "title", "Giám đốc"),
         ("Nguyễn Văn A", "org", "Sở Công Thương")},
    ),
    (  # the Prime Minister's organization is the Government, wherever the sentence names it
        "Thủ tướng Nguyễn Xuân Phúc và Phó thủ tướng Trương Hoà Bình đã giao cho Thanh tra Chính phủ chủ trì và trình lên Chính phủ.",
        [("Thủ tướng", "TITLE", None), ("Nguyễn Xuân Phúc", "OFFICIAL", None), ("Phó thủ tướng", "TITLE", None),
         ("Trương Hoà Bình", "OFFICIAL", None), ("Thanh tra Chính phủ", "ORG", None), ("Chính phủ", "ORG", None)],
        {("Nguyễn Xuân Phúc", "title", "Thủ tướng"), ("Nguyễn Xuân Phúc", "org", "Chính phủ"),
         ("Trương Hoà Bình", "title", "Phó thủ tướng"), ("Trương Hoà Bình", "org", "Chính phủ")},
    ),
    (  # a byline name with no office gets no title; relations never cross sentences
        "Ông Trần Đức Lương, Phó Giám đốc Sở Công Thương trình bày. Ông Lương cũng đề nghị tăng 5%.",
        [("Trần Đức Lương", "OFFICIAL", None), ("Phó Giám đốc", "TITLE", None), ("Sở Công Thương", "ORG", None),
         ("Lương", "OFFICIAL", None), ("5%", "QUANTITY", "change")],
        {("Trần Đức Lương", "title", "Phó Giám đốc"), ("Trần Đức Lương", "org", "Sở Công Thương")},
    ),
    (  # C28: a TIME right after its value, past the edge word that stays outside it
        "Nợ công giảm từ 63,6% cuối năm 2016 xuống còn 61,4% vào cuối năm 2017.",
        [("Nợ công", "INDICATOR", None), ("63,6%", "QUANTITY", "share"), ("năm 2016", "TIME", "2016"),
         ("61,4%", "QUANTITY", "share"), ("năm 2017", "TIME", "2017")],
        {("63,6%", "indicator", "Nợ công"), ("61,4%", "indicator", "Nợ công"), ("63,6%", "time", "năm 2016"),
         ("61,4%", "time", "năm 2017")},
    ),
    (  # a change names its measure after it with ``về``
        "Sắt thép đạt 6,26 triệu tấn, tăng 33,1% về lượng.",
        [("Sắt thép", "INDICATOR", None), ("6,26 triệu tấn", "QUANTITY", "level"), ("33,1%", "QUANTITY", "change"),
         ("lượng", "INDICATOR", None)],
        {("6,26 triệu tấn", "indicator", "Sắt thép"), ("33,1%", "indicator", "lượng")},
    ),
    (  # a sentence that plainly continues the previous measure (``Cụ thể,``) takes its indicator
        "Lãnh đạo công ty có mức thu nhập từ 440 triệu đồng. Cụ thể, ông Hà đạt 550 triệu đồng; ông Tuấn đạt 472 triệu đồng.",
        [("mức thu nhập", "INDICATOR", None), ("440 triệu đồng", "QUANTITY", "level"), ("550 triệu đồng", "QUANTITY", "level"),
         ("472 triệu đồng", "QUANTITY", "level")],
        {("440 triệu đồng", "indicator", "mức thu nhập"), ("550 triệu đồng", "indicator", "mức thu nhập"),
         ("472 triệu đồng", "indicator", "mức thu nhập")},
    ),
    (  # ... but an ordinary next sentence does not (GUIDELINES: only where it plainly continues)
        "Doanh thu đạt 5 tỷ đồng. Công ty có 300 lao động.",
        [("Doanh thu", "INDICATOR", None), ("5 tỷ đồng", "QUANTITY", "level"), ("300 lao động", "QUANTITY", "level")],
        {("5 tỷ đồng", "indicator", "Doanh thu")},
    ),
    (  # a comparison that heads a list with ``là`` reaches the list's values
        "Các mặt hàng giảm nhiều so với tháng 11 là điện thoại giảm 1,9 tỷ USD, tương ứng giảm 39,7%; máy ảnh giảm 192 triệu USD.",
        [("so với tháng 11", "BASIS", "period:2020-11"), ("điện thoại", "INDICATOR", None), ("1,9 tỷ USD", "QUANTITY", "change"),
         ("39,7%", "QUANTITY", "change"), ("máy ảnh", "INDICATOR", None), ("192 triệu USD", "QUANTITY", "change")],
        {("1,9 tỷ USD", "indicator", "điện thoại"), ("39,7%", "indicator", "điện thoại"), ("192 triệu USD", "indicator", "máy ảnh"),
         ("1,9 tỷ USD", "basis", "so với tháng 11"), ("39,7%", "basis", "so với tháng 11"), ("192 triệu USD", "basis", "so với tháng 11")},
    ),
    (  # ... but a ``là`` that gives the value is no list head
        "Mức tăng so với năm trước là 5%, còn xuất khẩu tăng 3%.",
        [("Mức tăng", "INDICATOR", None), ("so với năm trước", "BASIS", "period:2019"), ("5%", "QUANTITY", "change"),
         ("xuất khẩu", "INDICATOR", None), ("3%", "QUANTITY", "change")],
        {("5%", "indicator", "Mức tăng"), ("3%", "indicator", "xuất khẩu"), ("5%", "basis", "so với năm trước")},
    ),
    (  # a cumulative sentence goes on with the previous sentence's measure; a count does not take it
        "Kim ngạch tháng 12 đạt 1,54 tỷ USD. Lũy kế từ đầu năm đến nay đạt 14,6 tỷ USD, với 2.050 doanh nghiệp.",
        [("Kim ngạch", "INDICATOR", None), ("tháng 12", "TIME", "2020-12"), ("1,54 tỷ USD", "QUANTITY", "level:USD"),
         ("đầu năm đến nay", "TIME", "2020-01-01/2020-12-15"), ("14,6 tỷ USD", "QUANTITY", "level:USD"),
         ("2.050 doanh nghiệp", "QUANTITY", "level:doanh nghiệp")],
        {("1,54 tỷ USD", "indicator", "Kim ngạch"), ("1,54 tỷ USD", "time", "tháng 12"), ("14,6 tỷ USD", "indicator", "Kim ngạch"),
         ("14,6 tỷ USD", "time", "đầu năm đến nay"), ("2.050 doanh nghiệp", "time", "đầu năm đến nay")},
    ),
    (  # a TIME after ``so với thành quả`` dates what is compared with, not the values after it
        "Năm 2017, doanh thu tăng 58% so với thành quả năm 2016, đạt 11.632 tỷ đồng.",
        [("Năm 2017", "TIME", "2017"), ("doanh thu", "INDICATOR", None), ("58%", "QUANTITY", "change"),
         ("năm 2016", "TIME", "2016"), ("11.632 tỷ đồng", "QUANTITY", "level")],
        {("58%", "indicator", "doanh thu"), ("11.632 tỷ đồng", "indicator", "doanh thu"), ("58%", "time", "Năm 2017"),
         ("11.632 tỷ đồng", "time", "Năm 2017")},
    ),
    (  # ``bằng với mức trị giá của tháng 9`` is a comparison; a figure in parentheses after its TIME is that TIME's
        "Tháng 10, nhập khẩu đạt 24,19 tỷ USD, bằng với mức trị giá của tháng 9/2020. Thặng dư cao hơn năm 2019 (10,87 tỷ USD).",
        [("Tháng 10", "TIME", "2020-10"), ("24,19 tỷ USD", "QUANTITY", "level"), ("tháng 9/2020", "TIME", "2020-09"),
         ("năm 2019", "TIME", "2019"), ("10,87 tỷ USD", "QUANTITY", "level")],
        {("24,19 tỷ USD", "time", "Tháng 10"), ("10,87 tỷ USD", "time", "năm 2019")},
    ),
    (  # an office with no ORG after it takes the name before it, not that name's ticker in parentheses
        "Kết quả của Công ty CP Đầu tư Thế giới Di động (mã chứng khoán: MWG), doanh nghiệp của Chủ tịch Nguyễn Đức Tài tăng.",
        [("Công ty CP Đầu tư Thế giới Di động", "ORG", None), ("MWG", "ORG", None), ("Chủ tịch", "TITLE", None),
         ("Nguyễn Đức Tài", "OFFICIAL", None)],
        {("Nguyễn Đức Tài", "title", "Chủ tịch"), ("Nguyễn Đức Tài", "org", "Công ty CP Đầu tư Thế giới Di động")},
    ),
]


@pytest.mark.parametrize("text,spans,expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_relations(case_doc, text, spans, expected):
    doc = RelationLinker()(case_doc(text, spans))
    assert _relations(doc) == expected


def test_relations_are_unique(case_doc):
    text = "Phó Chủ tịch, Tổng Giám đốc Nguyễn Văn B phát biểu."
    spans = [("Phó Chủ tịch", "TITLE", None), ("Tổng Giám đốc", "TITLE", None), ("Nguyễn Văn B", "OFFICIAL", None)]
    relations = RelationLinker()(case_doc(text, spans))._.get(RELATIONS_ATTR)
    keys = [(h.start_char, label, t.start_char) for h, label, t in relations]
    assert len(keys) == len(set(keys)) == 2


def test_basis_attribute_follows_the_link(case_doc):
    doc = RelationLinker()(case_doc(CASES[0][0], CASES[0][1]))
    bases = {span.text: span._.get(SPAN_ATTRS_ATTR)["basis"] for span in doc.spans[SPAN_GROUP] if span.label_ == "QUANTITY"}
    assert bases == {"197.671 tỷ đồng": None, "105,1%": "plan", "14,3%": "same_period_last_year"}


def test_relation_linker_round_trip(tmp_path):
    linker = RelationLinker(spans_key="custom", resolve_attributes=False)
    linker.to_disk(tmp_path / "linker")
    restored = RelationLinker().from_disk(tmp_path / "linker")
    assert (restored.spans_key, restored.resolve_attributes) == ("custom", False)
    assert RelationLinker().from_bytes(linker.to_bytes()).spans_key == "custom"


def test_the_whole_of_a_share_is_no_measure_for_the_values_after_it(case_doc):
    text = ("Mỹ là thị trường lớn nhất với kim ngạch xuất khẩu đạt 6.916 triệu USD, chiếm 25,2% kim ngạch xuất khẩu "
            "và tăng 29,2%; kế tiếp là Nhật Bản 3.605 triệu USD.")
    spans = [("kim ngạch xuất khẩu", "INDICATOR", None), ("6.916 triệu USD", "QUANTITY", "level"), ("25,2%", "QUANTITY", "share"),
             ("kim ngạch xuất khẩu", "INDICATOR", None), ("29,2%", "QUANTITY", "change"), ("3.605 triệu USD", "QUANTITY", "level")]
    doc = RelationLinker()(case_doc(text, spans))
    first = text.index("kim ngạch xuất khẩu")
    linked = {head.text: tail.start_char for head, label, tail in doc._.get(RELATIONS_ATTR) if label == "indicator"}
    assert linked == {"6.916 triệu USD": first, "25,2%": first, "29,2%": first, "3.605 triệu USD": first}
