"""TIME and BASIS spans: finding calendar expressions and comparison phrases, and normalizing them.

Rules follow GUIDELINES.md: a TIME is the calendar part only (``23/12/2024`` in ``Chiều 23/12/2024``,
``năm 2017`` in ``từ đầu năm 2017``), never inside a BASIS; a BASIS starts at ``so với`` where there
is one, or at the plan word after a ratio (``kế hoạch`` in ``bằng 104,9% kế hoạch``). Relative
expressions (``năm nay``, ``Lũy kế 8 tháng``) are resolved against :func:`document_context`: the
date line of the text if it has one, else the year the text itself sets.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import Errors, VnieError
from .extensions import SPAN_ATTRS_ATTR, SPAN_GROUP, TEXT_CACHE_SIZE, doc_text, register
from .patterns import prefiltered
from .periods import _COUNT_WORDS, is_period, month_half, month_span, PeriodContext, normalize_basis, normalize_period, shift_period
from .serialization import ConfigSerializable
from .tokenizer import token_offsets

_Y = r"(?:19|20)\d{2}"
_YEAR_TAIL = rf"(?:\s*/\s*{_Y}|\s*-\s*{_Y}(?![\d/-])|\s+năm\s+{_Y})"
#: a month or quarter of a year the text names relative to its own (``tháng 10 năm ngoái``)
_REL_YEAR_TAIL = r"(?:\s+năm\s+(?:nay|ngoái|trước)\b)"
#: ``cả`` before a calendar period; ``cuối`` / ``đầu`` stay outside the TIME (C28)
_EDGE = r"(?:[Cc]ả\s+)?"
_MONTH_WORD = (
    r"(?:Giêng|Chạp|Mười một|Mười hai|Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười"
    r"|giêng|chạp|mười một|mười hai|hai|ba|tư|sáu|bảy|tám|chín|mười)(?!\s+lần)"
)
_N = r"(?:\d{1,2}|[Nn]ăm|[Hh]ai|[Bb]a|[Bb]ốn|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười(?: một| hai)?)"
_Q = r"(?:\d|IV|I{1,3})\b"
_DM = r"\d{1,2}[/-]\d{1,2}(?:[/-]" + _Y + r")?"
_DAY_LEAD = r"(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|hôm|[Tt]ừ|đến|tới|[Hh]ết|vào|lúc|[Tt]ính đến|nay,|nay|qua,)"
_MONTHS_HEAD = r"(?:[Ll]ũy kế\s+|[Ll]uỹ kế\s+|[Cc]ả\s+)?"

#: calendar expressions, most specific first (alternatives are tried left to right)
TIME_PATTERN = re.compile(
    "|".join(
        [
            # from the start of the year to a month or to now
            rf"(?:[Đđ]ầu năm(?:\s+nay|\s+{_Y})?\s+(?:cho\s+)?(?:đến|tới)(?:\s+hết)?(?:\s+cuối)?\s+tháng\s+\d{{1,2}}{_YEAR_TAIL}?)",
            rf"(?:[Đđ]ầu năm(?:\s+nay|\s+{_Y})?\s+(?:cho\s+)?(?:đến|tới)\s+(?:nay|giờ))",
            rf"(?:[Đđ]ầu năm(?:\s+nay|\s+{_Y})?\s+(?:cho\s+)?(?:đến|tới)(?:\s+hết)?(?:\s+ngày)?\s+{_DM}(?![\d%/]|[.,]\d))",
            # a cumulative figure from the start of the year (C32: ``lũy kế từ đầu năm đạt``)
            rf"(?:(?:(?<=[Tt]ính từ\s)|(?<=[Ll]ũy kế từ\s)|(?<=[Ll]uỹ kế từ\s))đầu năm(?!\s+(?:đến|tới|cho|nay|này|\d)))",
            # a date in parentheses (``Sáng nay (28/6)``)
            rf"(?:(?<=\()(?P<pdate>\d{{1,2}}/\d{{1,2}}(?:/{_Y})?)(?=\)))",
            # fiscal years as written (C10)
            rf"(?:(?:[Qq]uý\s+{_Q}(?:\s*/\s*{_Y})?\s+)?niên độ(?:\s+tài chính)?\s+{_Y}\s*[-–]\s*{_Y})",
            rf"(?:năm tài (?:chính|khóa|khoá)\s+{_Y})",
            rf"(?:{_N}\s+tháng\s+(?:đầu|cuối)\s+niên độ)",
            # day ranges and dates
            rf"(?:(?<=\()\d{{1,2}}\s*[-–]\s*\d{{1,2}}/\d{{1,2}}(?:/{_Y})?(?=\)))",
            rf"(?:(?<=\s){_DM}\s*(?:-|–|đến)\s*(?:ngày\s+)?{_DM}(?![\d%/]|[.,]\d))",
            rf"(?:\b\d{{1,2}}/\d{{1,2}}/{_Y}\b)",
            rf"(?:(?<![\d/.,-])(?:[1-9]|[12]\d|3[01])-(?:[1-9]|1[0-2])-{_Y}\b(?!-))",
            rf"(?:\b{_DAY_LEAD}\s+(?P<date>(?:\d{{1,2}}\s*[-–]\s*(?=\d{{1,2}}/))?{_DM}(?:\s*(?:-|–|đến)\s*(?:ngày\s+)?{_DM})?)(?![\d%/]|[.,]\d|\s*(?:%|lần)|\s+(?:năm|tháng|ngày|tuần)(?!\s+(?:{_Y}|nay|này))))",
            # customs half-months, days at the start or end of a month or year, first and last quarters and months
            rf"(?:(?:[Kk]ỳ\s+[12]|[Nn]ửa\s+(?:đầu|cuối|sau))\s+(?:của\s+)?tháng\s+\d{{1,2}}{_YEAR_TAIL}?(?![\d/]))",
            rf"(?:\b\d{{1,2}}\s+ngày\s+(?:đầu|cuối)(?:\s+của)?\s+(?:tháng\s+\d{{1,2}}{_YEAR_TAIL}?(?![\d/])|năm(?:\s+{_Y})?))",
            rf"(?:[Qq]uý\s+(?:đầu|cuối)(?:\s+tiên|\s+cùng)?(?:\s+của)?\s+năm(?:\s+{_Y})?(?!\s+mới))",
            rf"(?:[Tt]háng\s+(?:đầu(?:\s+tiên)?|cuối\s+cùng)(?:\s+của)?\s+năm(?:\s+{_Y})?(?!\s+mới))",
            # year ranges
            rf"(?:\b{_Y}\s*[-–]\s*{_Y}\b)",
            rf"(?:(?:[Hh]ai|2)\s+năm\s+{_Y}\s+và\s+(?:năm\s+)?{_Y}\b|[Nn]ăm\s+{_Y}\s+(?:đến|tới)\s+(?:năm\s+)?{_Y}\b)",
            # quarters, also with the typos ``quý IV2017``, ``quý I V. 2018``
            rf"(?:[Qq]uý\s+(?:IV|I{{1,3}})(?={_Y}\b){_Y}|[Qq]uý\s+I\s+V\.?\s+{_Y}\b)",
            rf"(?:[Qq]uý\s+{_Q}\s*(?:-|–|đến)\s*quý\s+{_Q}{_YEAR_TAIL}?)",
            rf"(?:{_EDGE}[Qq]uý\s+{_Q}(?:{_YEAR_TAIL}|{_REL_YEAR_TAIL})?(?:\s+(?:này|vừa qua))?)",
            rf"(?:{_N}\s+quý\s+(?:đầu|cuối)\s+năm(?:\s+nay|\s+ngoái|\s+trước|\s+{_Y})?)",
            rf"(?:[Qq]uý\s+(?:này|nay)\b)",
            # spans of months
            rf"(?:{_MONTHS_HEAD}{_N}\s+tháng\s+(?:đầu|cuối)\s+(?:năm(?:\s+nay|\s+này)?(?:\s+{_Y})?|{_Y}\b))",
            rf"(?:{_MONTHS_HEAD}{_N}\s+tháng(?:\s*/\s*|\s+năm\s+|\s+){_Y})",
            rf"(?:{_N}\s+tháng\s+(?:kể\s+)?từ\s+đầu\s+năm(?:\s+nay|\s+{_Y})?)",
            rf"(?:{_MONTHS_HEAD}{_N}\s+tháng\s+(?:qua|gần đây|vừa qua|năm nay|trước đó))",
            rf"(?:[Cc]ả\s+{_N}\s+tháng(?!\s*(?:liên tiếp|liền|nữa|tới|sau|trước|còn lại)))",
            rf"(?:[Ll]ũy kế\s+{_N}\s+tháng)",
            rf"(?:(?<=[Tt]ính chung\s){_N}\s+tháng)",
            rf"(?:(?:[Ll]ũy kế\s+)?[Nn]ửa\s+(?:đầu|cuối|sau)(?:\s+của)?\s+năm(?:\s+nay|\s+này)?(?:\s+{_Y})?)",
            rf"(?:(?<=đến\s)nửa\s+năm\s+{_Y})",
            rf"(?:(?:[Nn]hững|[Cc]ác|[Mm]ấy)\s+tháng\s+(?:đầu|cuối|còn lại của)\s+năm(?:\s+nay|\s+này)?(?:\s+{_Y})?)",
            rf"(?:[Tt]háng cuối năm(?:\s+{_Y})?)",
            # months
            rf"(?:[Tt]háng\s+\d{{1,2}}\s*(?:-|–|đến)\s*\d{{1,2}}\s*/\s*{_Y}\b)",
            rf"(?:(?:[Gg]iữa\s+)?[Tt]háng\s+\d{{1,2}}{_YEAR_TAIL}?\s*(?:-|–|(?:cho\s+)?đến)\s*(?:(?:giữa\s+)?tháng\s+\d{{1,2}}{_YEAR_TAIL}?|nay)(?![\d/]))",
            rf"(?:(?<!\d\s)[Tt]háng\s+\d{{1,2}},\s*\d{{1,2}}(?![\d/%]|[.,]\d|\s*(?:%|tháng|năm|ngày)))",
            rf"(?:(?<!\d\s){_EDGE}[Tt]háng\s+(?:\d{{1,2}}|{_MONTH_WORD}(?!\w))(?:{_YEAR_TAIL}|{_REL_YEAR_TAIL})?(?:\s+này|\s+vừa qua)?(?![\d/]))",
            rf"(?:[Tt]háng\s+(?:này|nay)\b)",
            # the text's own month, quarter or year, bare before its figure (C32: ``trong tháng tăng 2,14%``)
            rf"(?:(?<=[Tt]rong\s)(?:tháng|quý|năm)(?=\s+(?:tăng|giảm|đạt|ước)\s))",
            rf"(?:(?:(?<=^Trong\s)|(?<=\nTrong\s)|(?<=\.\sTrong\s))(?:tháng|quý|năm)(?=,[^.;\n]*?\d))",
            rf"(?:{_N}\s+tháng\s+còn lại(?:\s+của)?\s+năm(?:\s+nay)?)",
            rf"(?:(?=\w+\s+tháng)(?:(?<=[Tt]rong\s)|(?<=[Tt]húc\s)|(?<=quả\s)|(?<=XK\s)|(?<=NK\s)|(?<=^)|(?<=\.\s)|(?<=\n)){_N}\s+tháng(?=,|\s+(?:qua|đầu)\b|\s+(?:của|[A-ZĐ]))(?!\s+(?:còn lại|tới|nữa|sau|trước)))",
            # a half of the month just named, in customs reports (``trong kỳ 2``, ``trong kỳ này``)
            rf"(?:(?<=[Tt]rong\s)kỳ\s+(?:[12]|này)(?:\s+vừa qua)?(?![\s/]*(?:của\s+)?(?:tháng\s+)?\d))",
            # weeks: a TIME, but the format has no week periods
            rf"(?:[Tt]uần\s+(?:này|trước|qua|tới)\b)",
            # years
            rf"(?:(?<=[Tt]ừ\s)[Nn]ăm\s+{_Y}\s+(?:cho\s+)?(?:đến|tới)\s+nay)",
            rf"(?:{_N}\s+năm\s+(?:qua|gần đây|vừa qua|tới|sắp tới|trở lại đây|trước đó|về trước|trước(?!\s+(?:khi|đây|đó|nữa))))",
            rf"(?:(?<![Cc]ác\s)(?<![Nn]hững\s)(?<![Nn]hiều\s)(?:[Cc]ả\s+)?[Nn]ăm\s+(?:vừa rồi|vừa qua|trước liền kề|trước đó|nay|này|qua|trước|ngoái|tới|sau|mới)\b(?!\s+khi\b))",
            rf"(?:(?:[Ll][ũu]ỹ kế\s+|[Ll]ũy kế\s+)?[Cc]ả\s+năm(?:\s+{_Y})?)",
            rf"(?:[Nn]ăm\s+{_Y}\b(?!\s*[-–]\s*\d{{4}}))",
            rf"(?:(?<=date\s){_Y}-\d{{2}}(?:-\d{{2}})?\b)",
            rf"(?:[Cc]ùng\s+k[ỳì](?:\s+năm\s+(?:trước|ngoái|{_Y})|\s+{_Y})?)",
            rf"(?:(?<![\d/.,-])(?<!số\s)(?<!mẫu\s){_Y}(?![\d/-]|[.,]\d|\s*(?:%|tỷ|triệu|nghìn|ngàn|USD|đồng|tấn)))",
        ]
    )
)

#: the pattern the ruler runs: TIME_PATTERN, skipping positions no alternative can start at
_TIME_SEARCH = prefiltered(TIME_PATTERN)

_SO_VOI = r"(?:[Ss]o\s+với|[Ss]o)"
_PLAN_WORD = r"(?:kế hoạch|dự toán|chỉ tiêu)"
_PLAN_TAIL = (
    rf"(?:\s+(?:năm\s+{_Y}|năm|cả năm|{_Y}|vốn|kế hoạch|được giao(?:\s+đầu năm)?|phấn đấu|ĐHĐCĐ|pháp lệnh|"
    rf"(?:đề|đặt) ra(?:\s+cho\s+cả\s+năm)?|"
    rf"{_N}\s+tháng|(?:thành phố|tỉnh|Chính phủ|Quốc hội|HĐND|UBND(?:\s+tỉnh|\s+thành phố)?)\s+giao|giao|ban đầu|hàng năm))*"
)
_BASIS_TAIL = "|".join(
    [
        rf"(?:bình quân\s+)?cùng\s+k[ỳì](?:\s+năm\s+(?:trước|ngoái|{_Y})|\s+{_Y}|\s+niên độ\s+trước)?",
        rf"kết quả(?:\s+kinh doanh)?(?:\s+thực tế)?(?:\s+của)?\s+năm\s+{_Y}",
        rf"năm\s+tài\s+(?:chính|khóa|khoá)\s+{_Y}",
        rf"năm\s+cùng\s+kỳ",
        rf"cùng\s+năm\s+(?:trước|ngoái)",
        rf"(?:ước\s+)?thực hiện\s+(?:năm\s+)?{_Y}",
        # the result of a named period (``so với kết quả thực hiện trong nửa cuối tháng 11/2020``)
        rf"kết quả\s+thực hiện\s+(?:trong\s+|của\s+)?(?:(?:kỳ\s+[12]|nửa\s+(?:đầu|cuối|sau))\s+(?:của\s+)?tháng\s+(?:\d{{1,2}}{_YEAR_TAIL}?|này)"
        rf"|tháng\s+\d{{1,2}}{_YEAR_TAIL}?|quý\s+{_Q}{_YEAR_TAIL}?|năm\s+{_Y}|(?:[Tt]ết\s+(?:Nguyên đán\s+)?[A-ZĐ]\w+\s+[A-ZĐ]\w+\s+)?{_Y})",
        rf"(?:số|mức)(?:\s+thặng dư)?\s+cùng\s+k[ỳì](?:\s+năm\s+(?:trước|ngoái|{_Y}))?",
        rf"mức(?:\s+thặng dư|\s+tăng)?\s+(?:năm\s+)?{_Y}",
        rf"{_PLAN_WORD}{_PLAN_TAIL}",
        rf"(?:bình quân\s+)?{_N}\s+tháng(?:\s+đầu\s+năm)?(?:\s+{_Y}|\s*/\s*{_Y}|\s+năm\s+{_Y})?",
        rf"nửa\s+đầu\s+năm(?:\s+{_Y})?",
        rf"quý\s+{_Q}{_YEAR_TAIL}?",
        rf"(?:kỳ\s+[12]|nửa\s+(?:đầu|cuối|sau))\s+(?:của\s+)?tháng\s+\d{{1,2}}{_YEAR_TAIL}?",
        rf"kỳ\s+[12](?:\s+tháng)?(?![\s/]*(?:của\s+)?(?:tháng\s+)?\d)(?:\s+vừa qua)?",
        rf"\d{{1,2}}\s+ngày\s+(?:đầu|cuối)(?:\s+của)?\s+(?:tháng\s+\d{{1,2}}{_YEAR_TAIL}?|năm(?:\s+{_Y})?)",
        rf"(?:tháng|quý|kỳ|tuần)\s+trước(?:\s+liền kề|\s+đó)?",
        rf"tháng\s+\d{{1,2}}{_YEAR_TAIL}?(?:\s+trước)?",
        rf"(?:(?:một|1)\s+)?năm\s+trước(?:\s+đó)?",
        rf"năm\s+(?:ngoái|{_Y})",
        rf"mục tiêu(?:\s+(?:năm|cả năm|năm\s+{_Y}|đề ra|đặt ra))?",
        rf"{_Y}",
        rf"(?:thời điểm\s+|hồi\s+)?(?:cuối|đầu)\s+(?:năm(?:\s+{_Y})?|k[ỳì])",
        r"(?:mức|con số)(?=\s+(?:chỉ\s+)?\d)",
    ]
)
#: comparison phrases, and the plan a ratio is taken of
BASIS_PATTERN = re.compile(
    rf"(?:(?:{_SO_VOI}|(?<=%\s)với)\s+(?:{_BASIS_TAIL}))(?![\w/])"
    rf"|(?:(?:(?<=%\s)|(?<=lần\s)|(?<=%\svề\s)){_PLAN_WORD}{_PLAN_TAIL})"
    rf"|(?:(?<=%\s)mục tiêu(?:\s+(?:hàng năm|năm|cả năm|năm\s+{_Y}))?(?![\w]))"
    rf"|(?:(?:(?<=\d/\d\s)|(?<=\d/\d\d\s))cùng\s+k[ỳì](?:\s+năm\s+(?:trước|ngoái|{_Y})|\s+{_Y})?)"
    rf"|(?:(?<=\d\s)(?P<multiple>cùng\s+k[ỳì](?:\s+năm\s+(?:trước|ngoái|{_Y})|\s+{_Y})?))"
    rf"|(?:(?:(?<=%\s)|(?<=lần\s))(?:cùng\s+k[ỳì]|quý\s+{_Q}{_YEAR_TAIL}))(?:\s+năm\s+(?:trước|ngoái|{_Y})|\s+{_Y})?"
    rf"|(?:(?<=%\s)cùng\s+k[ỳì](?:\s+năm\s+(?:trước|ngoái|{_Y})|\s+{_Y})?)"
)

_BASIS_SEARCH = prefiltered(BASIS_PATTERN)

_DATE_LINE = re.compile(r"^(?:date|ngày|Ngày)?[:\s]*(\d{4})-(\d{2})(?:-(\d{2}))?\s*$", re.MULTILINE)
_EARLY_DATE = re.compile(rf"(?<![\d/])(\d{{1,2}})/(\d{{1,2}})/({_Y})(?![\d/])")
_EXPLICIT_YEAR = re.compile(rf"(?:[Nn]ăm|[Tt]háng\s+\d{{1,2}}\s*/|[Qq]uý\s+{_Q}\s*/|[Tt]háng\s*/|kỳ(?:\s+năm)?)\s*({_Y})\b")
#: the web page's list of other articles after the report (``Có thể bạn quan tâm``): their years are not the report's
_RELATED_TAIL = re.compile(r"^(?:Có thể bạn quan tâm|Cùng chuyên mục|Tin khác|Tin liên quan|Bài liên quan|Đọc thêm|Tin cùng chuyên mục)\s*$", re.M)
#: a part of a year named with its year (``9 tháng năm 2020``, ``quý II/2020``): the period a report is about
_PART_OF_YEAR = re.compile(
    rf"(?:\d{{1,2}}\s+tháng(?:\s+đầu)?(?:\s+năm)?|[Qq]uý\s+{_Q}\s*(?:/|năm)|[Nn]ửa\s+đầu\s+năm|tháng\s+\d{{1,2}}\s*/)\s*({_Y})\b"
)
#: the year a dated report reviews, stated near its start (``tổng kết công tác năm 2024``)
_REVIEWED = re.compile(rf"(?:[Tt]ổng kết|[Ss]ơ kết)(?:\s+công tác)?(?:\s+\d{{1,2}}\s+tháng(?:\s+đầu)?)?\s+năm\s+({_Y})\b")
#: the date a report's figures run to, stated near its start (``tính đến ngày 15/12/2020``)
_CUTOFF_DATE = re.compile(rf"(?:[Tt]ính\s+|[Ll]ũy kế\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(\d{{1,2}})/(\d{{1,2}})(?:/({_Y}))?(?![\d/])")
_REPORT_MONTHS = re.compile(r"\b(\d{1,2})\s+tháng\s+(?:đầu\s+năm|qua|năm)|[Tt]háng\s+(\d{1,2})\b(?!/\d)")


#: the heavenly stems and earthly branches of the sexagenary cycle, by the remainder of the year they name
_STEMS = {"Canh": 0, "Tân": 1, "Nhâm": 2, "Quý": 3, "Giáp": 4, "Ất": 5, "Bính": 6, "Đinh": 7, "Mậu": 8, "Kỷ": 9}
_BRANCHES = {"Thân": 0, "Dậu": 1, "Tuất": 2, "Hợi": 3, "Tý": 4, "Sửu": 5, "Dần": 6, "Mão": 7, "Mẹo": 7,
             "Thìn": 8, "Tỵ": 9, "Tị": 9, "Ngọ": 10, "Mùi": 11}
#: a lunar new year named by its cycle year and no number (``Tết Kỷ Hợi``: the Tết of 2019)
_LUNAR_YEAR = re.compile(
    rf"(?:[Tt]ết|[Xx]uân)(?:\s+[Nn]guyên\s+[Đđ]án)?\s+(?P<stem>{'|'.join(_STEMS)})\s+(?P<branch>{'|'.join(_BRANCHES)})\b(?!\s*{_Y})"
)


def lunar_year(stem: str, branch: str) -> int | None:
    """The year from 1984 to 2043 (one cycle, from Giáp Tý) whose lunar new year is ``stem branch``;
    None for a pair the cycle never makes (``Giáp Sửu``)."""
    return next((y for y in range(1984, 2044) if y % 10 == _STEMS[stem] and y % 12 == _BRANCHES[branch]), None)


@dataclass(frozen=True)
class DocumentDates:
    """The calendar a text sets: ``context`` for relative expressions, ``report_year`` for its values."""

    context: PeriodContext
    report_year: int | None
    #: an undated text on a whole year that never says ``năm nay``: written after that year, so its
    #: ``năm ngoái`` is the year it reports (``Năm ngoái, kim ngạch ... đạt 133 tỷ USD`` on 2020)
    looks_back: bool = False


#: the credit of a photo or chart caption (``Nguồn: Tổng cục Hải quan.``, ``Ảnh: T.Bình.``), which makes its line a caption
CAPTION_CREDIT = re.compile(r"(?:Nguồn|Ảnh|Biểu đồ|Đồ họa|Đồ hoạ|Infographic)\s*:", re.I)
#: how far into the text captions count as the report's own framing
CAPTIONS_WITHIN = 1000


def _headline_and_captions(text: str) -> list[str]:
    """The headline and the caption lines near the start: they say what the report is about."""
    lines = text[:CAPTIONS_WITHIN].split("\n")
    return [headline(text)] + [line for line in lines[1:] if CAPTION_CREDIT.search(line)]


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def document_context(text: str) -> DocumentDates:
    """The date the text gives (a ``date`` line, a full date near its start) and the year it reports.

    Without a date, the year is the one the text mentions most (``cùng kỳ năm 2019`` and ``so với
    năm 2019`` count for 2020, a year in the headline counts twice, ``Tết Kỷ Hợi`` counts for 2019),
    ties going to a year the text writes, then to the later year, not counting the list of other
    articles a web page ends with; no year at all gives ``XXXX`` downstream.
    """
    years = Counter()
    tail = _RELATED_TAIL.search(text)
    for match in _EXPLICIT_YEAR.finditer(text, 0, tail.start() if tail else len(text)):
        year = int(match[1])
        compared = match.group().startswith("kỳ") or re.search(r"\bso(?:\s+với)?\s+$", text[max(0, match.start() - 8) : match.start()])
        years[year + 1 if compared else year] += 1  # ``so với năm 2018`` is said in 2019
    for match in _LUNAR_YEAR.finditer(text, 0, tail.start() if tail else len(text)):
        if (lunar := lunar_year(match["stem"], match["branch"])) is not None:
            years[lunar] += 1
    for match in _EXPLICIT_YEAR.finditer(headline(text)):
        years[int(match[1])] += 1  # the headline counts twice
    written = {int(m[1]) for m in _EXPLICIT_YEAR.finditer(text)}
    mentioned = max(years, key=lambda y: (years[y], y in written, y)) if years else None
    current = [int(m[1]) for m in _PART_OF_YEAR.finditer(text, 0, tail.start() if tail else len(text))]
    early = [int(m[1]) for line in _headline_and_captions(text) for m in _PART_OF_YEAR.finditer(line)]
    if current and mentioned is not None and max(current) == mentioned + 1 and (
            current.count(max(current)) >= 2 or max(current) in early):
        mentioned = max(current)  # a report on ``9 tháng năm 2020``, ``quý II/2020`` that mostly cites 2019
    line = _DATE_LINE.search(text[:2000])
    early = _EARLY_DATE.search(text[:400])
    cutoff = _cutoff_date(text[:1500], mentioned)
    if line is not None:
        year, month = int(line[1]), int(line[2])
    elif cutoff is not None:
        return DocumentDates(cutoff, mentioned if mentioned is not None else cutoff.year)
    elif early is not None and 1 <= int(early[2]) <= 12:
        year, month = int(early[3]), int(early[2])
    elif _reviews_year_in_january(text, mentioned):
        # ``Ngày 12/1, tại Hội nghị Tổng kết năm 2020``: the text reports that year, to its end
        return DocumentDates(PeriodContext(mentioned, 12), mentioned)
    else:
        month = _report_month(text)
        return DocumentDates(PeriodContext(mentioned, month), mentioned, _looks_back(text, mentioned, month, current))
    report = mentioned if mentioned is not None and mentioned in (year, year - 1) else year
    if report == year - 1 and year in current:
        report = year  # dated in April 2019 and naming ``quý 1/2019``: the report is on this year, citing the last
    reviewed = _REVIEWED.search(text[:1500])
    if reviewed is not None and int(reviewed[1]) == year - 1 and month <= 2:
        # ``tổng kết công tác năm 2024`` on 9/1/2025: the text reports the year it reviews, to its end
        return DocumentDates(PeriodContext(year - 1, 12), year - 1)
    return DocumentDates(PeriodContext(year, month), report)


def headline(text: str) -> str:
    """The text's first line when it is a headline: short, and followed by more lines."""
    first, newline, _ = text.partition("\n")
    return first if newline and len(first) <= _HEADLINE_LENGTH else ""


