"""The normalized period and basis values of GUIDELINES.md, and checks of their form.

Periods: ``2024`` (year), ``2024-H1`` (half), ``2024-Q3`` (quarter), ``2024-08`` (month),
``2024-01-09`` (day), and spans ``A/B`` of two periods of the same form (``2024-01/2024-08``,
``2021/2025``). ``XXXX`` stands for an unknown year. Bases: ``same_period_last_year``,
``previous_period``, ``plan`` or ``period:`` followed by a period.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass

from .document import NAMED_BASES

_YEAR = r"(?P<year>\d{4}|XXXX)"
_SINGLE = re.compile(
    _YEAR + r"(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?"
)


def _single_form(period: str) -> str | None:
    """The granularity of a single period (``year``, ``half``, ...), or None if malformed."""
    match = _SINGLE.fullmatch(period)
    if match is None:
        return None
    month, day = match["month"], match["day"]
    if month is not None and not 1 <= int(month) <= 12:
        return None
    if day is not None:
        year = 2000 if match["year"] == "XXXX" else int(match["year"])  # 2000 is a leap year
        if not 1 <= int(day) <= calendar.monthrange(year, int(month))[1]:
            return None
        return "day"
    for form in ("half", "quarter", "month"):
        if match[form] is not None:
            return form
    return "year"


def is_period(period: object) -> bool:
    """True for a well-formed normalized period string."""
    if not isinstance(period, str):
        return False
    parts = period.split("/")
    if len(parts) == 1:
        return _single_form(parts[0]) is not None
    if len(parts) != 2:
        return False
    first, second = (_single_form(part) for part in parts)
    return first is not None and first == second and parts[0] < parts[1]


def is_basis(basis: object) -> bool:
    """True for a well-formed normalized basis string."""
    if not isinstance(basis, str):
        return False
    if basis in NAMED_BASES:
        return True
    return basis.startswith("period:") and is_period(basis.removeprefix("period:"))


def period_form(period: object) -> str:
    """The form of a period, for counting: ``year``, ``half``, ``quarter``, ``month``, ``day``,
    ``span of <form>``, with ``unknown year`` for ``XXXX``; ``none`` for None."""
    if period is None:
        return "none"
    if not is_period(period):
        return "invalid"
    parts = str(period).split("/")
    form = _single_form(parts[0]) or "invalid"
    if len(parts) == 2:
        form = f"span of {form}s"
    return f"{form}, unknown year" if str(period).startswith("XXXX") else form


# --------------------------------------------------------------------------------------------
# Normalization: from a Vietnamese calendar expression to a period string
# --------------------------------------------------------------------------------------------

UNKNOWN_YEAR = "XXXX"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
#: number words that count months or years in calendar expressions (``hai năm qua``)
_COUNT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}


@dataclass(frozen=True)
class PeriodContext:
    """What a text sets for its relative expressions: the report's year and month, if known, and
    the day when the text states the date its figures run to (``tính đến ngày 15/12/2020``)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def year_text(self) -> str:
        return UNKNOWN_YEAR if self.year is None else f"{self.year:04d}"

    def shifted(self, years: int) -> str:
        return UNKNOWN_YEAR if self.year is None else f"{self.year + years:04d}"


def month_span(year: str, first: int, last: int) -> str:
    """The shortest form of the months ``first..last`` of ``year``: a quarter, half or year when exact."""
    if first == last:
        return f"{year}-{first:02d}"
    if (first, last) == (1, 12):
        return year
    if (first, last) in ((1, 6), (7, 12)):
        return f"{year}-H{1 if first == 1 else 2}"
    if last - first == 2 and first % 3 == 1:
        return f"{year}-Q{(first + 2) // 3}"
    return f"{year}-{first:02d}/{year}-{last:02d}"


_MONTHS_OF_ONE_YEAR = re.compile(r"(\d{4}|XXXX)-(\d{2})/\1-(\d{2})")


