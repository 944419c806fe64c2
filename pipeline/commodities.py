"""Commodity groups of the customs trade statistics, found in a text (``pipeline/data/commodity_groups.txt``).

In commodity lists (``giày dép các loại tăng 1,56 tỷ USD, máy ảnh máy quay phim và linh kiện tăng
1,44 tỷ USD``) each group is the INDICATOR of its value (GUIDELINES "INDICATOR": a product or
commodity whose sales or growth is reported). Texts write the names with or without their commas,
``và`` and a trailing ``các loại`` / ``khác``; the pattern accepts each of those variations.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

COMMODITY_FILE = Path(__file__).parent / "data" / "commodity_groups.txt"
#: a group named as a member or an exclusion of another (``(gồm hàng rau quả, hạt điều...)``,
#: ``kể cả dầu thô``) measures nothing of its own
_MEMBER_LEAD = re.compile(r"(?:\(|kể cả|không kể|không tính|gồm(?!\s*:)|bao gồm(?!\s*:)|trừ)[^()\n;.:]*$", re.I)
#: a measure word right before a group: the measure's own noun phrase takes the group in
_MEASURE_BEFORE = re.compile(
    r"(?:kim ngạch|xuất khẩu|nhập khẩu|XK|NK|trị giá|giá trị|sản lượng|lượng|nhóm hàng|mặt hàng)\s+(?:các\s+)?$", re.I
)


def commodity_names(path: Path = COMMODITY_FILE) -> list[str]:
    """The group names of ``path``: one per line, ``#`` comments and blank lines skipped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


#: the old tone placement texts still use (``hoá chất``): each new-style pair also matches its old form
_OLD_TONES = {"óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "óe": "oé", "òe": "oè", "ỏe": "oẻ",
              "õe": "oẽ", "ọe": "oẹ", "úy": "uý", "ùy": "uỳ", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}
_SEPARATOR = r"(?:\s*[,&]\s*|\s+và\s+|\s+)"


def _word_pattern(word: str) -> str:
    pattern = re.escape(word)
    for new, old in _OLD_TONES.items():
        pattern = pattern.replace(new, f"(?:{new}|{old})")
    return pattern


def _name_pattern(name: str) -> str:
    """A name whose words may be joined by a space, ``, `` or `` và ``, with an optional tail
    ``các loại`` / ``khác``, in new or old tone placement."""
    base = re.sub(r"\s+(?:các loại|khác)$", "", name)
    words = [w for w in re.split(r"\s*[,&]\s*|\s+và\s+|\s+", base) if w]
    tail = r"\s+(?:các loại|khác)"
    # a one-word base keeps its tail (``giấy các loại``, not ``giấy`` of ``giấy chứng nhận``)
    return _SEPARATOR.join(_word_pattern(w) for w in words) + (tail if base != name and len(words) == 1 else f"(?:{tail})?")


@lru_cache(maxsize=1)
def commodity_pattern() -> re.Pattern[str]:
    names = sorted(commodity_names(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(_name_pattern(n) for n in names) + r")(?!\w)", re.I)


def find_commodities(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of the commodity groups in ``text`` that stand as a measure of their own:
    not right after a measure word such as ``kim ngạch`` or ``xuất khẩu``, not as a member of a
    group in parentheses or after ``gồm`` / ``kể cả``."""
    found = []
    for match in commodity_pattern().finditer(text):
        if _MEASURE_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        if _MEMBER_LEAD.search(text[max(0, match.start() - 120) : match.start()]):
            continue
        found.append(match.span())
    return found