_HEADLINE_LENGTH = 250
_THIS_YEAR = re.compile(r"(?<!\w)năm\s+nay(?!\w)", re.I)
#: ``năm ngoái`` alone, the year before the one the text is written in
_LAST_YEAR_ALONE = re.compile(r"(?:(?:cả|trong)\s+)?năm\s+ngoái", re.I)


def _looks_back(text: str, report_year: int | None, month: int | None, parts: list[int]) -> bool:
    """Whether an undated text reports a whole year it looks back on (:attr:`DocumentDates.looks_back`):
    its last month is December, or it names no month and no part of that year, and it never says ``năm nay``."""
    if report_year is None or _THIS_YEAR.search(text):
        return False
    return month == 12 or (month is None and report_year not in parts)


_EARLY_DAY_MONTH = re.compile(r"[Nn]gày\s+(\d{1,2})/(\d{1,2})(?![\d/])")


def _reviews_year_in_january(text: str, mentioned: int | None) -> bool:
    """A text dated early in the year with no year (``Ngày 12/1``) that reviews the year it mentions most."""
    early = _EARLY_DAY_MONTH.search(text[:400])
    reviewed = _REVIEWED.search(text[:1500])
    return bool(early and reviewed and mentioned is not None and int(reviewed[1]) == mentioned and 1 <= int(early[2]) <= 2)


