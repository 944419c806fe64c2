import pytest

from pipeline.alignment import align_words, cover, merge_protected, place_words, skeleton


@pytest.mark.parametrize(
    "text,words,expected",
    [
        ("Chỉ số tăng", ["Chỉ số", "tăng"], [(0, 6), (7, 11)]),
        ("hoà bình", ["hòa bình"], [(0, 8)]),  # tone moved by the segmenter
        ("văn  bản", ["văn bản"], [(0, 8)]),  # syllables re-joined with one space
        ("a b", ["a", "x", "b"], [(0, 1), (2, 3)]),  # a word that is not in the text is left out
        ("TP. Hồ", ["TP.", "Hồ"], [(0, 3), (4, 6)]),
        ("", [], []),
        ("ab", ["", "ab"], [(0, 2)]),  # an empty word gives no empty token
        ("Chỉ số  tăng", ["Chỉ số", "tăng"], [(0, 6), (8, 12)]),
    ],
)
def test_align_words(text, words, expected):
    assert align_words(text, words) == expected


def test_skeleton_keeps_length():
    text = "Đặng Thị Hòa, HOÀ, thuỷ 中 😀"
    assert len(skeleton(text)) == len(text)
    assert skeleton("Hòa") == skeleton("hoà") == "hoa"


@pytest.mark.parametrize(
    "spans,protected,expected",
    [
        ([(0, 1), (1, 2), (2, 3)], [(0, 3)], [(0, 3)]),
        ([(0, 2), (3, 5)], [(6, 8)], [(0, 2), (3, 5), (6, 8)]),
        ([(0, 2), (2, 4), (5, 6)], [(1, 3)], [(0, 4), (5, 6)]),
        ([], [], []),
    ],
)
def test_merge_protected(spans, protected, expected):
    assert merge_protected(spans, protected) == expected


@pytest.mark.parametrize(
    "text,spans,expected",
    [
        ("ab cd ef", [(3, 5)], [(0, 2), (3, 5), (6, 8)]),
        ("ab", [], [(0, 2)]),
        ("  ", [], []),
    ],
)
def test_cover_fills_gaps(text, spans, expected):
    assert cover(text, spans) == expected


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # underthesea moves the tone mark (hoà -> hòa) and joins the two spaces into one
        ("Tập đoàn Hoà  Phát (HPG)", ["Tập đoàn", "Hòa Phát", "(", "HPG", ")"], [(0, 8), (9, 18), (19, 20), (20, 23), (23, 24)]),
        ("Tập đoàn", ["Tập", "XYZ", "đoàn"], [(0, 3), None, (4, 8)]),
        # a word is looked for a short way ahead only, never anywhere later in the text
        ("A " + "x " * 40 + "B", ["A", "B"], [(0, 1), None]),
        # the same word twice: each occurrence in turn, not the first one twice
        ("EVN và EVN", ["EVN", "và", "EVN"], [(0, 3), (4, 6), (7, 10)]),
        ("[]() | Ảnh", ["[ ]", "(", ")", "| Ảnh"], [(0, 2), (2, 3), (3, 4), (5, 10)]),
        # a combining mark with no precomposed form stays with its letter
        ("Ax\u0301 B", ["Ax\u0301", "B"], [(0, 3), (4, 5)]),
        # a word found only in part is not placed
        ("Hòa X", ["Hòa Phát", "X"], [None, (4, 5)]),
        ("", ["A"], [None]),
    ],
)
def test_place_words(text, words, expected):
    assert place_words(text, words) == expected
