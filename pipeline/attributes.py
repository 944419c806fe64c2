"""Each QUANTITY's ``period`` and ``status``, resolved after the relation stage (GUIDELINES.md,
"Attributes" and "Periods"; clarifications C1, C8, C9, C15, C19, C21, C23, C25, C28).

``period``: from the value's ``time`` relation, where the TIME sets one for it: a cut-off date
(``tính đến 31/12/2020``) gives a flow the stretch from the start of the year (C1) and a stock the
date itself (C23), ``cuối năm 2014`` gives a stock the period's last day (C28), a start date
(``từ ngày 10/7/2020``) the day (C15); other plain days set no period. Without one, the period the
text last set for the report's values (carried over from the values before it, a comparison
period such as ``cùng kỳ năm trước`` excepted), else the report's year (``XXXX`` when the text gives
none).

``status``: ``target`` for a cue of a plan, goal or forecast (``phấn đấu``, ``mục tiêu``,
``dự kiến``, ``sẽ``, ...), ``estimate`` for ``ước`` and its kin, found in the value's clause before
it (so also in its parenthesis, C8) or fronted at the head of its sentence; never across a
sentence (C9). Words inside a BASIS (``đạt 101% kế hoạch năm 2019``) are no cue. A comparison
figure of an earlier period (``cùng kỳ năm trước tăng 10,2%``) takes only the cues after its TIME
(C25). A value for a period after the report's own year is a ``target`` whatever its words (C21),
and so is an ``ước`` for it (C19).

``basis`` stays as the relation linker set it. The clause-level functions here
(:func:`clause_period`, :func:`clause_status`) also give the quantity ruler its first resolution,
before any relation exists.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import Errors, VnieError
from .extensions import RELATIONS_ATTR, SPAN_ATTRS_ATTR, SPAN_GROUP, TEXT_CACHE_SIZE, doc_text, register
from .periods import PeriodContext, month_half, month_span, year_to_day
from .serialization import ConfigSerializable
from .timex import CAPTION_CREDIT, document_context, headline

_CLAUSE_BREAK = re.compile(r";|[.!?…](?=\s)|\n|\|")
#: the alternatives of :data:`_CLAUSE_BREAK` apart, for :func:`_breaks`; a sentence breaks at the
#: same places but ``;``
_STOP = re.compile(r"[.!?…](?=\s)")
_CLAUSE_MARK = re.compile(r"[;\n|]")
_ESTIMATE = re.compile(r"(?<!\w)(?:ước|ước tính|ước đạt|dự ước|ước thực hiện)(?!\w)", re.I)
#: plan, goal and forecast cues; ``mục tiêu`` of a customer or market segment is none
_TARGET = re.compile(
    r"(?<!\w)(?:phấn đấu|(?<!khách hàng )(?<!thị trường )(?<!nhóm )mục tiêu|(?<!các )(?<!những )(?<!nhiều )chỉ tiêu(?!\s+(?:tài chính|kinh tế|này|quan trọng|chính|khác))|dự kiến|(?<!so với )(?<!hoàn thành )(?<!vượt )(?<!đạt )(?<!thực hiện )kế hoạch(?!\s+và\s+đầu tư)|sẽ|dự báo|"
    r"kỳ vọng|định hướng|đặt ra|đề ra|hướng tới|nhắm|đặt mục tiêu)(?!\w)",
    re.I,
)
#: the plan a value is measured against (``đạt 55,5% chỉ tiêu UBND giao (63.000 tỷ đồng)``): a
#: comparison, not a cue for the values after it in the clause
_PLAN_AFTER_VALUE = re.compile(r"(?<=%\s)(?:kế hoạch|chỉ tiêu|dự toán|mục tiêu)[^,;()]*(?:\([^()]*\))?", re.I)
#: a value in parentheses right after that plan (``dự toán (115.000``, ``(dự toán giao 338.000``)
_PLAN_FIGURE = re.compile(r"(?:kế hoạch|chỉ tiêu|dự toán|mục tiêu)[^,;()%]*\(\s*(?:(?:kế hoạch|chỉ tiêu|dự toán)[^()\d]*)?$", re.I)
#: forecast words that, beside ``ước``, only say that the period is not over (C30)
_FUTURE_TENSE = frozenset({"sẽ", "dự kiến", "dự báo"})
#: a fronted ``Ước`` / ``Ước tính`` heading the sentence reaches all its clauses
_FRONTED_ESTIMATE = re.compile(r"(?:^|\s)[Uu]ớc(?:\s|$)")
#: the TIME of a comparison figure (C25): ``cùng kỳ năm trước tăng 10,2%``
_COMPARISON_TIME = re.compile(r"^cùng\s+k[ỳì]", re.I)
#: words before the TIME of a figure given for comparison (``trong khi năm 2017 là``, ``(năm 2017 đạt``)
_COMPARED_BEFORE = re.compile(r"(?:(?<!\w)(?:trong khi|so với|cao hơn|thấp hơn)\s+|\(\s*)$", re.I)

#: a comparison earlier in the TIME's clause (``so với con số 1.540 tỷ đồng của năm 2017``)
_COMPARED_IN_CLAUSE = re.compile(r"(?<!\w)(?:so với|trong khi)(?!\w)", re.I)


def _in_caption(text: str, position: int) -> bool:
    """Whether ``position`` is on a caption's line (one with a source or photo credit): the periods
    of a chart's title are not the report's, and are not carried on to the text after it."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return CAPTION_CREDIT.search(text, start, len(text) if end < 0 else end) is not None