def _cutoff_date(head: str, mentioned: int | None) -> PeriodContext | None:
    """The date the report's figures run to (its "now"), when its opening states one."""
    match = _CUTOFF_DATE.search(head)
    if match is None:
        return None
    day, month = int(match[1]), int(match[2])
    year = int(match[3]) if match[3] else mentioned
    if year is None or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return PeriodContext(year, month, day)


def _report_month(text: str) -> int | None:
    months = [int(m[1] or m[2]) for m in _REPORT_MONTHS.finditer(text[:1500])]
    months = [m for m in months if 1 <= m <= 12]
    return max(months) if months else None


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    label: str
    attrs: dict[str, Any]


def find_bases(text: str, context: PeriodContext = PeriodContext()) -> list[Found]:
    """BASIS phrases with their normalized basis (``period:`` bases against the context year)."""
    found = []
    for match in _BASIS_SEARCH.finditer(text):
        if not is_linked(text, match.start(), match.end()):
            continue
        if match["multiple"] and not re.search(r"gấp\s+(?:hơn\s+)?\d+(?:,\d+)?\s$", text[max(0, match.start() - 20) : match.start()]):
            continue  # ``gấp 2,8 cùng kỳ``: a multiple written without ``lần``
        half = _BASIS_HALF.search(match.group())
        if half is not None:
            basis = _named_month_half(text, match.start(), half[1], context)
        else:
            basis = normalize_basis(match.group(), None, context) or _fallback_basis(match.group(), context)
        found.append(Found(match.start(), match.end(), "BASIS", {"basis": basis}))
    return found