def shortest_form(period: str) -> str:
    """``period`` in the shortest form GUIDELINES.md asks for (``2020-10/2020-12`` → ``2020-Q4``)."""
    match = _MONTHS_OF_ONE_YEAR.fullmatch(period)
    return month_span(match[1], int(match[2]), int(match[3])) if match else period


def shift_period(period: str, years: int) -> str | None:
    """``period`` moved by ``years`` (``2020-01/2020-05``, -1 → ``2019-01/2019-05``); None for XXXX."""
    if UNKNOWN_YEAR in period:
        return period
    shifted = re.sub(r"\d{4}", lambda m: f"{int(m.group()) + years:04d}", period)
    return shifted if is_period(shifted) else None


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _COUNT_WORDS.get(word)


def _quarter(word: str) -> int | None:
    number = _ROMAN.get(word.upper()) if not word.isdigit() else int(word)
    return number if number is not None and 1 <= number <= 4 else None


def _year(text: str | None, context: PeriodContext) -> str:
    if text is None:
        return context.year_text
    return text if len(text) == 4 else f"20{text}"


def _day(year: str, month: int, day: int) -> str | None:
    period = f"{year}-{month:02d}-{day:02d}"
    return period if is_period(period) else None


_NUM = r"(\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?)"
_YR = r"(?:\s*/\s*|\s*-\s*|\s+năm\s+|\s+)(\d{4})"
_Q = r"(\d|I{1,3}|IV)"
_DATE = r"(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?"

#: (pattern, builder) pairs tried in order; each builder gets the match and the context
_PERIOD_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], PeriodContext], str | None]]] = []


def _rule(pattern: str):
    def register(builder):
        _PERIOD_RULES.append((re.compile(pattern, re.IGNORECASE), builder))
        return builder

    return register


@_rule(_DATE + r"\s*(?:-|–|đến|tới)\s*" + _DATE)
def _day_range(m: re.Match[str], c: PeriodContext) -> str | None:
    year2 = _year(m[6], c)
    year1 = _year(m[3], c) if m[3] else year2
    first, last = _day(year1, int(m[2]), int(m[1])), _day(year2, int(m[5]), int(m[4]))
    if not (first and last and first < last):
        return None
    if year1 == year2 and int(m[1]) == 1 and last == _month_end(year2, int(m[5])):
        return month_span(year2, int(m[2]), int(m[5]))  # whole months: the shortest form
    return f"{first}/{last}"


def _month_end(year: str, month: int) -> str:
    days = calendar.monthrange(2000 if year == UNKNOWN_YEAR else int(year), month)[1]
    return f"{year}-{month:02d}-{days:02d}"


def month_half(year: str, month: int, first: bool) -> str:
    """A customs half-month: days 1-15 (``first``) or the 16th to the month's end."""
    return f"{year}-{month:02d}-01/{year}-{month:02d}-15" if first else f"{year}-{month:02d}-16/{_month_end(year, month)}"


@_rule(r"(\d{1,2})\s*(?:-|–|đến)\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")
def _days_of_month(m: re.Match[str], c: PeriodContext) -> str | None:
    """``2 - 6/12``: days of one month."""
    year = _year(m[4], c)
    first, last = _day(year, int(m[3]), int(m[1])), _day(year, int(m[3]), int(m[2]))
    return f"{first}/{last}" if first and last and first < last else None


@_rule(_DATE)
def _date(m: re.Match[str], c: PeriodContext) -> str | None:
    return _day(_year(m[3], c), int(m[2]), int(m[1]))


@_rule(r"quý\s+" + _Q + r"(?:\s*/\s*(\d{4}))?\s+niên độ(?:\s+tài chính)?\s+(\d{4})\s*[-–]\s*(\d{4})")
def _fiscal_quarter(m: re.Match[str], c: PeriodContext) -> str | None:
    """C10: the quarter as written (``quý 2/2020 niên độ 2020-2021`` → 2020-Q2); without its own
    year, in the fiscal year's calendar year that the text is about."""
    quarter = _quarter(m[1])
    if m[3] >= m[4]:
        return None
    year = m[2] or (str(c.year) if c.year is not None and str(c.year) in (m[3], m[4]) else m[3])
    return None if quarter is None else f"{year}-Q{quarter}"