def _compared_earlier(text: str, time: Span, period: str, report_year: int | None) -> bool:
    """Whether ``time`` dates a figure of an earlier year given for comparison: the values after it
    go on with the report's own period, not with it."""
    year = re.match(r"\d{4}", period)
    if report_year is None or year is None or int(year.group()) >= report_year:
        return False
    if _COMPARED_BEFORE.search(text[max(0, time.start_char - 20) : time.start_char]):
        return True
    # ``so với con số 1.540 tỷ đồng của năm 2017``: the year of the figure compared with
    return bool(_COMPARED_IN_CLAUSE.search(text, clause_start(text, time.start_char), time.start_char))


_CUTOFF = re.compile(r"(?:tính\s+đến|đến\s+hết|tính\s+hết|(?:lũy|luỹ)\s+kế\s+(?:đến|tới)(?:\s+hết)?|tới\s+hết|đến|tới|(?<!\w)hết)"
                     r"(?:\s+(?:ngày|hết|cuối))?\s*$", re.I)
_START = re.compile(r"(?:từ|kể từ)(?:\s+ngày)?\s*$", re.I)
#: measures that exist at a point in time (C23)
_STOCK_WORDS = re.compile(r"tổng tài sản|dư nợ|tồn kho|nợ xấu|nợ phải trả|vốn điều lệ|vốn chủ sở hữu|số dư|"
                          r"tiền gửi|huy động|cho vay|nợ công|thời điểm|số lượng|lỗ (?:lũy|luỹ) kế|(?:lũy|luỹ) kế lỗ")


@dataclass(frozen=True)
class Anchor:
    """A TIME or BASIS span already in the document, with its normalized value."""

    start: int
    end: int
    label: str
    value: str | None


def clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` starts (after ``;`` or a sentence end)."""
    breaks = _breaks(text)
    return _last_break(text, position, breaks.clause_marks, breaks.stops, 400)


def clause_end(text: str, position: int) -> int:
    match = _CLAUSE_BREAK.search(text, position)
    return match.start() if match else len(text)


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts."""
    breaks = _breaks(text)
    return _last_break(text, position, breaks.sentence_marks, breaks.stops, 600)


@dataclass(frozen=True)
class _Breaks:
    """Where the one-character breaks of a text are, sorted: ``stops`` (``.!?…`` before whitespace)
    and the marks that break by themselves (``;`` for clauses only, line breaks, ``|``)."""

    stops: list[int]
    clause_marks: list[int]
    sentence_marks: list[int]


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _breaks(text: str) -> _Breaks:
    """The breaks of ``text``, found once for all the values of a document."""
    clause_marks = [match.start() for match in _CLAUSE_MARK.finditer(text)]
    return _Breaks(
        stops=[match.start() for match in _STOP.finditer(text)],
        clause_marks=clause_marks,
        sentence_marks=[position for position in clause_marks if text[position] != ";"],
    )


def _last_break(text: str, position: int, marks: list[int], stops: list[int], window_size: int) -> int:
    """After the last break in the ``window_size`` characters before ``position`` (``position >= 0``),
    else the window's start: the last match of the break pattern in that window, searched as a
    string of its own, so a stop right before ``position`` does not count (its whitespace is
    outside the window)."""
    floor = max(0, position - window_size)
    end = min(position, len(text))
    last = -1
    mark = bisect.bisect_left(marks, end) - 1
    if mark >= 0 and marks[mark] >= floor:
        last = marks[mark]
    stop = bisect.bisect_left(stops, end - 1) - 1
    if stop >= 0 and stops[stop] >= floor:
        last = max(last, stops[stop])
    return position - end + last + 1 if last >= 0 else floor


# --------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------


#: measures that are balances at a point in time (C23), named by the value's INDICATOR
_STOCK_MEASURES = re.compile(
    r"tài sản|nợ phải trả|nợ ngắn hạn|nợ dài hạn|dư nợ|nợ xấu|nợ thuế|nợ công|^(?:số |khoản |tổng )?nợ\b|vay nợ|nợ vay|^vay,? nợ|nợ ngân hàng|"
    r"tồn kho|vốn điều lệ|vốn chủ sở hữu|số dư|tiền gửi|huy động|cho vay|(?:lỗ|lãi) (?:lũy|luỹ) kế|lao động$|"
    r"tín dụng|lợi nhuận chưa phân phối|^(?:tổng )?đàn\b|dự trữ ngoại hối",
    re.I,
)
#: flows and rates named with a stock's words (``lãi tiền gửi``, ``lãi suất huy động``, ``vốn điều lệ tăng thêm``)
_NOT_STOCK_MEASURES = re.compile(r"lãi suất|lãi tiền gửi|thu nhập|chi phí|tăng thêm|mới|giải ngân|thu hồi|trả nợ|phát sinh", re.I)
_PERIOD_START = re.compile(r"(?:^|(?<!tháng)(?<!quý)(?<!nửa)(?<!ngày)(?<!tuần)\s)((?:hồi\s+)?đầu\s+(?:năm|kỳ|kì))\b[^.;\n]*$", re.I)
_COMPARED_START = re.compile(r"(?:so với|so|từ|hơn|với)\s+$", re.I)


def is_stock_measure(indicator: str) -> bool:
    """Whether an INDICATOR names a balance (C23: ``tổng tài sản``, ``dư nợ``), not a flow or a rate."""
    return bool(_STOCK_MEASURES.search(indicator)) and not _NOT_STOCK_MEASURES.search(indicator)


def _against_previous_month(basis: Span | None) -> bool:
    return basis is not None and re.search(r"tháng\s+trước", basis.text, re.I) is not None


def _month_times(spans: list[Span], context: PeriodContext) -> list[tuple[int, str]]:
    """``(offset, period)`` of the TIMEs that name one month, after the report's own month (at 0)."""
    months = [(-1, f"{context.year_text}-{context.month:02d}")] if context.month else []
    for span in spans:
        period = (span._.get(SPAN_ATTRS_ATTR) or {}).get("period") if span.label_ == "TIME" else None
        if period and re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}", period):
            months.append((span.start_char, period))
    return months


def _month_before(months: list[tuple[int, str]], start: int) -> str | None:
    """A value compared with the previous month is a month's figure: the last month named before
    it, else the report's month (GUIDELINES "Periods": what the text plainly sets)."""
    before = [period for offset, period in months if offset < start]
    return before[-1] if before else None


def _measures_stock(span: Span, indicator: Span | None) -> bool:
    """A stock's level or change (C23), or a bad-debt ratio, judged from the value's INDICATOR."""
    if indicator is None or not is_stock_measure(indicator.text):
        return False
    kind = (span._.get(SPAN_ATTRS_ATTR) or {}).get("kind")
    return kind in ("level", "change") or (kind in ("share", "ratio") and "nợ xấu" in indicator.text.lower())


_YEARS = re.compile(r"(\d{4})/(\d{4})")
_FROM = re.compile(r"(?<!\w)từ\s+(?:mức\s+)?(?:hơn\s+|gần\s+|khoảng\s+)?$", re.I)
_TO = re.compile(r"(?<!\w)(?:lên|xuống|còn|đến|tới)\s+(?:mức\s+)?(?:hơn\s+|gần\s+|khoảng\s+)?$", re.I)


def _single_amount(span: Span) -> bool:
    """A value that is no range (``từ 4 đến 5%``) and no rate over its stretch (``5%/năm``)."""
    attrs = span._.get(SPAN_ATTRS_ATTR) or {}
    return attrs.get("value_max") is None and not str(attrs.get("unit") or "").endswith("/năm")


def _end_of_stretch(text: str, start: int, period: str) -> str:
    """In ``Trong giai đoạn 2014 - 2017, doanh thu tăng từ 2.802 tỷ đồng lên 11.632 tỷ đồng`` the
    value after ``từ`` is the stretch's first year, the one after ``lên`` its last."""
    years = _YEARS.fullmatch(period)
    lead = text[clause_start(text, start) : start]
    if _FROM.search(lead):
        return years[1]
    if _TO.search(lead) and re.search(r"(?<!\w)từ\s", lead):
        return years[2]
    return period


def _headline_periods(text: str, resolved: list["Resolution"], times: dict) -> list["Resolution"]:
    """A figure of the headline with no TIME of its own repeats one the body gives (``Xuất siêu kỷ
    lục 19,5 tỷ USD`` … ``xuất siêu tới 19,5 tỷ USD`` in ten months; ``hơn 18 tỷ USD`` … ``18,72 tỷ
    USD``): it takes that figure's period, not the report's year."""
    first = headline(text)
    if not first:
        return resolved
    body = [r for r in resolved if r.span.start_char > len(first)]
    out = []
    for r in resolved:
        if r.span.end_char <= len(first) and (r.span.start_char, r.span.end_char) not in times:
            same = next((b for b in body if _same_figure(r.span, b.span)), None)
            if same is not None and same.period is not None:
                r = Resolution(r.span, same.period, r.status)
        out.append(r)
    return out


def _same_figure(rounded: Span, body: Span) -> bool:
    """The same amount in the same unit, or a rounding of it (``hơn 18 tỷ USD`` for 18,72)."""
    a, b = rounded._.get(SPAN_ATTRS_ATTR) or {}, body._.get(SPAN_ATTRS_ATTR) or {}
    if a.get("unit") != b.get("unit") or a.get("kind") != b.get("kind") or not a.get("value") or not b.get("value"):
        return False
    x, y = abs(a["value"]), abs(b["value"])
    if a.get("bound") in (">", ">="):
        return x <= y < x * 1.1
    if a.get("bound") == "~":
        return abs(x - y) <= 0.1 * x
    return abs(x - y) <= 1e-9 * x


_HALF_MONTH = re.compile(r"period:(\d{4})-(\d{2})-(?:01/\1-\2-15|(16)/\1-\2-\d{2})")


def _half_after(basis: Span | None) -> str | None:
    """A value compared with a half-month (``so với kỳ 1``, ``so với nửa cuối tháng 8``) and naming no
    period of its own is the half-month after it, as customs reports compare each half with the one
    before (``2020-08-16/2020-08-31`` → ``2020-09-01/2020-09-15``)."""
    value = (basis._.get(SPAN_ATTRS_ATTR) or {}).get("basis") if basis is not None else None
    half = _HALF_MONTH.fullmatch(value or "")
    if half is None:
        return None
    year, month = int(half[1]), int(half[2])
    if half[3] is None:
        return month_half(half[1], month, first=False)
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return month_half(f"{year:04d}", month, first=True)


def _is_day(period: str | None) -> bool:
    return period is not None and re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}-\d{2}", period) is not None


def stock_period(text: str, start: int, period: str | None) -> str | None:
    """C23: a stock level's period as a day: the named period's last day, or its first day when the
    value is measured at its start (``đầu năm``); a day stays."""
    if period is None or _is_day(period):
        return period
    lead = text[clause_start(text, start) : start]
    at_start = _PERIOD_START.search(lead)
    if at_start is not None and not _COMPARED_START.search(lead[: at_start.start(1)]):
        first = re.match(r"(\d{4}|XXXX)(?:-(\d{2}))?", period)
        return f"{first[1]}-{first[2] or '01'}-01" if first and "/" not in period else period
    return _last_day(period.split("/")[-1]) or period


def is_stock(text: str, start: int) -> bool:
    """Whether the value at ``start`` measures a stock (C23), judged from its clause and sentence."""
    lead = min(clause_start(text, start), sentence_start(text, start))
    return bool(_STOCK_WORDS.search(text[lead:start].lower()))


def anchor_period(text: str, anchor: Anchor, stock: bool) -> str | None:
    """The period a TIME gives the values linked to it: a cut-off date is the year to that date for
    a flow (C1) and the date for a stock (C23); ``cuối`` + a period is its last day for a stock
    (C28); a start date is the day (C15); another plain day sets no period (None)."""
    value = anchor.value
    if value is None:
        return None
    day = re.fullmatch(r"(\d{4}|XXXX)-(\d{2})-(\d{2})", value)
    month = re.fullmatch(r"(\d{4}|XXXX)-(\d{2})", value)
    lead = text[max(0, anchor.start - 24) : anchor.start]
    cutoff = _CUTOFF.search(lead) is not None
    if day is not None:
        if cutoff:
            return value if stock else year_to_day(day[1], int(day[2]), int(day[3]))
        if re.search(r"thời điểm\s*(?:ngày\s*)?$", lead):
            return value  # C23: ``tại thời điểm 30/6/2019, tổng tài sản ...``
        return value if _START.search(lead) else None  # C15; other days set no period
    if month is not None and cutoff and not stock:
        return month_span(month[1], 1, int(month[2]))
    quarter = re.fullmatch(r"(\d{4}|XXXX)-(?:Q([1-4])|H([12]))", value)
    if quarter is not None and cutoff and not stock:  # C1: ``tính đến hết quý 3/2020`` → months 1-9
        return month_span(quarter[1], 1, 3 * int(quarter[2]) if quarter[2] else 6 * int(quarter[3]))
    if stock and re.search(r"\bcuối\s+$", lead.lower()):
        return _last_day(value) or value  # C28 + C23: ``tổng tài sản ... cuối năm 2014`` → 2014-12-31
    return value


def _last_day(period: str) -> str | None:
    """The last day of a year, half, quarter, month or day (``2019-H1`` → ``2019-06-30``)."""
    match = re.fullmatch(r"(\d{4}|XXXX)(?:-(?:H([12])|Q([1-4])|(\d{2}))(?:-(\d{2}))?)?", period)
    if match is None:
        return None
    year, half, quarter, month, day = match.groups()
    if day is not None:
        return period
    last_month = int(month) if month else 6 * int(half) if half else 3 * int(quarter) if quarter else 12
    days = calendar.monthrange(2000 if year == "XXXX" else int(year), last_month)[1]
    return f"{year}-{last_month:02d}-{days:02d}"


def report_period(report_year: int | None) -> str:
    """The period of a value the text sets nothing else for: the report's year, or ``XXXX``."""
    return "XXXX" if report_year is None else f"{report_year:04d}"


def clause_period(text: str, start: int, anchors: list[Anchor], carried: str | None, report_year: int | None) -> str | None:
    """A first period before relations exist: the TIME of the value's clause (before it, else after
    it), else the sentence's, else the period carried from the previous values, else the report's
    year."""
    limit, stop = clause_start(text, start), clause_end(text, start)
    sentence = sentence_start(text, start)
    stock = is_stock(text, start)
    nearby = [a for a in anchors if a.label == "TIME" and sentence <= a.start < stop]
    times = [(a, p) for a in nearby for p in [anchor_period(text, a, stock)] if p is not None]
    before = [p for a, p in times if limit <= a.start < start]
    if before:
        return before[-1]
    after = [p for a, p in times if start < a.start < stop]
    if after:
        return after[0]
    earlier = [p for a, p in times if sentence <= a.start < start]
    if earlier:
        return earlier[-1]
    if carried is not None:
        return carried
    return None if report_year is None else report_period(report_year)


# --------------------------------------------------------------------------------------------
# Status
# --------------------------------------------------------------------------------------------


def _masked(text: str, start: int, end: int, regions: Iterable[tuple[int, int]]) -> str:
    """``text[start:end]`` with the characters of ``regions`` blanked (BASIS words are no cue)."""
    regions = [(a, b) for a, b in regions if a < end and start < b]
    if not regions:
        return text[start:end]
    chars = list(text[start:end])
    for a, b in regions:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = " "
    return "".join(chars)


def clause_status(text: str, start: int, limit: int, period: str | None, report_year: int | None,
                  masked: Iterable[tuple[int, int]] = (), fronted_limit: int | None = None) -> str:
    """``target``, ``estimate`` or ``actual`` for the value at ``start`` whose cue window starts at
    ``limit`` (its clause start, or the TIME of a comparison figure, C25); ``masked`` regions (BASIS
    spans) hold no cue. A sentence-initial ``Ước`` reaches the whole sentence unless
    ``fronted_limit`` is given (C25: only the cues after a comparison TIME count)."""
    masked = list(masked)
    left = _masked(text, limit, start, masked)
    future = bool(period and report_year and re.match(r"\d{4}", period) and int(period[:4]) > report_year)
    head_from = sentence_start(text, start) if fronted_limit is None else fronted_limit
    head = _masked(text, head_from, min(limit, start), masked) if head_from < limit else ""
    estimated = bool(_ESTIMATE.search(left) or _FRONTED_ESTIMATE.search(head))
    targets = {m.group().lower() for m in _TARGET.finditer(left)}
    if targets and not (estimated and targets <= _FUTURE_TENSE):
        return "target"  # C30: ``ước ... sẽ đạt`` stays an estimate
    if estimated:
        return "target" if future else "estimate"  # C19: ``ước`` for a period not begun is a forecast
    return "target" if future else "actual"  # C21


# --------------------------------------------------------------------------------------------
# The component
# --------------------------------------------------------------------------------------------


@Language.factory(
    "vnie_attribute_resolver",
    requires=["doc.spans", "doc._.vnie_relations"],
    assigns=[f"span._.{SPAN_ATTRS_ATTR}"],
    default_config={"spans_key": SPAN_GROUP, "carry_periods": True},
    default_score_weights={},
)
def make_attribute_resolver(nlp: Language, name: str, *, spans_key: str, carry_periods: bool) -> "AttributeResolver":
    register()
    return AttributeResolver(name=name, spans_key=spans_key, carry_periods=carry_periods)


@dataclass(frozen=True)
class Resolution:
    """The resolved ``period`` and ``status`` of one QUANTITY span."""

    span: Span
    period: str | None
    status: str


class AttributeResolver(ConfigSerializable):
    """Sets each QUANTITY's ``period`` and ``status`` from its ``time`` relation and the text around
    it; runs after ``vnie_relation_linker``.

    ``carry_periods``: give a value without a period of its own the period set for the values before
    it (GUIDELINES "Periods": a period stated earlier for the same report); when False, the report's
    year.
    """

    def __init__(self, *, name: str = "vnie_attribute_resolver", spans_key: str = SPAN_GROUP, carry_periods: bool = True) -> None:
        register()
        self.name = name
        self.spans_key = spans_key
        self.carry_periods = carry_periods

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.predict(doc))

    def predict(self, doc: Doc) -> list[Resolution]:
        text = doc_text(doc)
        spans = sorted(doc.spans.get(self.spans_key, []), key=lambda s: s.start_char)
        relations = doc._.get(RELATIONS_ATTR) or []
        times = {(h.start_char, h.end_char): t for h, label, t in relations if label == "time"}
        indicators = {(h.start_char, h.end_char): t for h, label, t in relations if label == "indicator"}
        basis_links = {(h.start_char, h.end_char): t for h, label, t in relations if label == "basis"}
        bases = [(s.start_char, s.end_char) for s in spans if s.label_ == "BASIS"]
        dates = document_context(text)
        report_year = dates.report_year
        months = _month_times(spans, dates.context)
        carried: str | None = None
        resolved = []
        for span in (s for s in spans if s.label_ == "QUANTITY"):
            start = span.start_char
            time = times.get((start, span.end_char))
            period = None
            if time is not None:
                anchor = Anchor(time.start_char, time.end_char, "TIME", (time._.get(SPAN_ATTRS_ATTR) or {}).get("period"))
                period = anchor_period(text, anchor, is_stock(text, start))
                if period is not None and _YEARS.fullmatch(period) and _single_amount(span):
                    period = _end_of_stretch(text, start, period)
                if period is not None and not _COMPARISON_TIME.match(time.text) and not _compared_earlier(text, time, period, report_year) \
                        and not _in_caption(text, time.start_char):
                    carried = period
                if period is None and _measures_stock(span, indicators.get((start, span.end_char))) and _is_day(anchor.value):
                    period = anchor.value  # C23: a balance at a day (``tại ngày 31/12/2016, vay, nợ ngân hàng là``), not carried on
            if period is None and _against_previous_month(basis_links.get((start, span.end_char))):
                period = _month_before(months, start)
            if period is None and time is None:
                period = _half_after(basis_links.get((start, span.end_char)))
            if period is None:
                period = carried if self.carry_periods and carried is not None else report_period(report_year)
            if _measures_stock(span, indicators.get((start, span.end_char))):
                period = stock_period(text, start, period)
            resolved.append(Resolution(span, period, self._status(text, span, time, period, report_year, bases)))
        return _headline_periods(text, resolved, times)

    @staticmethod
    def _status(text: str, span: Span, time: Span | None, period: str | None, report_year: int | None,
                bases: list[tuple[int, int]]) -> str:
        start = span.start_char
        limit = clause_start(text, start)
        if _PLAN_FIGURE.search(text, max(limit, start - 60), start):
            return "target"  # the plan's own figure: ``đạt 72,14% dự toán (115.000 tỷ đồng)``
        bases = bases + [m.span() for m in _PLAN_AFTER_VALUE.finditer(text, limit, start)]
        if time is not None and _COMPARISON_TIME.match(time.text) and limit <= time.start_char < start:
            return clause_status(text, start, time.start_char, period, report_year, bases, fronted_limit=time.start_char)
        return clause_status(text, start, limit, period, report_year, bases)

    def set_annotations(self, doc: Doc, resolved: list[Resolution]) -> Doc:
        for item in resolved:
            attrs = dict(item.span._.get(SPAN_ATTRS_ATTR) or {})
            attrs["period"], attrs["status"] = item.period, item.status
            item.span._.set(SPAN_ATTRS_ATTR, attrs)
        return doc

    def _get_config(self) -> dict[str, Any]:
        return {"spans_key": self.spans_key, "carry_periods": self.carry_periods}

    def _set_config(self, config: dict[str, Any]) -> None:
        unknown = set(config) - {"spans_key", "carry_periods"}
        if unknown:
            raise VnieError(Errors.E015.format(component=self.name, keys=sorted(unknown)))
        self.spans_key = config.get("spans_key", SPAN_GROUP)
        carry = config.get("carry_periods", True)
        if not isinstance(carry, bool):
            raise VnieError(Errors.E030.format(value=carry))
        self.carry_periods = carry