_VALUE = re.compile(
    r"\d(?:[\d.,]*\d)?\s*(?:%|lần|điểm|tỷ|tỉ|triệu|nghìn|ngàn|USD|đồng)|gấp\s+(?:đôi|rưỡi|ba)|một nửa"
)
#: a change of a count before a comparison (``tăng 18 siêu thị ... so với năm 2016``)
_COUNT_CHANGE = re.compile(r"(?<!\w)(?:tăng|giảm)(?:\s+thêm)?\s+(?:hơn\s+|gần\s+|khoảng\s+)?\d")
_CLAUSE_END = re.compile(r"[;.!?…|\n](?:\s|$)|\n")


def is_linked(text: str, start: int, end: int) -> bool:
    """Whether a basis phrase at ``start:end`` has a value to compare: one before it in its clause
    (also a changed count, ``tăng 18 siêu thị``), or one it introduces right after it (``So với
    tháng trước, có 22 sản phẩm tăng``)."""
    left = text[max(0, start - 300) : start]
    clause = _CLAUSE_END.split(left)[-1]
    if _VALUE.search(clause) or _COUNT_CHANGE.search(clause):
        return True
    right = _CLAUSE_END.split(text[end : end + 80])[0]
    return bool(_VALUE.search(right))


_BASIS_HALF = re.compile(r"kỳ\s+([12])(?:\s+tháng)?(?:\s+vừa qua)?$")
_MONTH_NAMED = re.compile(rf"tháng\s+(\d{{1,2}})(?:\s*/\s*({_Y}))?")


