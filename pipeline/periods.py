"""The normalized period and basis values of GUIDELINES.md, and checks of their form.

Periods: ``2024`` (year), ``2024-H1`` (half), ``2024-Q3`` (quarter), ``2024-08`` (month),
``2024-01-09`` (day), and spans ``A/B`` of two periods of the same form (``2024-01/2024-08``,
``2021/2025``). ``XXXX`` stands for an unknown year. Bases: ``same_period_last_year``,
``previous_period``, ``plan`` or ``period:`` followed by a period.
"""

from __future__ import annotations

import calendar
import re

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
