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
#: a measure word right before a group: the measure's own noun phrase takes the group in
_MEASURE_BEFORE = re.compile(
    r"(?:kim ngạch|xuất khẩu|nhập khẩu|XK|NK|trị giá|giá trị|sản lượng|lượng|nhóm hàng|mặt hàng)\s+(?:các\s+)?$", re.I
)


def commodity_names(path: Path = COMMODITY_FILE) -> list[str]:
    """The group names of ``path``: one per line, ``#`` comments and blank lines skipped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _name_pattern(name: str) -> str:
    """A name with loose separators: ``, `` / `` và `` / a space between its parts, an optional tail."""
    name = re.sub(r"\s+(?:các loại|khác)$", "", name)
    parts = [re.escape(part) for part in re.split(r"\s*,\s*|\s+và\s+", name)]
    words = [r"\s+".join(part.split(r"\ ")) for part in parts]
    return r"(?:\s*,\s*|\s+và\s+|\s+)".join(words) + r"(?:\s+(?:các loại|khác))?"


@lru_cache(maxsize=1)
def commodity_pattern() -> re.Pattern[str]:
    names = sorted(commodity_names(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(_name_pattern(n) for n in names) + r")(?!\w)", re.I)


def find_commodities(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of the commodity groups in ``text`` that stand as a measure of their own
    (not right after a measure word such as ``kim ngạch`` or ``xuất khẩu``)."""
    found = []
    for match in commodity_pattern().finditer(text):
        if _MEASURE_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        found.append(match.span())
    return found