@_rule(r"(?:giai đoạn\s+|niên độ(?:\s+tài chính)?\s+|(?:hai|2)\s+năm\s+|năm\s+)?(\d{4})\s*(?:-|–|—|đến|tới|và)\s*(?:năm\s+)?(\d{4})")
def _year_range(m: re.Match[str], c: PeriodContext) -> str | None:
    return f"{m[1]}/{m[2]}" if m[1] < m[2] else None


@_rule(r"quý\s+" + _Q + r"\s*(?:-|–|đến|tới)\s*quý\s+" + _Q + r"(?:" + _YR + r")?")
def _quarter_range(m: re.Match[str], c: PeriodContext) -> str | None:
    first, last = _quarter(m[1]), _quarter(m[2])
    if first is None or last is None or first >= last:
        return None
    return month_span(_year(m[3], c), 3 * first - 2, 3 * last)


@_rule(r"quý\s+" + _Q + r"(?:" + _YR + r")?(?:\s+(?:này|nay|vừa qua))?")
def _one_quarter(m: re.Match[str], c: PeriodContext) -> str | None:
    quarter = _quarter(m[1])
    return None if quarter is None else f"{_year(m[2], c)}-Q{quarter}"


@_rule(r"(?:từ\s+)?đầu năm(?:\s+nay)?(?:\s+(\d{4}))?\s+(?:cho\s+)?đến(?:\s+hết)?(?:\s+cuối)?\s+tháng\s+(\d{1,2})(?:" + _YR + r")?")
def _year_to_month(m: re.Match[str], c: PeriodContext) -> str | None:
    month = int(m[2])
    return month_span(_year(m[3] or m[1], c), 1, month) if 1 <= month <= 12 else None


@_rule(r"(?:từ\s+)?đầu năm(?:\s+nay)?(?:\s+(\d{4}))?\s+(?:cho\s+)?(?:đến|tới)(?:\s+hết)?\s+" + _DATE)
def _year_to_day(m: re.Match[str], c: PeriodContext) -> str | None:
    """C1: from the start of the year to a date, in the shortest form."""
    year = _year(m[4] or m[1], c)
    last = _day(year, int(m[3]), int(m[2]))
    if last is None:
        return None
    if last == _month_end(year, int(m[3])):
        return month_span(year, 1, int(m[3]))
    return f"{year}-01-01/{last}"


@_rule(r"(?:từ\s+)?đầu năm(?:\s+nay)?(?:\s+(\d{4}))?\s+(?:cho\s+)?(?:đến|tới)\s+(?:nay|giờ)")
def _year_to_date(m: re.Match[str], c: PeriodContext) -> str | None:
    if m[1] and c.year is not None and int(m[1]) < c.year:
        return f"{m[1]}/{c.year}"
    if c.month and c.day and m[1] in (None, c.year_text):
        return year_to_day(c.year_text, c.month, c.day)
    return month_span(_year(m[1], c), 1, c.month) if c.month else _year(m[1], c)


def year_to_day(year: str, month: int, day: int) -> str:
    """From the start of ``year`` to the day, in the shortest form (C1): ``2020-01-01/2020-12-15``,
    or the months when the day ends its month (``2018-01/2018-05``)."""
    last = f"{year}-{month:02d}-{day:02d}"
    return month_span(year, 1, month) if last == _month_end(year, month) else f"{year}-01-01/{last}"


@_rule(r"tháng\s+(\d{1,2})(?:" + _YR + r")?(?:\s+(?:này|nay|vừa qua))?")
def _one_month(m: re.Match[str], c: PeriodContext) -> str | None:
    month = int(m[1])
    return f"{_year(m[2], c)}-{month:02d}" if 1 <= month <= 12 else None