def _named_month_half(text: str, position: int, which: str, context: PeriodContext) -> str:
    """``so với kỳ 1`` (no month): that half of the month named last before it, else of the text's month."""
    named = list(_MONTH_NAMED.finditer(text, max(0, position - 600), position))
    month = int(named[-1][1]) if named else context.month
    year = named[-1][2] if named and named[-1][2] else context.year_text
    if month is None or not 1 <= month <= 12:
        return _fallback_basis("", context)
    return f"period:{_half_of(which, f'{year}-{month:02d}', context)}"


def _fallback_basis(phrase: str, context: PeriodContext) -> str:
    """``so với mức`` names no period of its own: the value's year is the best first guess."""
    return f"period:{context.year_text}" if context.year is not None else "same_period_last_year"


#: ``năm này`` (this year): the year the text has just named, not the text's own
_THAT_YEAR = re.compile(r"năm\s+này", re.IGNORECASE)
_A_YEAR = re.compile(rf"(?<![\d.,/-]){_Y}(?![\d%/-]|[.,]\d)")
#: how far back ``năm này`` looks for the year it refers to
THAT_YEAR_WITHIN = 400


def _year_just_named(text: str, start: int) -> str | None:
    """The last year written before ``start`` (``Trong khi năm 2016, ... trong năm này``), if near."""
    years = _A_YEAR.findall(text, max(0, start - THAT_YEAR_WITHIN), start)
    return years[-1] if years else None


