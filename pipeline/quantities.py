"""QUANTITY spans: the value parser and the rule-based recognizer.

:func:`parse_quantity` reads one quantity phrase (``6,293 tỷ USD``, ``9-10%``, ``14/25 ngành``,
``gấp đôi``) into a :class:`ParsedQuantity`; it is a plain function for annotators and researchers.
:class:`QuantityRuler` finds the phrases in a document, leaves out years, dates, ordinals and numbers
inside names, and reads ``kind``, ``bound`` and the sign from the words around the span, which stay
outside it (GUIDELINES.md, QUANTITY). Numbers are read the Vietnamese way (``.`` thousands, ``,``
decimal) unless the document writes them the English way (C6, :func:`number_style`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import Errors, VnieError
from .extensions import SPAN_ATTRS_ATTR, SPAN_GROUP, register
from .periods import PeriodContext, normalize_basis
from .timex import char_span, document_context

Style = Literal["vi", "en"]

SCALES: dict[str, float] = {
    "nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12, "ngàn tỉ": 1e12,
    "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "trăm": 1e2, "chục": 1e1,
}
#: written unit → canonical unit
UNITS: dict[str, str] = {
    "%": "%", "điểm phần trăm": "điểm phần trăm", "đồng": "VND", "VND": "VND", "VNĐ": "VND", "vnđ": "VND",
    "USD": "USD", "đô la Mỹ": "USD", "đôla": "USD", "đô la": "USD", "EUR": "EUR", "euro": "EUR",
    "kWh": "kWh", "KWh": "kWh", "kwh": "kWh", "MWh": "MWh", "GWh": "GWh", "MW": "MW", "GW": "GW", "kW": "kW",
    "tấn": "tấn", "ha": "ha", "héc-ta": "ha", "hécta": "ha", "lần": "lần", "điểm": "điểm",
    "m3": "m3", "m2": "m2", "km": "km", "m": "m", "kg": "kg", "lít": "lít", "ml": "ml", "thùng": "thùng",
    "TEU": "TEU", "tạ": "tạ",
}
_CURRENCIES = ("VND", "USD", "EUR")
NUMBER_WORDS: dict[str, float] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}
#: words after a number that make it no quantity: calendar units, ordinals, grammar words
NOT_COUNTED: frozenset[str] = frozenset(
    "năm tháng quý ngày tuần giờ phút giây thứ lần_thứ và với của là trong đến từ tại thì mà nhưng hay hoặc "
    "so cho theo về sau trước khi đã đang sẽ được bị có không này đó kia trên dưới gần hơn khoảng đạt tăng "
    "giảm bằng chiếm vượt ước còn lên xuống nữa mới cũng vẫn rất các những mỗi ra vào qua bởi do nên "
    "người_ta tuổi giờ_đây kỳ chiều sáng tối đêm đợt_này số".replace("_", " ").split()
)
_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:(?:nghìn|ngàn)\s+t[ỷỉ]|nghìn|ngàn|triệu|t[ỷỉ])"
_UNIT_WORDS = sorted(UNITS, key=len, reverse=True)
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNIT_WORDS) + r")(?![\w])"
_DENOM = r"(?:\s?/\s?(?:năm|tháng|người lao động|người|ngày|tấn|thùng|lít|kg|kWh|m2|m3|ha|con|chiếc|lượt))*"


@dataclass(frozen=True)
class ParsedQuantity:
    """A value in base units (``6,293 tỷ USD`` → 6293000000.0, unit ``USD``)."""

    value: float | None
    value_max: float | None = None
    unit: str | None = None
    bound: str | None = None
    is_fraction: bool = False


def parse_number(text: str, style: Style = "vi") -> float | None:
    """A written number, or None when it is malformed (``1.2.3``, ``,5``).

    Vietnamese style: ``.`` groups thousands, ``,`` is the decimal mark (``197.671`` → 197671.0,
    ``6,293`` → 6.293); English style the other way round. A number that only one style reads
    (``18.5``, ``1.924,9``) is read in that style whatever ``style`` says.
    """
    text = text.strip()
    readings = [_read(text, s) for s in ((style, _other(style)))]
    return readings[0] if readings[0] is not None else readings[1]


def _other(style: Style) -> Style:
    return "en" if style == "vi" else "vi"


def _read(text: str, style: Style) -> float | None:
    group, decimal = (".", ",") if style == "vi" else (",", ".")
    pattern = rf"\d{{1,3}}(?:\{group}\d{{3}})+(?:\{decimal}\d+)?|\d+(?:\{decimal}\d+)?"
    if not re.fullmatch(pattern, text):
        return None
    return float(text.replace(group, "").replace(decimal, "."))


def number_style(text: str) -> Style:
    """``en`` when a document writes numbers the English way (C6), judged from the numbers only one
    style reads (``18.5``, ``1,234,567``) against those only the Vietnamese style reads."""
    english = len(re.findall(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])(?!\s*(?:tháng|năm))|\d{1,3}(?:,\d{3}){2,}(?![\d])|\d,\d{3}\.\d", text))
    vietnamese = len(re.findall(r"(?<![\d.,])\d+,\d{1,2}(?![\d.,])|\d{1,3}(?:\.\d{3}){2,}(?![\d])|\d\.\d{3},\d", text))
    return "en" if english > vietnamese and english >= 2 else "vi"


_PHRASE = re.compile(
    rf"^(?P<lo>{_NUM})(?:\s*(?P<lo_pct>%))?(?:\s*(?:-|–|đến|tới)\s*(?P<hi>{_NUM}))?"
    rf"(?:/(?P<den>\d+))?(?:\s+(?P<scale>{_SCALE}))?\s*(?P<unit>.*)$"
)


def parse_quantity(text: str, *, style: Style = "vi") -> ParsedQuantity | None:
    """The value, range and unit of a quantity phrase; None when it states no well-formed number.

        >>> parse_quantity("6,293 tỷ USD")
        ParsedQuantity(value=6293000000.0, value_max=None, unit='USD', bound=None, is_fraction=False)
        >>> parse_quantity("9-10%").value_max
        10.0
        >>> parse_quantity("1.2.3") is None
        True

    A fraction (``2/3``) is its float with unit None; a fraction of a count (``14/25 ngành``) is its
    numerator with the counted noun as unit. Number words are read in the fixed phrases of the
    guidelines (``gấp đôi``, ``một nửa``, ``hai con số``, ``hàng nghìn tỷ đồng``).
    """
    phrase = re.sub(r"^từ\s+", "", " ".join(text.split()), flags=re.I)
    words = _parse_words(phrase)
    if words is not None:
        return words
    match = _PHRASE.match(phrase)
    if match is None:
        return None
    low = parse_number(match["lo"], style)
    high = parse_number(match["hi"], style) if match["hi"] else None
    if low is None or (match["hi"] and high is None):
        return None
    unit_text = match["unit"] if match["unit"].startswith("%") or not match["lo_pct"] else "%" + match["unit"]
    unit = canonical_unit(unit_text, scaled=bool(match["scale"]))
    if unit is _BAD:
        return None
    if match["den"]:
        denominator = float(match["den"])
        if denominator == 0 or high is not None or match["scale"]:
            return None
        if unit is None:
            return ParsedQuantity(low / denominator, None, None, None, True)
        return ParsedQuantity(low, None, unit, None, True)
    scale = SCALES[" ".join(match["scale"].split())] if match["scale"] else 1.0
    return ParsedQuantity(low * scale, None if high is None else high * scale, unit)


_BAD = object()


def canonical_unit(text: str, *, scaled: bool = False) -> str | None | object:
    """The canonical unit of the words after a number: ``đồng`` → ``VND``, ``% / năm`` → ``%/năm``,
    a counted noun in lower case (``dự án``); nothing after a scale word means ``VND``."""
    text = " ".join(text.split())
    if not text:
        return "VND" if scaled else None
    head, *denominators = [part.strip() for part in text.split("/")]
    if any(not d for d in denominators):
        return _BAD
    unit = UNITS.get(head)
    if not head and scaled:
        unit = "VND"
    elif unit is None:
        if not re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", head) or head.lower() in NOT_COUNTED:
            return _BAD
        unit = head.lower()
        if scaled and unit in ("nghìn", "triệu", "tỷ", "tỉ"):
            return _BAD
    return "/".join([unit, *denominators])


_WORD_PHRASES: list[tuple[re.Pattern[str], ParsedQuantity]] = [
    (re.compile(r"(?:hai|2) con số", re.I), ParsedQuantity(10.0, None, "%", ">=")),
    (re.compile(r"một nửa", re.I), ParsedQuantity(0.5, None, None, None, True)),
    (re.compile(r"gấp đôi", re.I), ParsedQuantity(2.0, None, "lần")),
    (re.compile(r"gấp rưỡi", re.I), ParsedQuantity(1.5, None, "lần")),
    (re.compile(r"gấp ba", re.I), ParsedQuantity(3.0, None, "lần")),
    (re.compile(r"nửa tấn", re.I), ParsedQuantity(0.5, None, "tấn")),
]


_SCALE_WORDS = re.compile(
    r"(?:(?P<many>[Hh]àng)\s+)?(?P<mult>chục|trăm|nghìn|ngàn)?\s*(?P<scale>t[ỷỉ]|triệu)?(?:\s+(?P<unit>[^\d]+))?"
)
_MULTIPLIERS = {"chục": 10.0, "trăm": 100.0, "nghìn": 1e3, "ngàn": 1e3}


def _scale_words(match: re.Match[str]) -> ParsedQuantity | None:
    """``hàng nghìn tỷ đồng`` (1e12 VND, ``>=``), ``tỷ USD``, ``hàng trăm sản phẩm``, ``nghìn lần``."""
    if not (match["mult"] or match["scale"]) or not (match["mult"] or match["unit"]):
        return None
    value = _MULTIPLIERS.get(match["mult"] or "", 1.0) * (SCALES[match["scale"]] if match["scale"] else 1.0)
    unit = canonical_unit(match["unit"] or "", scaled=bool(match["scale"]))
    if unit is _BAD or unit is None:
        return None
    at_least = bool(match["many"]) or (match["scale"] is not None and unit in _CURRENCIES)
    if not at_least and match["scale"] is None and not match["unit"]:
        return None
    return ParsedQuantity(value, None, unit, ">=" if at_least else None)


def _parse_words(phrase: str) -> ParsedQuantity | None:
    for pattern, parsed in _WORD_PHRASES:
        if pattern.fullmatch(phrase):
            return parsed
    match = _SCALE_WORDS.fullmatch(phrase)
    if match is not None:
        return _scale_words(match)
    match = re.fullmatch(r"(?P<word>\w+)\s+(?P<unit>.+)", phrase)
    if match is not None and match["word"].lower() in NUMBER_WORDS:
        unit = canonical_unit(match["unit"])
        if unit is not _BAD and unit is not None:
            return ParsedQuantity(float(NUMBER_WORDS[match["word"].lower()]), None, unit)
    return None