@_rule(r"tháng\s+(\d{1,2})(?:" + _YR + r")?\s*(?:-|–|đến)\s*tháng\s+(\d{1,2})(?:" + _YR + r")?")
def _month_range(m: re.Match[str], c: PeriodContext) -> str | None:
    first, last = int(m[1]), int(m[3])
    if m[2] and m[4] and m[2] < m[4] and 1 <= first <= 12 and 1 <= last <= 12:
        return f"{m[2]}-{first:02d}/{m[4]}-{last:02d}"  # ``tháng 11/2018 đến tháng 1/2019``
    year = _year(m[4] or m[2], c)
    return month_span(year, first, last) if 1 <= first < last <= 12 else None


@_rule(r"tháng\s+(\d{1,2})(?:" + _YR + r")?\s*(?:-|–|(?:cho\s+)?đến)\s*nay")
def _month_to_date(m: re.Match[str], c: PeriodContext) -> str | None:
    """``tháng 9/2020 đến nay``: the months to the text's month; from an earlier year, to the text's
    month of its year (the years alone when that month is unknown)."""
    first = int(m[1])
    if not 1 <= first <= 12:
        return None
    if m[2] and c.year is not None and int(m[2]) < c.year:
        return f"{m[2]}-{first:02d}/{c.year}-{c.month:02d}" if c.month else f"{m[2]}/{c.year}"
    if not c.month or not first < c.month:
        return None
    return month_span(_year(m[2], c), first, c.month)


@_rule(r"tháng\s+(\d{1,2})\s*(?:-|–|đến)\s*(\d{1,2})\s*/\s*(\d{4})")
def _months_in_one_year(m: re.Match[str], c: PeriodContext) -> str | None:
    """``tháng 8 - 11/2018``: months of one year, the year written once."""
    first, last = int(m[1]), int(m[2])
    return month_span(m[3], first, last) if 1 <= first < last <= 12 else None


@_rule(r"tháng\s+(\d{1,2}),\s*(\d{1,2})(?:" + _YR + r")?")
def _month_list(m: re.Match[str], c: PeriodContext) -> str | None:
    first, last = int(m[1]), int(m[2])
    return month_span(_year(m[3], c), first, last) if 1 <= first < last <= 12 else None


@_rule(_NUM + r"\s+quý\s+(đầu|cuối)\s+năm(?:\s+nay|\s+(ngoái|trước))?(?:\s+(\d{4}))?")
def _first_quarters(m: re.Match[str], c: PeriodContext) -> str | None:
    """``2 quý đầu năm`` → H1, ``3 quý đầu năm`` → months 1-9, ``3 quý cuối năm`` → months 4-12;
    ``năm ngoái`` the year before the text's."""
    count = _count(m[1])
    if count is None or not 1 <= count <= 4:
        return None
    year = c.shifted(-1) if m[3] else _year(m[4], c)
    return month_span(year, 1, 3 * count) if m[2].lower() == "đầu" else month_span(year, 13 - 3 * count, 12)


@_rule(r"nửa\s+năm\s+(\d{4})")
def _half_year(m: re.Match[str], c: PeriodContext) -> str | None:
    return f"{m[1]}-H1"


@_rule(r"tháng\s+(?:này|nay)|tháng")
def _this_month(m: re.Match[str], c: PeriodContext) -> str | None:
    return f"{c.year_text}-{c.month:02d}" if c.month else None


@_rule(_NUM + r"\s+tháng\s+còn lại(?: của)? năm(?: nay)?")
def _remaining_months(m: re.Match[str], c: PeriodContext) -> str | None:
    count = _count(m[1])
    return month_span(c.year_text, 13 - count, 12) if count and 1 <= count <= 12 else None