#: a cut-off before a month (``Tính chung hết tháng 10``, ``lũy kế đến tháng 10``): the figures after it run from the year's start
_CUTOFF_LEAD = re.compile(r"(?:(?<!\w)hết|(?:lũy|luỹ)\s+kế(?:\s+(?:đến|tới))?(?:\s+hết)?|tính\s+(?:đến|tới)(?:\s+hết)?)\s*$", re.IGNORECASE)


def _cumulated(text: str, start: int, period: str) -> str:
    """The period a later ``cùng kỳ`` shifts: after a cut-off (C1), the months from the year's start
    to the month named (``hết tháng 10`` … ``cùng kỳ năm trước`` → ``2019-01/2019-10``)."""
    month = re.fullmatch(r"(\d{4}|XXXX)-(\d{2})", period)
    if month is None or not _CUTOFF_LEAD.search(text, max(0, start - 24), start):
        return period
    return month_span(month[1], 1, int(month[2]))


def find_times(text: str, dates: DocumentDates, bases: list[Found] = ()) -> list[Found]:
    """TIME expressions outside ``bases``, each with its normalized period."""
    taken = [(b.start, b.end) for b in bases]
    found: list[Found] = []
    previous: str | None = None
    for match in _TIME_SEARCH.finditer(text):
        group = "date" if match["date"] else "pdate" if match["pdate"] else 0
        start, end = match.span(group)
        if any(s < end and start < e for s, e in taken):
            continue
        phrase = text[start:end]
        if _is_year_label(text, start, phrase) or _is_generic(text, start, end, phrase):
            continue
        period = _resolve(phrase, dates, _quarter_meant(found, dates) if _THIS_QUARTER.fullmatch(phrase) else previous)
        if _THAT_YEAR.fullmatch(phrase):
            period = _year_just_named(text, start) or period
        if period is None and not _WEEK.search(phrase):
            continue
        found.append(Found(start, end, "TIME", {"period": period}))
        if period is not None:
            found.extend(_listed_month(text, end, period))
        if not phrase.lower().startswith("cùng") and period is not None:
            previous = _cumulated(text, start, period)
    found.extend(_bare_months(text, dates, [*taken, *((f.start, f.end) for f in found)]))
    return sorted(found, key=lambda f: f.start)


_THIS_QUARTER = re.compile(r"[Qq]uý(?:\s+(?:này|nay))?")


