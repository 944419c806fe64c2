import unicodedata

import pytest

from pipeline.normalize import normalize


@pytest.mark.parametrize(
    "source,expected",
    [
        ("hoà", "hòa"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("thuỷ sản", "thủy sản"),
        ("khoẻ", "khỏe"),
        ("HOÀ", "HÒA"),
        ("quý III, Quý", "quý III, Quý"),  # qu + y: the tone stays on y
        ("hoàn thành, toán", "hoàn thành, toán"),  # closed syllables keep the tone on the second vowel
        ("hòa", "hòa"),
        ("a  b\t\u00a0c", "a b c"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("x![]() |y", "x |y"),
        ("a![ảnh](http://x/y.jpg)b", "ab"),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        (unicodedata.normalize("NFD", "Hóa  đơn"), "Hóa đơn"),
        ("", ""),
    ],
)
def test_normalize_text(source, expected):
    assert normalize(source).text == expected


@pytest.mark.parametrize(
    "source,piece",
    [
        ("Sở Công Thương  Thanh Hoá tăng", "Thanh Hóa"),
        ("![]() | Ảnh: Bộ Công Thương", "Bộ Công Thương"),
        (unicodedata.normalize("NFD", "giá trị xuất khẩu"), "xuất khẩu"),
        ("a\u200bb\u200bc hoà", "hòa"),
    ],
)
def test_normalize_maps_back_to_source(source, piece):
    normalized = normalize(source)
    start = normalized.text.index(piece)
    source_start, source_end = normalized.to_source(start, start + len(piece))
    mapped = source[source_start:source_end]
    assert normalize(mapped).text == piece


def test_normalize_offsets_are_monotonic():
    source = unicodedata.normalize("NFD", "Hoà  bình\r\n![]() |thuỷ\u200b sản")
    normalized = normalize(source)
    assert list(normalized.starts) == sorted(normalized.starts)
    assert all(s < e for s, e in zip(normalized.starts, normalized.ends))
    assert len(normalized.starts) == len(normalized.text)