@_rule(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
def _iso(m: re.Match[str], c: PeriodContext) -> str | None:
    return m.group()


@_rule(r"(?:kỳ\s+([12])|nửa\s+(đầu|cuối|sau))\s+(?:của\s+)?tháng\s+(\d{1,2}|này|nay)(?:" + _YR + r")?")
def _half_month(m: re.Match[str], c: PeriodContext) -> str | None:
    """The customs half-month periods: ``kỳ 1 tháng 9`` / ``nửa đầu tháng 9`` is days 1-15,
    ``kỳ 2`` / ``nửa cuối`` the 16th to the end; ``tháng này`` is the text's month."""
    year, month = _year(m[4], c), int(m[3]) if m[3].isdigit() else c.month
    if month is None or not 1 <= month <= 12:
        return None
    return month_half(year, month, m[1] == "1" or (m[2] or "").lower() == "đầu")


@_rule(r"kỳ\s+([12])(?:\s+tháng)?(?:\s+vừa qua)?")
def _bare_half_month(m: re.Match[str], c: PeriodContext) -> str | None:
    """``kỳ 1`` / ``kỳ 2`` with no month: that half of the text's month (customs reports)."""
    return month_half(c.year_text, c.month, m[1] == "1") if c.month is not None else None


@_rule(r"(\d{1,2})\s+ngày\s+(đầu|cuối)(?:\s+của)?\s+(?:tháng\s+(\d{1,2})|năm)(?:" + _YR + r")?")
def _days_at_edge(m: re.Match[str], c: PeriodContext) -> str | None:
    """``15 ngày đầu tháng 1 năm 2020``, ``15 ngày cuối năm 2020``: that many days from the start or to the end."""
    count, year = int(m[1]), _year(m[4], c)
    month = int(m[3]) if m[3] else None
    if month is not None and not 1 <= month <= 12:
        return None
    first_month, last_month = (month, month) if month else (1, 12)
    if m[2].lower() == "đầu":
        last = _day(year, first_month, count)
        return f"{year}-{first_month:02d}-01/{last}" if last and count > 1 else last
    end = _month_end(year, last_month)
    first = _day(year, last_month, int(end[-2:]) - count + 1)
    return f"{first}/{end}" if first and count > 1 else end


@_rule(r"quý\s+(đầu|cuối)(?:\s+tiên|\s+cùng)?(?:\s+của)?(?:\s+năm)?(?:" + _YR + r")?")
def _edge_quarter(m: re.Match[str], c: PeriodContext) -> str | None:
    """``quý đầu năm 2017`` / ``quý đầu tiên`` is Q1, ``quý cuối năm`` Q4."""
    return f"{_year(m[2], c)}-Q{1 if m[1].lower() == 'đầu' else 4}"


@_rule(r"tháng\s+(?:đầu(?:\s+tiên)?|cuối(?:\s+cùng)?)(?:\s+của)?\s+năm(?:" + _YR + r")?")
def _edge_month(m: re.Match[str], c: PeriodContext) -> str | None:
    """``tháng đầu tiên của năm 2018`` is January, ``tháng cuối cùng của năm 2020`` December."""
    return f"{_year(m[1], c)}-{1 if 'đầu' in m.group().lower() else 12:02d}"


@_rule(_NUM + r"\s+tháng\s+(đầu|cuối)\s+niên độ")
def _months_of_fiscal_year(m: re.Match[str], c: PeriodContext) -> str | None:
    """C10: the months as written, in the text's year (the fiscal calendar is not used)."""
    count = _count(m[1])
    if count is None or not 1 <= count <= 12:
        return None
    return month_span(c.year_text, 13 - count, 12) if m[2].lower() == "cuối" else month_span(c.year_text, 1, count)


@_rule(r"(?:(?:lũy|luỹ) kế\s+|tính chung\s+)?" + _NUM + r"\s+tháng\s+(?:đầu|cuối)\s+(?:năm(?:\s+(?:nay|này))?(?:\s+(\d{4}))?|(\d{4}))")
def _months_of_year(m: re.Match[str], c: PeriodContext) -> str | None:
    count = _count(m[1])
    if count is None or not 1 <= count <= 12:
        return None
    year = _year(m[2] or m[3], c)
    return month_span(year, 13 - count, 12) if "cuối" in m.group().lower() else month_span(year, 1, count)


@_rule(r"(?:(?:lũy|luỹ) kế\s+|tính chung\s+)?" + _NUM + r"\s+tháng(?:\s*/\s*|\s+(?:năm\s+|đầu\s+năm\s+)?)(\d{4})")
def _months_in_year(m: re.Match[str], c: PeriodContext) -> str | None:
    count = _count(m[1])
    return month_span(m[2], 1, count) if count and 1 <= count <= 12 else None


@_rule(r"(?:(?:lũy|luỹ) kế\s+|tính chung\s+)?" + _NUM + r"\s+tháng(?:\s+(qua|gần đây|vừa qua|năm nay|nay|đầu năm))?")
def _months_so_far(m: re.Match[str], c: PeriodContext) -> str | None:
    count = _count(m[1])
    if count is None or not 1 <= count <= 12:
        return None
    if m[2] in ("qua", "gần đây", "vừa qua") and c.month and count < c.month:
        return month_span(c.year_text, c.month - count + 1, c.month)
    return month_span(c.year_text, 1, count)


@_rule(r"(?:(?:lũy|luỹ) kế\s+)?nửa\s+(đầu|cuối|sau|cuối)(?:\s+của)?\s+năm(?:\s+(?:nay|này))?(?:\s+(\d{4}))?")
def _half(m: re.Match[str], c: PeriodContext) -> str | None:
    return f"{_year(m[2], c)}-H{1 if m[1].lower() == 'đầu' else 2}"


@_rule(r"(?:những|các|mấy)\s+tháng\s+(đầu|cuối|còn lại(?: của)?)\s+năm(?:\s+(?:nay|này))?(?:\s+(\d{4}))?")
def _some_months(m: re.Match[str], c: PeriodContext) -> str | None:
    year = _year(m[2], c)
    if m[1].lower() == "đầu":
        return month_span(year, 1, c.month) if c.month else f"{year}-H1"
    if c.month and c.month < 12:
        return month_span(year, c.month + 1, 12)
    return f"{year}-H2"


@_rule(_NUM + r"\s+năm\s+(qua|gần đây|vừa qua|trở lại đây|trước đó|về trước|trước|tới|sắp tới|tiếp theo)")
def _years_relative(m: re.Match[str], c: PeriodContext) -> str | None:
    count = _count(m[1])
    if count is None or count < 1:
        return None
    if c.year is None:
        return UNKNOWN_YEAR  # ``Hai năm trước`` in a text that names no year
    if m[2] in ("trước", "về trước"):
        return f"{c.year - count:04d}"
    if m[2] == "trước đó":
        return f"{c.year - count:04d}/{c.year - 1:04d}" if count > 1 else f"{c.year - 1:04d}"
    if m[2] in ("tới", "sắp tới", "tiếp theo"):
        return f"{c.year + 1:04d}/{c.year + count:04d}" if count > 1 else f"{c.year + 1:04d}"
    return f"{c.year - count + 1:04d}/{c.year:04d}" if count > 1 else f"{c.year:04d}"


@_rule(r"năm\s+(\d{4})\s+(?:cho\s+)?(?:đến|tới)\s+nay")
def _year_to_now(m: re.Match[str], c: PeriodContext) -> str | None:
    """``từ năm 2015 đến nay``: the years from it to the text's year (the months so far when it is that year)."""
    if c.year is not None and int(m[1]) < c.year:
        return f"{m[1]}/{c.year}"
    return month_span(m[1], 1, c.month) if c.month and m[1] == c.year_text else m[1]


@_rule(r"(?:cả\s+|trong\s+)?năm\s+(nay|này|qua|vừa qua|vừa rồi|trước|trước liền kề|trước đó|ngoái|tới|sau|mới|kế tiếp)")
def _year_relative(m: re.Match[str], c: PeriodContext) -> str | None:
    offset = {"nay": 0, "này": 0, "qua": 0, "vừa qua": 0, "vừa rồi": 0, "trước": -1, "trước liền kề": -1, "trước đó": -1,
              "ngoái": -1}.get(m[1].lower(), 1)
    return c.shifted(offset)


@_rule(r"cùng năm")
def _same_year(m: re.Match[str], c: PeriodContext) -> str | None:
    return c.year_text


@_rule(r"(?:cả|cuối|đầu|hết)?\s*(?:năm\s+)?(\d{4})")
def _one_year(m: re.Match[str], c: PeriodContext) -> str | None:
    return m[1]


@_rule(r"cả\s+năm")
def _whole_year(m: re.Match[str], c: PeriodContext) -> str | None:
    return c.year_text


def normalize_period(text: str, context: PeriodContext = PeriodContext()) -> str | None:
    """The normalized period of a calendar expression, or None if it is not one.

    ``context`` gives the year (and month) that relative expressions are resolved against;
    without a year they get ``XXXX``::

        >>> normalize_period("6 tháng đầu năm 2017")
        '2017-H1'
        >>> normalize_period("Lũy kế 8 tháng", PeriodContext(year=2024))
        '2024-01/2024-08'
        >>> normalize_period("năm trước", PeriodContext(year=2024))
        '2023'
    """
    phrase = _canonical(" ".join(text.replace("\u2013", "–").split()), context)
    for pattern, builder in _PERIOD_RULES:
        match = pattern.fullmatch(phrase)
        if match is not None:
            period = builder(match, context)
            return period if period is not None and is_period(period) else None
    return None


_MONTH_WORDS = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_EDGE_WORD = re.compile(
    r"^(?:cuối\s+(?=tháng\s|quý\s|năm\s+\d+$|năm tài chính)|(?:đầu|cả)\s+(?=tháng\s|quý\s)|(?:lũy|luỹ) kế\s+(?=cả năm))", re.I
)
_MONTH_NAME = re.compile(r"^tháng\s+(mười một|mười hai|giêng|chạp|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?=\s|$)", re.I)
_RELATIVE_TAIL = re.compile(r"^((?:tháng|quý)\s+\S+)\s+năm\s+(nay|này|ngoái|trước)$", re.I)


def _canonical(phrase: str, context: PeriodContext) -> str:
    """The phrase with the words that do not change its period rewritten: ``cuối``/``đầu`` before a
    period (C28), month names (``tháng Tám``), ``năm tài chính``, ``ngày`` inside a range, and a
    year named relative to the text's (``tháng 10 năm ngoái``)."""
    phrase = _EDGE_WORD.sub("", phrase)
    phrase = re.sub(r"^(quý\s+)(?:(IV|I{1,3})(?=\d{4}$)|I\s+V\.?\s+(?=\d{4}$))", lambda m: f"{m[1]}{m[2] or 'IV'} ", phrase)  # typos
    phrase = re.sub(r"^cả\s+(?=\S+\s+tháng(?:\s|$))", "", phrase, flags=re.I)  # ``cả 9 tháng``
    phrase = re.sub(r"(?<=tháng)\s+(?:kể\s+)?từ\s+đầu\s+năm(?=\s+\d{4}$|\s+nay$|$)", " đầu năm", phrase, flags=re.I)
    phrase = re.sub(r"^giữa\s+(?=tháng\s.*(?:-|–|đến))|(?<=đến\s)giữa\s+(?=tháng\s)", "", phrase, flags=re.I)
    phrase = re.sub(r"^năm tài (?:chính|khóa|khoá)\s+", "năm ", phrase, flags=re.I)
    phrase = re.sub(r"(?<=\s)ngày\s+(?=\d)", "", phrase, flags=re.I)
    phrase = _MONTH_NAME.sub(lambda m: f"tháng {_MONTH_WORDS[m[1].lower()]}", phrase)
    relative = _RELATIVE_TAIL.match(phrase)
    if relative is not None:
        offset = -1 if relative[2].lower() in ("ngoái", "trước") else 0
        phrase = f"{relative[1]} năm {context.shifted(offset)}" if context.year is not None else relative[1]
    return phrase


# --------------------------------------------------------------------------------------------
# Bases
# --------------------------------------------------------------------------------------------

_SAME_PERIOD = re.compile(r"cùng\s+k[ỳì]|cùng\s+năm\s+(?:trước|ngoái)", re.IGNORECASE)
_PREVIOUS = re.compile(r"(?:tháng|quý|kỳ|tuần|ngày)\s+(?:trước(?:\s+liền kề)?|liền trước)$", re.IGNORECASE)
_PLAN = re.compile(r"kế hoạch|dự toán|chỉ tiêu|mục tiêu|\bKH\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"(?:(?:một|1)\s+)?năm\s+(?:trước|ngoái)(?:\s+đó)?$", re.IGNORECASE)
_BASIS_LEAD = re.compile(
    r"^(?:so\s+với|so|với)\s+(?:(?:ước\s+)?thực hiện\s+|hồi\s+|thời điểm\s+|bình quân\s+|mức\s+(?:thặng dư\s+|tăng\s+)?|"
    r"con số\s+|số\s+(?:thặng dư\s+)?|kết quả(?:\s+kinh doanh)?(?:\s+thực tế)?(?:\s+của)?\s+|trong\s+)*", re.IGNORECASE,
)


def normalize_basis(text: str, period: str | None = None, context: PeriodContext = PeriodContext()) -> str | None:
    """The normalized basis of a comparison phrase, or None if it names none of the known ones.

    ``period`` is the period of the value compared, used for ``năm trước`` (the year before it)::

        >>> normalize_basis("so với cùng kỳ năm 2023")
        'same_period_last_year'
        >>> normalize_basis("so với năm trước", "2024")
        'period:2023'
    """
    phrase = " ".join(text.split())
    if _SAME_PERIOD.search(phrase):
        return "same_period_last_year"
    if _PLAN.search(phrase):
        return "plan"
    rest = _BASIS_LEAD.sub("", phrase).strip()
    balance = _BALANCE_DATE.fullmatch(rest)
    if balance is not None:  # C23: a balance compared with the one at the year's start or end
        year = int(balance["year"]) if balance["year"] else _first_year(period) if period else context.year
        if year is None:
            return None
        if balance["edge"] == "đầu":
            return f"period:{year:04d}-01-01"
        return f"period:{year - (1 if balance['before'] else 0):04d}-12-31"
    if _PREVIOUS.search(rest) and not re.search(r"\d", rest):
        return "previous_period"
    if _LAST_YEAR.fullmatch(rest):
        year = _first_year(period) if period else context.year
        return f"period:{year - 1:04d}" if year is not None else None
    found = normalize_period(rest, context)
    if found is None:
        found = _trailing_period(rest, context)
    return f"period:{found}" if found is not None and UNKNOWN_YEAR not in found else None


#: the start or the end of a year as the date of a balance (``đầu năm``, ``thời điểm đầu năm``,
#: ``cuối năm 2016``, ``cuối năm trước``)
_BALANCE_DATE = re.compile(
    r"(?:(?:hồi|thời điểm|mức)\s+)?(?P<edge>đầu|cuối)\s+(?:năm|kỳ|kì)(?:\s+(?:(?P<year>\d{4})|nay|(?P<before>trước|ngoái)))?",
    re.IGNORECASE,
)


def _trailing_period(text: str, context: PeriodContext) -> str | None:
    """The period of the calendar words that end ``text`` (``tốc độ tăng năm 2023`` → 2023)."""
    words = text.split()
    for start in range(len(words)):
        found = normalize_period(" ".join(words[start:]), context)
        if found is not None:
            return found
    return None


def _first_year(period: str) -> int | None:
    match = re.match(r"\d{4}", period)
    return int(match.group()) if match else None