def _quarter_meant(found: list[Found], dates: DocumentDates) -> str | None:
    """The quarter a bare ``quý`` / ``quý này`` refers to: the last one named in the report's year
    (not ``quý 1/2017`` in ``cao nhất từ quý 1/2017``), else the last one named."""
    quarters = [f.attrs["period"] for f in found if re.fullmatch(r"(?:\d{4}|XXXX)-Q[1-4]", f.attrs.get("period") or "")]
    current = [q for q in quarters if dates.report_year is not None and q.startswith(str(dates.report_year))]
    return (current or quarters or [None])[-1]


#: a bare count of months is the year to that month (``Lợi nhuận 6 tháng``), unless it is a
#: duration (``hơn 1 tháng``, ``4 tháng liên tiếp``); matched apart from TIME_PATTERN, for speed
_BARE_MONTHS = re.compile(
    rf"(?<![\d.,/(\w])(?:[2-9]|1[0-2])\s+tháng(?!\w)"
    r"(?!\s*(?:liên tiếp|liền|chuyên trách|nữa|tới|sau|trước|còn lại|các năm|những năm|một lần|/|\)|\d))"
)
_DURATION_LEAD = re.compile(r"(?<!\w)(?:hơn|gần|khoảng|trên|dưới|mất|dài|vòng|hạn|mỗi|suốt|đa|nhất)\s$")


def _bare_months(text: str, dates: DocumentDates, taken: list[tuple[int, int]]) -> list[Found]:
    found = []
    for match in _BARE_MONTHS.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or _DURATION_LEAD.search(text[max(0, start - 8) : start]):
            continue
        period = normalize_period(match.group(), dates.context)
        if period is not None:
            found.append(Found(start, end, "TIME", {"period": period}))
    return found


_GENERIC_PAIR = re.compile(r"(?:năm|tháng|quý)\s+sau\b")


def _is_generic(text: str, start: int, end: int, phrase: str) -> bool:
    """Words that name no calendar period here: ``năm sau cao hơn năm trước`` (any two successive
    years), and a bare ``cùng kỳ`` after ``so với`` that no value is compared with (the BASIS was
    dropped)."""
    lower = phrase.lower()
    if re.fullmatch(r"(?:năm|tháng|quý)\s+sau", lower):
        return bool(re.search(rf"^.{{0,40}}?\b{lower.split()[0]}\s+trước\b", text[end : end + 60], re.S))
    if re.fullmatch(r"quý\s+(?:này|nay)", lower):
        return bool(re.search(r"^[^\d]{0,40}?\bquý\s+sau\b", text[end : end + 60], re.S))
    if re.fullmatch(r"(?:năm|tháng|quý)\s+trước", lower):
        return bool(_GENERIC_PAIR.search(text[max(0, start - 40) : start].lower()))
    if re.fullmatch(r"cùng\s+k[ỳì]", lower):
        return bool(re.search(r"(?:^|\s)(?:so|với)\s+$", text[max(0, start - 10) : start].lower()))
    return False


def _listed_month(text: str, end: int, period: str) -> list[Found]:
    """The second month of ``tháng 3 và 5``: a TIME of its own, in the first one's year."""
    month = re.fullmatch(r"(\d{4}|XXXX)-\d{2}", period)
    following = re.match(
        r"\s+và\s+(\d{1,2})(?![\d/%]|[.,]\d|\s*(?:%|tháng|năm|ngày|quý|tỷ|tỉ|triệu|nghìn|ngàn|USD|đồng|lần|tấn|điểm))", text[end : end + 16]
    )
    if month is None or following is None or not 1 <= int(following[1]) <= 12:
        return []
    start = end + following.start(1)
    return [Found(start, start + len(following[1]), "TIME", {"period": f"{month[1]}-{int(following[1]):02d}"})]


def _months_before(count_word: str, previous: str | None, context: PeriodContext) -> str | None:
    """The ``count`` months that end just before the previous period's first month (else before
    the text's month), within one year."""
    count = _count_months(count_word)
    first = re.match(r"(\d{4}|XXXX)-(\d{2})(?!-)", previous or "")
    if first is not None:
        year, month = first[1], int(first[2])
    elif context.month is not None:
        year, month = context.year_text, context.month
    else:
        return None
    if count is None or not 1 <= count < month:
        return None
    return month_span(year, month - count, month - 1)


def _count_months(word: str) -> int | None:
    return int(word) if word.isdigit() else _COUNT_WORDS.get(word.lower())


def _is_year_label(text: str, start: int, phrase: str) -> bool:
    """A bare year that names no calendar period: identifiers (``100/2020``), model years."""
    if not phrase[:1].isdigit() or "-" in phrase or "–" in phrase:
        return False
    before = text[max(0, start - 12) : start]
    return bool(re.search(r"(?:số|mẫu|Covid|COVID|-|/)\s*$", before))


#: weeks are calendar expressions (settled case: ``tuần trước``), but no period form exists for them
_WEEK = re.compile(r"^(?:\S+\s+)?[Tt]uần\s")
_BEFORE_THAT = re.compile(rf"^({_N})\s+tháng\s+trước đó$")


_BARE_HALF = re.compile(r"kỳ\s+([12]|này)(?:\s+vừa qua)?")


def _half_of(which: str, previous: str | None, context: PeriodContext) -> str | None:
    """``kỳ 1``, ``kỳ 2``, ``kỳ này``: a half of the month the text has just named (a half-month or
    a month before it), else of the text's month; ``kỳ này`` is that half itself."""
    named = re.match(r"(\d{4}|XXXX)-(\d{2})(?:-(01|16)/\S+)?$", previous or "")
    if which == "này":
        return previous if named is not None and named[3] else None
    year, month = (named[1], int(named[2])) if named is not None else (context.year_text, context.month)
    return month_half(year, month, which == "1") if month is not None else None


