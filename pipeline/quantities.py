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
from decimal import Decimal
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .attributes import Anchor, clause_end, clause_period, clause_start, clause_status
from .errors import Errors, VnieError
from .extensions import SPAN_ATTRS_ATTR, SPAN_GROUP, doc_text, register
from .periods import PeriodContext, normalize_basis
from .serialization import ConfigSerializable
from .timex import Found, add_spans, document_context, find_times
from .tokenizer import token_offsets

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
NOT_COUNTED: frozenset[str] = frozenset(w.replace("_", " ") for w in
    "năm tháng quý ngày tuần giờ phút giây thứ lần_thứ và với của là trong đến từ tại thì mà nhưng hay hoặc "
    "so cho theo về sau trước khi đã đang sẽ được bị có không này đó kia trên dưới gần hơn khoảng đạt tăng "
    "giảm bằng chiếm vượt ước còn lên xuống nữa mới cũng vẫn rất các những mỗi ra vào qua bởi do nên "
    "người_ta tuổi giờ_đây kỳ chiều sáng tối đêm đợt_này số cùng song".split()
)
_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:(?:nghìn|ngàn)\s+t[ỷỉ]|nghìn|ngàn|triệu|t[ỷỉ])"
_UNIT_WORDS = sorted(UNITS, key=len, reverse=True)
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNIT_WORDS) + r")(?![\w])"
_DENOM_ONE = r"\s?/\s?(?:năm|tháng|người lao động|người|ngày|tấn|thùng|lít|kg|kWh|m2|m3|ha|con|chiếc|lượt)(?!\w)"
_DENOM = rf"(?:{_DENOM_ONE})*"


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
    return float(Decimal(text.replace(group, "").replace(decimal, ".")))


#: numbers only the English style reads, and numbers only the Vietnamese style reads; every
#: alternative starts with a digit, and ``(?=\d)`` says so first, which skips other text fast
_ENGLISH_ONLY = re.compile(r"(?=\d)(?:(?<![\d.,])\d+\.\d{1,2}(?![\d.,])(?!\s*(?:tháng|năm))|\d{1,3}(?:,\d{3}){2,}(?![\d])|\d,\d{3}\.\d)")
_VIETNAMESE_ONLY = re.compile(r"(?=\d)(?:(?<![\d.,])\d+,\d{1,2}(?![\d.,])|\d{1,3}(?:\.\d{3}){2,}(?![\d])|\d\.\d{3},\d)")


def number_style(text: str) -> Style:
    """``en`` when a document writes numbers the English way (C6), judged from the numbers only one
    style reads (``18.5``, ``1,234,567``) against those only the Vietnamese style reads."""
    english = len(_ENGLISH_ONLY.findall(text))
    vietnamese = len(_VIETNAMESE_ONLY.findall(text))
    return "en" if english > vietnamese and english >= 2 else "vi"


