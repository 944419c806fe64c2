import pytest

from pipeline.sentences import sentence_spans


def _sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Xuất khẩu đạt 6,293 tỷ USD. Nhập khẩu giảm.", ["Xuất khẩu đạt 6,293 tỷ USD.", "Nhập khẩu giảm."]),
        ("Đạt 8.000 tỷ đồng. Tăng 5%.", ["Đạt 8.000 tỷ đồng.", "Tăng 5%."]),
        ("Tại TP. Hồ Chí Minh, tăng 5%.", ["Tại TP. Hồ Chí Minh, tăng 5%."]),
        ("Tiêu đề\nĐoạn một. Đoạn hai!", ["Tiêu đề", "Đoạn một.", "Đoạn hai!"]),
        ("![]() |\nẢnh minh họa |\nNội dung", ["![]() |", "Ảnh minh họa |", "Nội dung"]),
        ("Có thật không? Có…", ["Có thật không?", "Có…"]),
        ("Ông nói: “Tăng mạnh.” Sau đó", ["Ông nói: “Tăng mạnh.”", "Sau đó"]),
        ("xi măng, thép... đều tăng", ["xi măng, thép...", "đều tăng"]),
        ("phiên bản 4.0 của chợ", ["phiên bản 4.0 của chợ"]),
        ("Ông Nguyễn T. An phát biểu.", ["Ông Nguyễn T. An phát biểu."]),  # an initial
        ("Tăng trong quý I. Giảm trong quý II.", ["Tăng trong quý I.", "Giảm trong quý II."]),
        ("Ảnh minh họa | Hội nghị tổng kết", ["Ảnh minh họa |", "Hội nghị tổng kết"]),
        ("Thật sao?! Vâng.", ["Thật sao?!", "Vâng."]),
        ("Đạt 5%.Tiếp tục", ["Đạt 5%.Tiếp tục"]),  # no whitespace after the dot
        ('Ông nói: "Tốt." Bà đáp.', ['Ông nói: "Tốt."', "Bà đáp."]),
        ("Một.  \n\n  Hai.", ["Một.", "Hai."]),
        ("", []),
        ("  \n ", []),
        (" \n | ", ["|"]),
    ],
)
def test_sentence_spans(text, expected):
    assert _sentences(text) == expected


def test_sentencizer_sets_doc_sents(nlp):
    doc = nlp("IIP ước đạt 19,25%. Tại TP. Hồ Chí Minh, kim ngạch 6,293 tỷ USD.\nCâu ba")
    assert [s.text.strip() for s in doc.sents] == [
        "IIP ước đạt 19,25%.",
        "Tại TP. Hồ Chí Minh, kim ngạch 6,293 tỷ USD.",
        "Câu ba",
    ]
