"""An independent reading of QUANTITY span texts, for checking gold values.

Written from the number rules of GUIDELINES.md, separately from the pipeline's parser, so that a
gold value and a parsed value can disagree. Returns (low, high) absolute values in base units, or
None where the span states its number in a form this reader does not know.
"""

from __future__ import annotations

import re

SCALES = [("tỷ", 1e9), ("tỉ", 1e9), ("triệu", 1e6), ("nghìn", 1e3), ("ngàn", 1e3), ("trăm", 1e2), ("chục", 1e1)]
WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
         "mười": 10, "mươi": 10, "đôi": 2, "nửa": 0.5, "rưỡi": 0.5}
NUMBER = r"\d+(?:[.,]\d+)*"


def read_number(token: str, english: bool = False) -> float | None:
    """A digit string in the Vietnamese format (or the English one when ``english``)."""
    thousands, decimal = (",", ".") if english else (".", ",")
    if not re.fullmatch(NUMBER, token):
        return None
    if token.count(decimal) > 1:
        return None
    whole, _, fraction = token.partition(decimal)
    groups = whole.split(thousands)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    return float("".join(groups) + ("." + fraction if fraction else ""))


def scale_of(rest: str) -> float:
    """The product of the scale words that start ``rest`` (``nghìn tỷ`` = 1e12, ``triệu tỷ`` =
    1e15), or 1."""
    factor, _ = _scales(rest)
    return factor


def _scales(rest: str) -> tuple[float, str]:
    """The product of the leading scale words of ``rest`` and what follows them."""
    rest = rest.strip().lower()
    factor = 1.0
    while True:
        for word, scale in SCALES:
            match = re.match(rf"{word}(?!\w)\s*", rest)
            if match:
                factor *= scale
                rest = rest[match.end():]
                break
        else:
            return factor, rest


def parse_span(text: str, english: bool = False) -> tuple[float, float] | None:
    """(low, high) of a QUANTITY span text; for a single number high == low."""
    lowered = text.lower().strip()
    if re.match(r"(hai|2) con số", lowered):
        return 10.0, 10.0
    if lowered in ("gấp rưỡi", "rưỡi"):
        return 1.5, 1.5
    fraction = re.fullmatch(r"(\d+)\s*/\s*(\d+)(\s+.*)?", lowered)
    if fraction and not (fraction.group(3) or "").strip().startswith(("tỷ", "triệu", "nghìn")):
        top, bottom = int(fraction.group(1)), int(fraction.group(2))
        if fraction.group(3) and fraction.group(3).strip():
            return float(top), float(top)  # "14/25 ngành": the count
        return top / bottom, top / bottom
    rng = re.fullmatch(rf"(?:từ\s+)?({NUMBER})\s*(%|[^\d]*?)\s*(?:-|–|đến|tới|—)\s*({NUMBER})(.*)", lowered)
    if rng:
        low, high = read_number(rng.group(1), english), read_number(rng.group(3), english)
        if low is None or high is None:
            return None
        factor = scale_of(rng.group(4)) if not rng.group(2).strip() or rng.group(2).strip() == "%" else scale_of(rng.group(2))
        return low * factor, high * factor
    single = re.match(rf"(?:gấp\s+)?({NUMBER})(.*)", lowered)
    if single:
        number = read_number(single.group(1), english)
        if number is None:
            return None
        rest = single.group(2)
        if re.match(r"\s*,\s*\d", rest):
            return None
        factor, after = _scales(rest)
        value = number * factor
        compound = re.match(rf"({NUMBER})\s+(.*)", after)  # "1.496 tỷ 323 triệu đồng"
        if factor > 1 and compound and _scales(compound.group(2))[0] > 1:
            value += (read_number(compound.group(1), english) or 0.0) * _scales(compound.group(2))[0]
        return value, value
    return _words(lowered)


def _words(text: str) -> tuple[float, float] | None:
    text = re.sub(r"^(?:gấp|hàng|con số|vài)\s+", "", text)
    if text.startswith("gấp đôi") or text == "đôi":
        return 2.0, 2.0
    if text.startswith("một nửa") or text.startswith("nửa"):
        return 0.5, 0.5
    if re.match(r"(hai|2) con số", text):
        return 10.0, 10.0
    words = text.split()
    if not words:
        return None
    if words[0] in WORDS and words[0] not in ("đôi", "nửa", "rưỡi"):
        number = float(WORDS[words[0]])
        rest = " ".join(words[1:])
        if words[1:2] and words[1] in ("mươi",):
            number *= 10
            rest = " ".join(words[2:])
        value = number * scale_of(rest)
        return value, value
    factor, _ = _scales(text)
    return (factor, factor) if factor > 1 else None