_PHRASE = re.compile(
    rf"^(?P<lo>{_NUM})(?:\s*(?P<lo_pct>%))?(?:\s*(?:-|–|đến|tới)\s*(?P<hi>{_NUM}))?"
    rf"(?:/(?P<den>\d+))?(?:\s+(?P<scale>{_SCALE})(?!\w))?\s*(?P<unit>.*)$"
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
    scale = Decimal(int(SCALES[" ".join(match["scale"].split())])) if match["scale"] else Decimal(1)
    if high is None:
        return ParsedQuantity(_scaled(low, scale), None, unit)
    return _range(low, high, scale, unit)


def _range(low: float, high: float, scale: Decimal, unit: str | None) -> ParsedQuantity | None:
    """A range ``low - high scale``; the scale word may belong to the high end alone
    (``896.000 - 2,01 triệu``). A "range" that falls (``27-11``, ``747-8``) is no range: None."""
    if low <= high:
        return ParsedQuantity(_scaled(low, scale), _scaled(high, scale), unit)
    if scale > 1 and low <= _scaled(high, scale):
        return ParsedQuantity(low, _scaled(high, scale), unit)
    return None


def _scaled(number: float, scale: Decimal) -> float:
    """``number × scale`` without binary rounding (2,11 tỷ → 2110000000.0, not 2109999999.9999998)."""
    return float(Decimal(repr(number)) * scale)


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
    r"(?:(?P<many>[Hh]àng)\s+)?(?:(?P<mult>chục|trăm|nghìn|ngàn)(?!\w))?\s*(?:(?P<scale>t[ỷỉ]|triệu)(?!\w))?(?:\s+(?P<unit>[^\d]+))?"
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


# --------------------------------------------------------------------------------------------
# Finding quantities in a document
# --------------------------------------------------------------------------------------------

#: a quantity phrase; ``(?=[...])`` holds the first characters its alternatives can start with
#: (digits; ``hàng``, ``chục``, ``trăm``, ``nghìn``, ``ngàn``, ``gấp``, ``một``, ``nửa``, ``hai``, ``tỷ``),
#: so that other text is skipped fast: keep it in step with them
_CANDIDATE = re.compile(
    rf"(?=[\dHhctngMm])(?<![\w.,/-])(?:"
    rf"(?P<words>(?:[Hh]àng\s+)?(?:chục|trăm|nghìn|ngàn)(?:\s+t[ỷỉ]|\s+triệu)?(?:\s+{_UNIT})?(?=[\s.,;:)])|gấp đôi|gấp rưỡi|gấp ba\b|[Mm]ột nửa|nửa tấn|(?:hai|2) con số)"
    rf"|(?P<num>{_NUM}(?:\s*%)?(?:\s*(?:-|–|đến|tới)\s*{_NUM})?(?:/\d+)?)(?:\s+(?P<scale>{_SCALE})(?!\w))?"
    rf"(?:\s*(?P<unit>{_UNIT}{_DENOM})|(?P<denom>(?:{_DENOM_ONE})+))?"
    rf"|(?P<bare>t[ỷỉ]\s+(?:USD|đồng))"
    rf")"
)
_NUMBER_WORD = re.compile(r"(?<!\w)(?P<word>[Hh]ai|[Bb]a|[Bb]ốn|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười)\s+(?=\w)")
#: words right before a number that make it part of a name or an identifier
_NAME_LEAD = re.compile(
    r"(?<!\w)(?:số|lần|thứ|khóa|khoá|Khóa|mạch|top|Top|TOP|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Luật|"
    r"Kết luận|Công văn|Điều|khoản|chương|Chương|phiên bản|cấp|nhóm|loại|hạng|tuyến|Euro|EURO|quốc lộ|QL|"
    r"đường|Đường|phòng|tầng|lô|Lô|Covid|COVID|covid|mẫu|chợ|lần thứ|kỷ niệm|giai đoạn|tháng|năm|quý|ngày|"
    r"Tháng|Năm|Quý|Ngày|thời điểm|hết|Chương trình|chương trình|Dự án|Kế hoạch|Tổ|tổ|Đội|đội|Khu|khu|"
    r"Vòng|vòng|Gói|gói|Đợt|đợt|Ấp|ấp|Xóm|xóm|Phường|phường|Quận|quận|Vinh|vụ|VN|F|(?<!cùng )k[ỳì]|Kỳ)\s*$"
)
_APPROX = [
    (re.compile(r"(?<!\w)(?:gần|khoảng|xấp xỉ|chừng|ước chừng|ước khoảng|tầm|hơn kém)\s*$"), "~"),
    (re.compile(r"(?<!\w)(?:trở lên|ít nhất|tối thiểu|không dưới)\s*$"), ">="),
    (re.compile(r"(?<!\w)(?:tối đa|không quá|không vượt quá)\s*$"), "<="),
    (re.compile(r"(?<!\w)(?:dưới|chưa đến|chưa tới|chưa đầy|không tới|không đến|thấp hơn)\s*$"), "<"),
    (re.compile(r"(?<!\w)(?:hơn|trên|vượt mốc|vượt ngưỡng|ngoài|hàng|vượt trên|cao hơn)\s*$"), ">"),
]
_PREDICATES = re.compile(
    r"(?<!\w)(?:(?P<level>tăng lên|giảm xuống|giảm còn|xuống còn|xuống|lên|còn|lên mức|ở mức|là|từ|(?<!tăng )thêm)\s*$"
    r"|(?P<ratio>gấp|bằng|đạt|hoàn thành|thực hiện được|vượt|(?<!giảm )(?<!tăng )tương đương(?: với)?|(?<!giảm )(?<!tăng )tương ứng(?: với)?)"
    r"|(?P<share>chiếm(?: tỷ trọng| tỉ trọng)?|tỷ trọng|tỉ trọng|tỷ lệ|tỉ lệ|đóng góp)"
    r"|(?P<down>(?<!cắt )giảm|sụt giảm|sụt|hạ|thấp hơn|lùi|mất|bốc hơi|âm)"
    r"|(?P<up>tăng|tăng trưởng|cao hơn|nhích|thêm|tăng thêm))(?!\w)"
)
_PLAN_AFTER = re.compile(r"^\s*(?:so\s+với\s+)?(?:kế hoạch|dự toán|chỉ tiêu|KH\b)")
_SO_VOI_AFTER = re.compile(r"^\s*(?:so\s+(?:với\s+)?)(?:cùng|năm|tháng|quý|kỳ|\d)")
_WHOLE_AFTER = re.compile(r"^\s*(?:GDP|GRDP|tổng|số|giá trị|kim ngạch|dân số|sản lượng|thị phần|cơ cấu|diện tích|lượng|tổng số|doanh thu|vốn|[a-zà-ỹđ]+ [a-zà-ỹđ]+)")


@dataclass(frozen=True)
class QuantityMention:
    """A QUANTITY span with all eight attributes of FORMAT.md."""

    start: int
    end: int
    attrs: dict[str, Any]
    #: the (start, end) of the BASIS span the value is compared with, if any
    basis_span: tuple[int, int] | None = None


def find_quantities(doc: Doc, anchors: list[Anchor], *, style: Style, report_year: int | None,
                    context: PeriodContext = PeriodContext()) -> list[QuantityMention]:
    """Every QUANTITY of ``doc`` outside ``anchors``, with value, unit, kind, bound and a first
    resolution of period, basis and status from the TIME and BASIS ``anchors`` of its clause."""
    text = doc_text(doc)
    starts = _TokensByStart(doc)
    taken = [(a.start, a.end) for a in anchors]
    mentions: list[QuantityMention] = []
    previous: tuple[int, str, bool] | None = None  # end, kind, negative
    carried: str | None = None
    for start, end, parsed in _candidates(text, starts, taken, style):
        limit = clause_start(text, start)
        segment_start = max(limit, previous[0]) if previous and previous[0] > limit else limit
        kind, negative, bound = _kind(text, start, end, segment_start, parsed, previous)
        bound = parsed.bound or bound
        value, value_max = parsed.value, parsed.value_max
        if negative and value is not None:
            value, value_max = (-value_max, -value) if value_max is not None else (-value, None)
        period = clause_period(text, start, anchors, carried, report_year)
        if period is not None:
            carried = period
        basis, basis_anchor = _basis(text, start, end, kind, anchors, period, context)
        attrs = {"value": value, "value_max": value_max, "unit": parsed.unit, "kind": kind, "bound": bound,
                 "period": period, "basis": basis, "status": clause_status(text, start, limit, period, report_year)}
        anchor_span = None if basis_anchor is None else (basis_anchor.start, basis_anchor.end)
        mentions.append(QuantityMention(start, end, attrs, anchor_span))
        previous = (end, kind, negative)
    return mentions


class _TokensByStart:
    """The tokens of a doc by their start offset; a ``Token`` object is made only for those asked for."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        starts, _ = token_offsets(doc)
        self._index = {start: i for i, start in enumerate(starts)}

    def get(self, start: int | None) -> Token | None:
        i = self._index.get(start)
        return None if i is None else self._doc[i]


def _candidates(text: str, starts: _TokensByStart, taken: list[tuple[int, int]], style: Style):
    """(start, end, parsed) for each quantity phrase; counted nouns come from the token after."""
    for match in _iter_matches(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or _is_name_part(text, start, match):
            continue
        unit = None
        if match.lastgroup == "num" or match["num"]:
            end = _with_counted_noun(text, match, starts)
            if end is None:
                end, unit = _implicit_unit(text, match, start)
                if end is None:
                    continue
        parsed = parse_quantity(text[start : start + len(match["num"])] if unit else text[start:end], style=style)
        if parsed is None or parsed.value is None:
            continue
        if unit is not None:
            parsed = ParsedQuantity(parsed.value, None, unit)
        yield start, end, parsed


def _implicit_unit(text: str, match: re.Match[str], start: int) -> tuple[int | None, str | None]:
    """A plain number whose unit the words give: a multiple written without ``lần`` (``gấp 2,8
    cùng kỳ``), or a length of time with decimals (``bình quân là 3,9 năm``: no year has decimals)."""
    number = match["num"]
    if not re.fullmatch(_NUM, number):
        return None, None
    if _MULTIPLE_LEAD.search(text[max(0, start - 12) : start]):
        return start + len(number), "lần"
    duration = re.match(r" (năm|tháng)(?![\w/])(?!\s*\d)", text[start + len(number) :])
    if duration is not None and re.search(r",\d", number):
        return start + len(number) + duration.end(), duration[1]
    return None, None


_MULTIPLE_LEAD = re.compile(r"(?<!\w)gấp\s+(?:hơn\s+|gần\s+)?$")


def _is_name_part(text: str, start: int, match) -> bool:
    """Whether the number is part of a name or identifier (``Nghị quyết số 58``). After ``số`` a
    number with its unit or scale is an amount (``con số 1.540 tỷ đồng``, ``tổng số 561 điều kiện``)."""
    lead = _NAME_LEAD.search(text[max(0, start - 20) : start])
    if lead is None:
        return False
    if lead.group().strip() == "số":
        named = re.search(r"(?:[A-ZĐ]\w*|Nghị|Quyết|Thông|Công|Chỉ|Luật|Điều)\s+\S*\s*số\s*$", text[max(0, start - 30) : start])
        amount = match["num"] and (match["unit"] or match["scale"] or "%" in match["num"])
        counted = re.search(r"(?:tổng|trong)\s+số\s*$", text[max(0, start - 12) : start].lower())
        return not ((amount and not named) or counted)
    return True


def _iter_matches(text: str):
    spans = []
    for match in _CANDIDATE.finditer(text):
        spans.append(match)
        yield match
    for match in _NUMBER_WORD.finditer(text):
        following = text[match.end() : match.end() + 30]
        if re.match(r"(?:lần|điểm|tấn|ha)\b", following) or _counted_word(following):
            yield _WordMatch(match, text)


class _WordMatch:
    """A number word with the counted noun after it, shaped like a candidate match."""

    def __init__(self, match: re.Match[str], text: str) -> None:
        following = text[match.end() :]
        noun = re.match(r"(?:lần|điểm|tấn|ha)\b", following) or _counted_word(following)
        self._span = (match.start(), match.end() + noun.end())
        self.lastgroup = "words"

    def span(self) -> tuple[int, int]:
        return self._span

    def __getitem__(self, key: str):
        return None


_COUNT_NOUNS = re.compile(
    r"(?:doanh nghiệp|dự án|sản phẩm|mặt hàng|khán phòng|điểm sáng|vụ việc|vụ|người|lao động|nước|thị trường|"
    r"địa phương|tỉnh|thành phố|cửa hàng|chiếc|xe|công trình|trạm|mỏ|ngôi nhà|lượt|khách|hộ|ngành|nhóm|"
    r"đơn vị|hiệp định|cụm công nghiệp|khu công nghiệp|nhà máy|tập đoàn|công ty|chi nhánh|siêu thị|chợ|"
    r"chủng loại|container|cổ phiếu|thành viên|bậc)(?!\w)"
)
#: counted compounds that the segmenter may split (``cụm`` + ``công nghiệp``)
_COMPOUND_COUNTS = re.compile(
    r"(?:cụm công nghiệp|khu công nghiệp|hộ dân|tuyến đường|nhà phân phối|nhà đầu tư|nhà máy|điểm bán|cửa hàng|"
    r"mặt hàng|thị trường|dự án|doanh nghiệp|lao động|tổ chức|cơ sở|vụ việc|điều kiện)(?!\w)"
)


def _counted_word(following: str) -> re.Match[str] | None:
    return _COUNT_NOUNS.match(following)


def _with_counted_noun(text: str, match: re.Match[str], starts: _TokensByStart) -> int | None:
    """The end of a number phrase: its unit, else the counted noun token after it, else None
    (a bare number states no quantity, a fraction excepted)."""
    end = match.end()
    if match["denom"]:
        return end
    if match["unit"] or "%" in match["num"] or match["scale"]:
        if match["scale"] and not match["unit"]:
            noun = _noun_after(text, end, starts, match.start())
            return noun or end
        return end
    noun = _noun_after(text, end, starts, match.start())
    if noun is not None:
        return noun
    return end if re.fullmatch(r"\d+/\d+", match["num"]) and _is_fraction(match["num"]) else None


def _is_fraction(number: str) -> bool:
    top, bottom = (int(part) for part in number.split("/"))
    return 0 < top < bottom


def _noun_after(text: str, end: int, starts: _TokensByStart, number_start: int | None = None) -> int | None:
    """The end of the counted noun token after ``end``; the segmenter may have joined it to the
    number (``1.451 lượt`` as one token), then the rest of that token is the noun."""
    if end >= len(text) or text[end] != " ":
        return None
    compound = _COMPOUND_COUNTS.match(text, end + 1)
    if compound is not None:
        return compound.end()
    token = starts.get(end + 1)
    if token is None:
        joined = starts.get(number_start) if number_start is not None else None
        if joined is None or joined.idx + len(joined.text) <= end + 1:
            return None
        word = text[end + 1 : joined.idx + len(joined.text)]
        return joined.idx + len(joined.text) if _is_noun_like(word) else None
    word = token.text
    if not _is_noun_like(word):
        return None
    end = token.idx + len(word)
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if word in CLASSIFIERS and following is not None and token.whitespace_ and _is_noun_like(following.text):
        end = following.idx + len(following.text)
    return end


#: classifiers that head a counted compound with the noun after them (``ngôi nhà``, ``con tàu``)
CLASSIFIERS: frozenset[str] = frozenset({"ngôi", "căn", "con", "cái", "tòa", "toà", "mỏ", "nhà"})


def _is_noun_like(word: str) -> bool:
    letters = word.replace(" ", "")
    if not letters.isalpha() or not word.islower() or word in NOT_COUNTED or word.split()[0] in NOT_COUNTED:
        return False
    return word not in ("nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm", "chục", "lượng", "trị giá", "về")


def _kind(text: str, start: int, end: int, segment_start: int, parsed: ParsedQuantity,
          previous: tuple[int, str, bool] | None) -> tuple[str, bool, str | None]:
    """kind, whether the value is a decrease, and the bound, from the words around the span."""
    left = text[segment_start:start].lower()
    bound = None
    stripped = left
    for _ in range(2):
        for pattern, symbol in _APPROX:
            found = pattern.search(stripped)
            if found:
                bound = bound or symbol
                stripped = stripped[: found.start()]
                break
    after = text[end : end + 40]
    if re.match(r"\s*trở lên", after):
        bound = ">="
    predicate = None
    for predicate in _PREDICATES.finditer(stripped):
        pass
    if re.search(r"(?:chưa|không)\s+bằng\s*$", stripped):
        bound = bound or "<"
    phrase = text[start:end].lower()
    compared = _compared(text, start, end, left, stripped, predicate, parsed, previous)
    if compared is not None:
        return compared[0], compared[1], bound
    if parsed.is_fraction:
        return "share", False, bound
    if phrase.startswith("gấp") or (predicate is not None and predicate["ratio"] == "gấp"):
        return "ratio", False, bound
    if predicate is None:
        if previous is not None and previous[0] >= segment_start and previous[1] in ("change", "share") and parsed.unit == "%":
            return previous[1], previous[2], bound  # a list goes on as it began: ``chiếm 55,2%, ... thực phẩm 33,6%``
        if parsed.unit == "%" and _WHOLE_AFTER.match(after):
            return "share", False, bound
        if parsed.unit == "lần":
            return "ratio", False, bound
        return "level", False, bound
    if predicate["level"]:
        if parsed.unit is not None and parsed.unit.startswith("%"):
            clause = text[clause_start(text, start) : start].lower()
            if re.search(r"tỷ trọng|tỉ trọng|tỷ lệ|tỉ lệ|chiếm", clause):
                return "share", False, bound
            if predicate["level"] in ("ở mức", "là", "lên mức") and not _GROWTH_WORDS.search(clause[: len(clause) - len(left) + predicate.start()]):
                return "level", False, bound  # ``Nợ xấu ... ở mức 1,44%``: a level, not a growth
            return "change", bool(re.search(r"(?<!\w)(?:giảm|sụt giảm)(?!\w)", left)), bound
        return "level", False, bound
    if predicate["share"]:
        # ``chiếm 5.200 tỷ đồng``: an amount is a level, whatever it is part of; a share is a percentage
        return ("share" if parsed.unit in (None, "%") else "level"), False, bound
    if predicate["ratio"]:
        if parsed.unit == "lần":
            return "ratio", False, bound
        if predicate["ratio"] == "vượt" and parsed.unit == "%":
            return "change", False, bound
        if parsed.unit in ("%", None) and (_PLAN_AFTER.match(after) or _SO_VOI_AFTER.match(after)):
            return "ratio", False, bound
        if parsed.unit == "%" and predicate["ratio"] == "bằng":
            return ("share" if _WHOLE_AFTER.match(after) else "ratio"), False, bound
        if parsed.unit == "%":
            return ("share" if _WHOLE_AFTER.match(after) and predicate["ratio"] != "đạt" else "change"), False, bound
        return "level", False, bound
    if parsed.unit == "lần":
        return "ratio", False, bound
    if predicate["down"] or predicate["up"]:
        between = stripped[predicate.end() :]
        if re.search(r"\d", between) and parsed.unit != "%":
            return "level", False, bound
        if predicate["down"] == "âm" and parsed.unit != "%":
            return "level", True, bound  # ``lãi gộp ghi âm 112 tỷ đồng``: a negative amount, not a fall
        return "change", bool(predicate["down"]), bound
    return "level", False, bound


#: a comparison right after a value: ``so với ...`` or the plan of a ratio
_BASIS_NEXT = re.compile(r"^\s*\)?\s*(?:so\s+với|so\s+(?=cùng|dự toán|kế hoạch)|(?:về\s+)?(?:kế hoạch|dự toán|chỉ tiêu)|mục tiêu|cùng\s+k[ỳì]|KH\b)")
#: measures whose values are rates in their own right, not growth (``thuế suất ... lên 60%``)
_RATE_WORDS = re.compile(r"thuế suất|lãi suất|tỷ suất|tỉ suất|suất sinh lời|\broe\b|\broa\b|mức thuế|thuế nhập khẩu|thuế xuất khẩu")
#: ``từ X lên Y``: both ends are levels, the change is in the words
_FROM_TO = re.compile(r"(?<!\w)từ\s+(?:mức\s+)?(?:hơn\s+|gần\s+|khoảng\s+)?\d[^;]{0,40}?(?:lên|xuống)|^\s*(?:\S+\s+){0,3}?(?:lên|xuống còn|xuống)\s+(?:mức\s+)?(?:hơn\s+|gần\s+)?\d")
_GROWTH_WORDS = re.compile(r"(?<!\w)(?:tăng|giảm|tăng trưởng|lạm phát|cpi|chỉ số|iip|grdp|gdp)(?!\w)")
_SHARE_WORDS = re.compile(r"tỷ trọng|tỉ trọng|tỷ lệ|tỉ lệ|thị phần|biên lợi nhuận|cơ cấu|chiếm")
_MORE_LESS = re.compile(r"(?<!\w)(?P<more>cao hơn|vượt|thừa|nhiều hơn)|(?P<less>thấp hơn|hụt|ít hơn)(?:\s+(?:gần|khoảng|hơn|xấp xỉ))?\s*$")


def _compared(text: str, start: int, end: int, left: str, stripped: str, predicate: re.Match[str] | None,
              parsed: ParsedQuantity, previous: tuple[int, str, bool] | None) -> tuple[str, bool] | None:
    """kind and sign where the words around the value settle them before the general rules:

    - a value followed by its comparison (``tương đương 102,8% so với cùng kỳ``, ``53% kế hoạch``,
      ``giảm một nửa so với``) is a ratio or a change, never a share or level;
    - an amount that is ``cao hơn`` / ``thừa`` / ``vượt`` something it is compared with is a change;
    - the value compared with (``so với số lãi 1.460 tỷ đồng``, C26) is a level;
    - a rate (``thuế suất``, ``ROE``) or a share measure after ``là`` / ``lên`` / ``từ`` is a level
      or a share, not a growth.
    """
    after = text[end : end + 60]
    down = bool(predicate is not None and predicate["down"])
    listed = previous is not None and previous[0] == start - len(left)  # ``giảm 2,27% và 6,91%``
    if predicate is not None and predicate["ratio"] and predicate["ratio"].startswith("tương") and listed:
        if previous[1] == "change" and parsed.unit not in ("%", None, "lần"):
            return "change", previous[2]  # ``giảm 2,69% tương đương 3.400 tỷ đồng``
    if parsed.is_fraction and predicate is not None and (predicate["up"] or predicate["down"]) and not stripped[predicate.end():].strip():
        return "change", down  # ``giảm một nửa``
    if _BASIS_NEXT.match(after) and parsed.unit in ("%", None, "lần"):
        if re.match(r"\s*về\s+(?:kế hoạch|dự toán|chỉ tiêu)", after) and parsed.unit == "%":
            return "ratio", False  # ``60% về kế hoạch lợi nhuận``: the share of the plan reached
        if predicate is not None and (predicate["up"] or predicate["down"]) and not stripped[predicate.end():].strip():
            return "change", down
        if predicate is not None and predicate["ratio"] == "vượt":
            return ("ratio" if parsed.unit == "lần" else "change"), False
        if (predicate is not None and predicate["ratio"]) or (predicate is None and not listed) or (parsed.is_fraction and predicate is None):
            return "ratio", False
    if predicate is not None and predicate["level"] and _FROM_TO.search(left + " " + after[:40]):
        clause = text[clause_start(text, start) : start].lower()
        share = parsed.unit == "%" and _SHARE_WORDS.search(clause) and not _RATE_WORDS.search(clause)
        if predicate["level"] == "từ" or re.search(r"(?<!\w)từ\s+(?:mức\s+)?(?:hơn\s+|gần\s+|khoảng\s+)?\d", left):
            return ("share" if share else "level"), False
    more_less = _MORE_LESS.search(left)
    if more_less is not None and parsed.unit not in ("%", None) and re.match(r"^\s*so\s+(?:với\s+)?", after):
        return "change", bool(more_less["less"])
    if predicate is not None and (predicate["up"] or predicate["down"]) and _PERIOD_COMPARED.fullmatch(stripped[predicate.end():]):
        return "change", down  # ``tăng so với cùng kỳ 6.350 tỷ đồng``: the amount of the change
    if predicate is not None and re.search(r"\bso\s+với\b|\bhơn\s+mức\b|\bvới\s+(?:mức|số|con số)\b", stripped[predicate.end():]):
        return "level", False
    if parsed.unit is not None and parsed.unit.startswith("%") and (predicate is None or predicate["level"]):
        clause = text[clause_start(text, start) : start].lower()
        if _RATE_WORDS.search(clause):
            return "level", False
        if _SHARE_WORDS.search(left) and not re.search(r"(?<!\w)(?:tăng|giảm)\s+(?!(?:xuống|lên|còn|về)\b)(?:\S+\s+)?$", stripped):
            return "share", False  # ``thị phần giảm xuống 8,9%``: the share it came to, not a fall
    if parsed.unit not in ("%", "lần", None) and predicate is not None and (predicate["up"] or predicate["down"]):
        if len(stripped[predicate.end():].split()) > 3:
            return "level", False
    return None


def _basis(text: str, start: int, end: int, kind: str, anchors: list[Anchor], period: str | None,
           context: PeriodContext) -> tuple[str | None, Anchor | None]:
    """The BASIS after the value in its clause (back to the previous one), or a fronted one, and
    its anchor; plan bases go with ratios only (C24)."""
    if kind not in ("change", "ratio"):
        return None, None
    limit, stop = clause_start(text, start), clause_end(text, end)
    bases = [a for a in anchors if a.label == "BASIS"]
    following = [a for a in bases if end <= a.start < stop]
    chosen = following[0] if following else None
    if chosen is None:
        fronted = [a for a in bases if limit <= a.start < start and not _VALUE_BETWEEN.search(text[a.end : start])
                   and _introduces(text, limit, a, start)]
        chosen = fronted[-1] if fronted else None
    direct = chosen is not None and not text[end : chosen.start].strip(" )")
    if chosen is None or (chosen.value == "plan" and kind != "ratio" and not direct):
        return None, None
    if re.search(r"năm\s+(?:trước|ngoái)(?:\s+đó)?$", text[chosen.start : chosen.end]) and period:
        return normalize_basis(text[chosen.start : chosen.end], period, context) or chosen.value, chosen
    return chosen.value, chosen


def _introduces(text: str, limit: int, basis: Anchor, start: int) -> bool:
    """Whether a basis before the value applies to it: fronted at the head of its clause (``So với
    tháng trước, có 22 sản phẩm tăng``) or directly introducing it (``so với tháng 12/2016 tăng
    0,9%``); not a comparison closing a predicate of its own (``đều giảm so với năm trước, XK ta
    tăng 5%``)."""
    own_predicate = re.search(r"(?<!\w)(?:tăng|giảm|cao hơn|thấp hơn)(?!\w)", text[limit : basis.start].lower())
    between = text[basis.end : start]
    return not own_predicate or "," not in between or bool(re.search(r":|(?<!\w)như(?!\w)", between))


#: a comparison with a period alone between a change verb and its amount
_PERIOD_COMPARED = re.compile(
    r"\s*so\s+(?:với\s+)?(?:cùng\s+k[ỳì](?:\s+năm\s+(?:trước|ngoái|\d{4})|\s+\d{4})?|(?:tháng|quý|năm)\s+(?:trước|ngoái|\d{4})"
    r"|tháng\s+\d{1,2}(?:/\d{4})?|quý\s+(?:I{1,3}|IV|\d)(?:/\d{4})?)\s*(?:là|ở mức|khoảng|gần|hơn|trên|tới|đến)?\s*"
)
_VALUE_BETWEEN = re.compile(r"\d+(?:[.,]\d+)*\s*%")


# --------------------------------------------------------------------------------------------
# The component
# --------------------------------------------------------------------------------------------


@Language.factory(
    "vnie_quantity_ruler",
    requires=["doc.spans"],
    assigns=["doc.spans", f"span._.{SPAN_ATTRS_ATTR}"],
    default_config={"spans_key": SPAN_GROUP, "number_style": "auto"},
)
def make_quantity_ruler(nlp: Language, name: str, *, spans_key: str, number_style: str) -> "QuantityRuler":
    register()
    return QuantityRuler(name=name, spans_key=spans_key, number_style=number_style)


NUMBER_STYLES = ("auto", "vi", "en")


class QuantityRuler(ConfigSerializable):
    """Adds QUANTITY spans with their eight attributes to ``doc.spans[spans_key]``.

    Runs after ``vnie_time_ruler``: TIME and BASIS spans are never quantities, and they give the
    values' period and basis. ``number_style``: ``auto`` decides per document (C6), ``vi`` or ``en``
    force a reading of ambiguous numbers.
    """

    def __init__(self, *, name: str = "vnie_quantity_ruler", spans_key: str = SPAN_GROUP, number_style: str = "auto") -> None:
        register()
        self.name = name
        self.spans_key = spans_key
        self.number_style = _check_style(number_style)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.predict(doc))

    def predict(self, doc: Doc) -> list[QuantityMention]:
        anchors = [
            Anchor(s.start_char, s.end_char, s.label_, (s._.get(SPAN_ATTRS_ATTR) or {}).get("period" if s.label_ == "TIME" else "basis"))
            for s in doc.spans.get(self.spans_key, [])
            if s.label_ in ("TIME", "BASIS")
        ]
        text = doc_text(doc)
        style = number_style(text) if self.number_style == "auto" else self.number_style
        dates = document_context(text)
        return find_quantities(doc, sorted(anchors, key=lambda a: a.start), style=style,
                               report_year=dates.report_year, context=dates.context)

    def set_annotations(self, doc: Doc, mentions: list[QuantityMention]) -> Doc:
        """Add the QUANTITY spans; a BASIS that no value is compared with is no BASIS (GUIDELINES:
        only where linked to a QUANTITY), and the calendar words in it become a TIME."""
        used = {m.basis_span for m in mentions if m.basis_span is not None}
        group = list(doc.spans.get(self.spans_key, []))
        text = doc_text(doc)
        dropped = [s for s in group if s.label_ == "BASIS" and (s.start_char, s.end_char) not in used
                   and not _follows_ratio_shaped(text, s.start_char, mentions)
                   and not _LIST_HEAD.match(text, s.end_char)]
        items = [(m.start, m.end, "QUANTITY", dict(m.attrs)) for m in mentions]
        if dropped:
            doc.spans[self.spans_key] = [s for s in group if s not in dropped]
            items.extend(_times_inside(doc, group, dropped))
        return add_spans(doc, self.spans_key, items)

    def _get_config(self) -> dict[str, Any]:
        return {"spans_key": self.spans_key, "number_style": self.number_style}

    def _set_config(self, config: dict[str, Any]) -> None:
        unknown = set(config) - {"spans_key", "number_style"}
        if unknown:
            raise VnieError(Errors.E015.format(component=self.name, keys=sorted(unknown)))
        self.spans_key = config.get("spans_key", SPAN_GROUP)
        self.number_style = _check_style(config.get("number_style", "auto"))



#: a comparison heading a list applies to its values (``đều tăng so với năm 2017: ...``)
_LIST_HEAD = re.compile(r"\s*(?::|,?\s*như(?!\w))")


def _follows_ratio_shaped(text: str, start: int, mentions: list[QuantityMention]) -> bool:
    """Whether a BASIS at ``start`` directly follows a percentage, fraction or multiple: the
    comparison is plainly of that value, whatever kind the rules gave it."""
    before = [m for m in mentions if m.end <= start]
    if not before:
        return False
    last = before[-1]
    return not text[last.end : start].strip(" )") and last.attrs["unit"] in ("%", None, "lần")


def _times_inside(doc: Doc, group: list[Span], dropped: list[Span]) -> list[tuple[int, int, str, dict[str, Any]]]:
    """TIME spans for the calendar words inside the ``dropped`` BASIS spans (``năm trước`` in an
    unlinked ``so với năm trước``)."""
    kept = [Found(s.start_char, s.end_char, "BASIS", {}) for s in group if s.label_ == "BASIS" and s not in dropped]
    regions = [(s.start_char, s.end_char) for s in dropped]
    text = doc_text(doc)
    times = find_times(text, document_context(text), kept)
    return [(t.start, t.end, "TIME", dict(t.attrs)) for t in times if any(a <= t.start and t.end <= b for a, b in regions)]


def _check_style(style: str) -> str:
    if style not in NUMBER_STYLES:
        raise VnieError(Errors.E018.format(value=style, choices=list(NUMBER_STYLES)))
    return style
