"""first_chars reads a pattern's possible first characters; prefiltered finds the same matches."""

import re

import pytest

from pipeline.patterns import first_chars, prefiltered
from pipeline.timex import BASIS_PATTERN, TIME_PATTERN


@pytest.mark.parametrize(
    "pattern,expected",
    [
        (r"[Tt]háng|\d+", r"[T\dt]"),
        (r"(?:ab)?c", "[ac]"),          # an optional group lets the next item start the match
        (r"(?<=\()\d", r"[\d]"),         # lookbehinds and boundaries are zero width
        (r"\bNgày", "[N]"),
        (r"(?=x)y", "[y]"),              # lookaheads too: the class only has to cover the match
        (r"[a-c]z|\s+q", r"[\sa-c]"),
        (r"x*", None),                   # can match the empty string
        (r"x*y", "[xy]"),
        (r".a", None),                   # any character
        (r"[^a]b", None),                # a negated class
        (r"(?i:a)b", None),              # an inline case-insensitive group
        (r"(a)\1", "[a]"),
    ],
)
def test_first_chars(pattern, expected):
    assert first_chars(pattern) == expected


@pytest.mark.parametrize("pattern", [TIME_PATTERN, BASIS_PATTERN, re.compile(r"(?:ab)?c|\d{2}"), re.compile("tháng", re.IGNORECASE)])
def test_prefiltered_finds_the_same_matches(pattern):
    text = ("Năm 2020, THÁNG 3 và 5 giảm 47%; ab c 12, so với cùng kỳ năm 2019, xuất khẩu (28/6) tăng 5% so với "
            "kế hoạch. Từ đầu năm đến nay, kỳ 1 tháng 9 đạt 5 tỷ USD; Quý IV2017 lãi, quý I V. 2018 lỗ.")
    fast = prefiltered(pattern)
    assert fast.pattern != pattern.pattern
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def test_prefiltered_keeps_a_pattern_it_cannot_read():
    pattern = re.compile(r".a")
    assert prefiltered(pattern) is pattern