def _resolve(phrase: str, dates: DocumentDates, previous: str | None) -> str | None:
    """The period of ``phrase``; ``cùng kỳ`` takes the previous period one year back, ``N tháng
    trước đó`` the N months before the previous period, ``quý này`` the quarter the text is in."""
    if _WEEK.search(phrase):
        return None
    before = _BEFORE_THAT.match(phrase)
    if before is not None:
        return _months_before(before[1], previous, dates.context)
    half = _BARE_HALF.fullmatch(phrase)
    if half is not None:
        return _half_of(half[1], previous, dates.context)
    if phrase == "năm" or (dates.looks_back and _LAST_YEAR_ALONE.fullmatch(phrase)):
        return dates.context.year_text if dates.context.year is not None else None
    if phrase == "đầu năm":  # C32: from the start of the year to the text's now
        return normalize_period("đầu năm đến nay", dates.context)
    if _THIS_QUARTER.fullmatch(phrase):
        if previous is not None and re.fullmatch(r"(?:\d{4}|XXXX)-Q[1-4]", previous):
            return previous
        month = dates.context.month
        return f"{dates.context.year_text}-Q{(month + 2) // 3}" if month else None
    if re.match(r"[Cc]ùng\s+k", phrase):
        year = re.search(_Y, phrase)
        if previous is None:
            return f"{year.group()}" if year else None
        if year is not None:
            shifted = re.sub(r"\d{4}|XXXX", year.group(), previous)
            return shifted if is_period(shifted) else year.group()  # a span of years: its year
        return shift_period(previous, -1)
    return normalize_period(phrase, dates.context)


# --------------------------------------------------------------------------------------------
# The component
# --------------------------------------------------------------------------------------------


@Language.factory(
    "vnie_time_ruler",
    assigns=["doc.spans", f"span._.{SPAN_ATTRS_ATTR}"],
    default_config={"spans_key": SPAN_GROUP, "use_date_line": True},
)
def make_time_ruler(nlp: Language, name: str, *, spans_key: str, use_date_line: bool) -> "TimeRuler":
    register()
    return TimeRuler(name=name, spans_key=spans_key, use_date_line=use_date_line)


class TimeRuler(ConfigSerializable):
    """Adds TIME spans (``period``) and BASIS spans (``basis``) to ``doc.spans[spans_key]``.

    ``use_date_line``: resolve relative expressions against a date the text states; when False,
    only the years the text mentions are used.
    """

    def __init__(self, *, name: str = "vnie_time_ruler", spans_key: str = SPAN_GROUP, use_date_line: bool = True) -> None:
        register()
        self.name = name
        self.spans_key = spans_key
        self.use_date_line = use_date_line

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.predict(doc))

    def predict(self, doc: Doc) -> list[Found]:
        text = doc_text(doc)
        dates = document_context(text) if self.use_date_line else _years_only(text)
        bases = find_bases(text, dates.context)
        return sorted([*bases, *find_times(text, dates, bases)], key=lambda f: f.start)

    def set_annotations(self, doc: Doc, found: list[Found]) -> Doc:
        return add_spans(doc, self.spans_key, [(f.start, f.end, f.label, dict(f.attrs)) for f in found])

    def _get_config(self) -> dict[str, Any]:
        return {"spans_key": self.spans_key, "use_date_line": self.use_date_line}

    def _set_config(self, config: dict[str, Any]) -> None:
        unknown = set(config) - {"spans_key", "use_date_line"}
        if unknown:
            raise VnieError(Errors.E015.format(component=self.name, keys=sorted(unknown)))
        self.spans_key = config.get("spans_key", SPAN_GROUP)
        self.use_date_line = bool(config.get("use_date_line", True))


def _years_only(text: str) -> DocumentDates:
    dates = document_context(re.sub(r"\d{1,2}/\d{1,2}/\d{4}", " ", _DATE_LINE.sub(" ", text)))
    return dates


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span of ``doc`` at exactly these characters, or None where tokens straddle an edge."""
    return doc.char_span(start, end, label=label)


def add_spans(doc: Doc, key: str, items: list[tuple[int, int, str, dict[str, Any]]]) -> Doc:
    """Add ``(start, end, label, attrs)`` spans to ``doc.spans[key]`` at exactly those characters.

    A token that straddles an edge (``USD.``) is split there first; the spans already in the group
    are rebuilt from their character offsets. Items that overlap a span already kept are skipped.
    """
    existing = [(s.start_char, s.end_char, s.label_, s._.get(SPAN_ATTRS_ATTR)) for s in doc.spans.get(key, [])]
    split_tokens_at(doc, {offset for start, end, _, _ in items for offset in (start, end)})
    kept: list[Span] = []
    for item in [*existing, *items]:
        span = span_at(doc, *item)
        if span is None or _overlaps(span, kept):
            continue
        kept.append(span)
    doc.spans[key] = sorted(kept, key=lambda s: s.start_char)
    return doc


def span_at(doc: Doc, start: int, end: int, label: str, attrs: dict[str, Any] | None) -> Span | None:
    """The span of ``doc`` at exactly these characters, with its attributes, or None where tokens
    straddle an edge (rebuilds a group's spans after tokens were split)."""
    span = doc.char_span(start, end, label=label)
    if span is not None:
        span._.set(SPAN_ATTRS_ATTR, attrs)
    return span


def split_tokens_at(doc: Doc, offsets: set[int]) -> None:
    """Split the tokens that have one of ``offsets`` strictly inside them there."""
    cuts: list[tuple[Any, list[str]]] = []
    ordered = sorted(offsets)
    starts, ends = token_offsets(doc)
    straddled = sorted({k for o in ordered if (k := bisect.bisect_right(starts, o) - 1) >= 0 and starts[k] < o < ends[k]})
    for k in straddled:
        token = doc[k]
        first = bisect.bisect_right(ordered, token.idx)
        last = bisect.bisect_left(ordered, token.idx + len(token.text))
        inner = [o - token.idx for o in ordered[first:last]]
        pieces = [
            run
            for a, b in zip([0, *inner], [*inner, len(token.text)])
            for run in re.findall(r"\s+|\S+", token.text[a:b])
        ]
        cuts.append((token, pieces))
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for token, pieces in cuts:
            retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(s.start < span.end and span.start < s.end for s in spans)
