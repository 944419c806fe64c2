"""ORG, OFFICIAL, TITLE and INDICATOR spans: rules where the language is regular, plus a trained NER.

:class:`EntityRecognizer` (factory ``vnie_entities``) combines two sources of candidates:

* the entities of a statistical ``ner`` component earlier in the pipeline (``doc.ents``; trained by
  ``scripts/build_model.py`` from ``configs/ner.cfg``), when there is one;
* rules over the text (GUIDELINES.md, ORG / OFFICIAL / TITLE / INDICATOR):

  - TITLE: a lexicon of offices (:data:`TITLE_WORDS`, with ``Phó``/``Tổng``/``Quyền`` prefixes and
    board words when no organization's name follows, C27);
  - OFFICIAL: a personal name (a surname of :data:`SURNAMES` and capitalized syllables) after an
    honorific (``ông``, ``bà``, ``đồng chí``, ``TS``) or after a title and its organization, and a
    later mention of the same person by the last syllable of the name (``ông Phong``);
  - ORG: an organization head (``Bộ``, ``Sở``, ``Tổng cục``, ``UBND``, ``Tập đoàn``, ``Công ty`` ...)
    with a capitalized name, an optional place part (``tỉnh Thanh Hóa``) and a parenthesized
    abbreviation, plus names learnt from the training data (:meth:`EntityRecognizer.initialize`);
  - INDICATOR: a measure head (``chỉ số``, ``giá trị``, ``kim ngạch``, ``doanh thu`` ...) and the words
    of its noun phrase, in a clause that states a number.

The steps of :meth:`EntityRecognizer.predict`:

1. candidates: the model's entities and the rules' matches, cleaned (:func:`clean_candidates`: edge
   punctuation, INDICATORs cut at a predicate, ORGs without a trailing personal name, nothing on a
   byline); a model ORG gives way to a rule ORG that starts with it and reads on
   (:func:`extend_model_orgs`); rule INDICATORs only in clauses where the model found none
   (:func:`fallback_rules`), and INDICATORs only with a value after them (:func:`indicators_with_values`);
2. overlaps: :func:`choose` keeps, by :data:`SOURCE_PRIORITY` of the label (rules for TITLE and
   OFFICIAL, the model for ORG and INDICATOR), then :data:`LABEL_ORDER`, then the longer span;
   documents, events, countries and bare heads are no ORG (:func:`_not_org`);
3. repeats: other mentions of the ORGs found, their abbreviations and company names
   (:func:`repeated_orgs`), and of the OFFICIALs by honorific and given name
   (:func:`repeated_officials`), where nothing else is; of INDICATORs before the same value, the last
   (:func:`nearest_indicators`);
4. constraints (:func:`constrain`): an OFFICIAL needs an office in the text (a title in its sentence,
   an honorific, or another mention of the name that has one), so bylines and photo credits are not
   officials; a TITLE must reach an OFFICIAL through organizations, titles and separators.

Spans already in the group (QUANTITY, TIME, BASIS) are never overlapped.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from .commodities import find_commodities
from .errors import Errors, VnieError
from .extensions import SPAN_ATTRS_ATTR, SPAN_GROUP, doc_text, register
from .relations import HOLDING_VERB, HOLDING_WITHIN
from .sentences import sentence_spans
from .timex import span_at, split_tokens_at
from .tokenizer import token_offsets

LABELS: tuple[str, ...] = ("ORG", "OFFICIAL", "TITLE", "INDICATOR")
SOURCES: tuple[str, ...] = ("rule", "model", "repeat", "lexicon", "pattern", "list")
#: for each label, the sources in order of trust (earlier wins an overlap)
SOURCE_PRIORITY: dict[str, tuple[str, ...]] = {
    "ORG": ("model", "rule", "repeat"),
    "OFFICIAL": ("rule", "model", "repeat"),
    "TITLE": ("rule", "model", "repeat"),
    "INDICATOR": ("pattern", "lexicon", "model", "rule", "repeat"),
}

_UPPER = "".join(sorted({c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper()}))
_LOWER = "".join(sorted({c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower()}))
_CAP = rf"[{_UPPER}][{_LOWER}]*"

SURNAMES: frozenset[str] = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Mai Trịnh Đinh Lưu Hà Cao "
    "Lâm Phùng Thái Sử Hứa Chử Đồng Tô Tạ Lương Trương Kiều Quách Đoàn Vương Triệu Châu Mạc Thân Đàm "
    "Tăng Khúc Nghiêm Lại Giang Tống Hàn Doãn Nông Vi Kim Đào Từ Văn Tôn Quan Lã Lò Ninh Trịnh Tiêu "
    "Khổng Cù Hầu Thạch Bạch Diệp Chu Đào Phí Mẫn Nhữ Lục Tào Viên Chế Quang Hoa Khuất Âu Ung Thiều "
    "Khương Bế Bành Tất Cấn Kha Nhâm Mạch".split()
)
#: capitalized word pairs that look like a name but are places or common phrases
NOT_NAMES: frozenset[str] = frozenset(
    {"Hà Nội", "Hà Tĩnh", "Hà Giang", "Hà Nam", "Lâm Đồng", "Cao Bằng", "Hoàng Sa", "Trường Sa",
     "Quang Trung", "Hoa Kỳ", "Vĩnh Phúc", "Nghi Sơn", "Tây Ninh", "Hồ Chí Minh", "Đồng Nai", "Đồng Tháp",
     "Kim Sơn", "Văn phòng", "Hoà Phát", "Hòa Phát", "Lào Cai", "Long An", "Đào Tạo", "Hải Phòng",
     "Vũng Tàu", "Đà Nẵng", "Quảng Ninh", "Thái Bình", "Thái Nguyên", "Phú Thọ", "Cần Thơ"}
)
HONORIFICS: tuple[str, ...] = (
    "ông", "bà", "Ông", "Bà", "đồng chí", "Đồng chí", "TS.", "TS", "ThS.", "ThS", "PGS.TS.", "PGS.TS",
    "GS.TS.", "GS.TS", "PGS.", "PGS", "GS.", "GS", "Tiến sĩ", "tiến sĩ", "chuyên gia", "Luật sư", "luật sư",
    "tỷ phú", "Tỷ phú", "doanh nhân", "Doanh nhân", "đại biểu", "Đại biểu", "các ông", "Các ông",
)
#: offices, without the prefixes of :data:`TITLE_PREFIXES`
TITLE_WORDS: tuple[str, ...] = (
    "Thủ tướng", "Chủ tịch", "Bộ trưởng", "Thứ trưởng Thường trực", "Thứ trưởng", "Giám đốc điều hành",
    "Giám đốc", "Tổng cục trưởng", "Cục trưởng", "Vụ trưởng", "Viện trưởng", "Chủ nhiệm", "Bí thư",
    "Trưởng ban", "Trưởng phòng", "Trưởng đoàn", "Trưởng Ban kiểm soát", "Trưởng ban kiểm soát",
    "Tổng Thư ký", "Tổng thư ký", "Thư ký", "Người phát ngôn", "Tỉnh ủy viên", "Tỉnh uỷ viên", "Thành ủy viên",
    "Ủy viên", "Uỷ viên", "Thành viên HĐQT", "Thành viên hội đồng quản trị", "Thành viên HĐTV",
    "Chánh Văn phòng", "Chánh văn phòng", "Kế toán trưởng", "Tổ trưởng", "Tổng biên tập", "Trưởng",
    "Chánh án", "Tư lệnh", "Hiệu trưởng", "Chủ tịch nước", "CEO", "Phó trưởng", "Kiểm soát viên nhà nước",
    "Kiểm soát viên", "Đại biểu",
)
TITLE_PREFIXES: tuple[str, ...] = ("Quyền ", "Phó ", "Tổng ", "Phó Tổng ", "Phó tổng ")
#: board words that end a title when no organization's name follows (C27)
BOARD_WORDS: tuple[str, ...] = (
    "HĐQT", "HĐTV", "Hội đồng quản trị", "Hội đồng Quản trị", "Hội đồng thành viên", "Hội đồng Thành viên",
    "Ban kiểm soát", "Ban Kiểm soát",
)
#: heads of organization names (C17: also in lower case for the corporate ones)
ORG_HEADS: tuple[str, ...] = (
    "Bộ", "Sở", "Cục", "Tổng cục", "Chi cục", "Vụ", "Viện", "Ủy ban", "Uỷ ban", "Ban Quản lý", "Ban quản lý",
    "Ban", "Văn phòng", "Kho bạc", "Thanh tra", "Tòa án", "Toà án", "Trung tâm", "Học viện", "Trường",
    "Đại học", "Hiệp hội", "Tổng hội", "Hội", "Liên đoàn", "Liên minh", "Phòng", "Quỹ", "Báo", "Tạp chí",
    "Đài", "Tập đoàn", "tập đoàn", "Tổng công ty", "Tổng Công ty", "tổng công ty", "Công ty", "công ty",
    "Ngân hàng", "ngân hàng", "Nhà máy", "Cảng vụ", "Đảng bộ", "Đảng ủy", "Đảng uỷ", "Tổng CTCP", "CTCP",
    "Bệnh viện", "Cơ quan", "Hãng", "Sàn", "Sở Giao dịch", "Công an", "Tổ chức",
    # the state bodies as some papers write them, in lower case (``sở Công Thương``, ``bộ Tài chính``)
    "bộ", "sở", "cục", "tổng cục", "chi cục", "ủy ban", "uỷ ban",
)
#: corporate heads whose name part is used alone for the same company (``Hòa Phát``)
CORPORATE_HEADS: tuple[str, ...] = (
    "Tập đoàn", "tập đoàn", "Tổng công ty", "Tổng Công ty", "tổng công ty", "Công ty", "công ty", "Ngân hàng",
    "ngân hàng", "Nhà máy", "Tổng CTCP", "CTCP",
)
#: first words of documents and events, which are not ORG even where a model says so
NOT_ORG_STARTS: tuple[str, ...] = (
    "Bộ luật", "Luật", "Nghị định", "Nghị quyết", "Quyết định", "Thông tư", "Công ước", "Hiệp định", "Hội nghị",
    "Đại hội", "Chương trình", "Kế hoạch", "Chiến lược", "Đề án", "Dự án", "trái phiếu",
)
#: country names a model may take for organizations (C7: markets and places are not ORG)
NOT_ORGS: frozenset[str] = frozenset({
    "VN", "Việt Nam", "Nhật", "Nhật Bản", "Trung Quốc", "Mỹ",
    # other countries and markets (C7), and currencies
    "Hoa Kỳ", "Hàn Quốc", "Đài Loan", "Thái Lan", "Ấn Độ", "Đức", "Pháp", "Anh", "Vương quốc Anh", "Hà Lan", "Bỉ",
    "Italy", "Ý", "Tây Ban Nha", "Canada", "Mexico", "Brazil", "Nga", "Úc", "Australia", "Singapore", "Malaysia",
    "Indonesia", "Philippines", "Campuchia", "Lào", "Myanmar", "Hồng Kông", "EU", "JPY", "CNY", "USD", "EUR",
    # trade agreements are not organizations
    "CPTPP", "TPP", "EVFTA", "EVIPA", "RCEP", "AFTA", "UKVFTA", "VKFTA", "FTA", "ATIGA",
    # groupings of economies as markets (C7), and abbreviations of common nouns (bất động sản, cán bộ nhân viên)
    "APEC", "ASEAN", "BĐS", "CBNV",
    # more countries, cities and regions (C7: places, not organizations)
    "Venezuela", "Triều Tiên", "Iran", "Iraq", "Syria", "Ukraine", "Cuba", "Argentina", "Chile", "Peru", "Colombia",
    "Thổ Nhĩ Kỳ", "Ả Rập Xê Út", "Saudi Arabia", "Qatar", "Israel", "Ai Cập", "Nam Phi", "Nigeria", "New Zealand",
    "Thụy Sĩ", "Thuỵ Sĩ", "Thụy Điển", "Thuỵ Điển", "Na Uy", "Đan Mạch", "Phần Lan", "Ba Lan", "Áo", "Bồ Đào Nha",
    "Hy Lạp", "Ireland", "Pakistan", "Bangladesh", "Sri Lanka", "Mông Cổ", "Kazakhstan", "UAE", "Kuwait",
    "Washington", "Bắc Kinh", "Thượng Hải", "Tokyo", "Seoul", "Moscow", "Matxcơva", "London", "Paris", "Berlin",
    "New York", "Mekong", "Đông Nam Á", "Trung Đông", "châu Á", "châu Âu", "châu Mỹ", "châu Phi", "Mỹ Latinh",
})
#: organizations named by their head alone, optionally with a place part
STANDALONE_ORGS: tuple[str, ...] = (
    "UBND", "HĐND", "Chính phủ", "Quốc hội", "Bộ Chính trị", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ",
    "Ban Bí thư", "Ngân hàng Nhà nước", "Kiểm toán Nhà nước", "Kiểm toán nhà nước", "Ủy ban nhân dân",
    "Uỷ ban nhân dân", "Hội đồng nhân dân", "Mặt trận Tổ quốc", "Trung ương", "Đảng", "TTXVN", "Hải quan",
    # newspapers and news agencies named without ``báo`` (``Trả lời Tuổi Trẻ``, ``Theo VnExpress``)
    "Tuổi Trẻ", "Thanh Niên", "VnExpress", "Dân trí", "Dân Trí", "VietNamNet", "Vietnamnet", "Người Lao Động",
    "Tiền Phong", "Sài Gòn Giải Phóng", "Nhân Dân", "VOV", "VTV", "Zing", "CafeF", "Vietstock", "Bloomberg",
    "Reuters", "Nikkei",
)
_ACRONYM = r"[A-ZĐ][A-ZĐ0-9&\-]*[A-ZĐ0-9]"
#: measure heads that start an indicator's noun phrase
INDICATOR_HEADS: tuple[str, ...] = (
    "chỉ số", "giá trị", "kim ngạch", "tổng mức", "sản lượng", "doanh thu", "lợi nhuận", "tổng kim ngạch",
    "tổng giá trị", "tổng doanh thu", "tổng sản phẩm", "tốc độ tăng trưởng", "tăng trưởng", "tỷ lệ", "tỷ trọng",
    "số vốn", "vốn", "số thu", "thu ngân sách", "tổng thu", "chi phí", "trị giá", "tổng trị giá", "lãi", "lỗ",
    "dư nợ", "tổng tài sản", "tổng vốn", "vốn đầu tư", "số lượng", "lượng", "số", "giá", "mức", "thu nhập",
    "xuất khẩu", "nhập khẩu", "XK", "NK", "kim ngạch xuất khẩu", "sản xuất", "thu", "nộp ngân sách",
    "CPI", "IIP", "GRDP", "GDP", "PMI", "lạm phát", "cổ tức", "giải ngân", "bội chi", "nợ xấu", "xuất siêu",
    "nhập siêu", "thặng dư", "lãi suất", "trữ lượng", "diện tích", "công suất", "cổ phần", "quy mô",
    "tỉ lệ", "tỉ trọng", "thị phần", "thù lao", "tiền lương", "quỹ lương", "tiền thưởng", "nợ phải trả",
    "tổng nợ phải trả", "nợ công", "vốn điều lệ", "vốn chủ sở hữu", "tồn kho", "kỳ hạn", "tổng mức chi",
    "nguồn thu", "số tiền", "tổng số tiền", "tổng lỗ", "thu NSNN", "tổng vốn đầu tư",
)
#: words that end an indicator's noun phrase (predicates, time, scope, numbers are handled apart);
#: syllables, which is how most of them stop a phrase, plus ``lần lượt`` as one word
_STOP_WORDS: tuple[str, ...] = tuple(
    "ước ước_đạt ước_tính đạt tăng giảm là chiếm có của toàn trong năm tháng quý so với đã vẫn chỉ cũng gần "
    "hơn khoảng trên dưới từ đến tới lên xuống còn bằng vượt gấp và được bị sẽ đang thì mà nhưng cả lũy_kế "
    "luỹ_kế tính dự_kiến phấn_đấu mục_tiêu cao thấp nhiều ít hiện này đó tại ở theo khi sau trước nay vừa "
    "mới riêng tương_ứng tương_đương đều ghi_nhận thu_về mang_lại cùng kỳ kì lại nữa thêm hết xấp_xỉ gồm như "
    "là_do do vì nên với_mức ước_thực_hiện thêm dễ sụt_giảm tiếp_tục chịu cho cho_biết khẳng_định phát_hiện thông_tin "
    "lần_lượt".split()
)
INDICATOR_STOPS: frozenset[str] = frozenset(
    {"lần lượt"} | {syllable for word in _STOP_WORDS for syllable in word.split("_")}
)
_NUMBER = re.compile(r"\d")
#: verbs and cues that end an indicator's noun phrase wherever a model lets it run on
_PREDICATES = frozenset(
    "tăng giảm đạt ước ước_đạt ước_tính sụt_giảm được bị là chiếm giúp vượt bằng còn lên xuống kế_hoạch "
    "mục_tiêu dự_kiến này đó".replace("_", " ").split()
)
#: words after a measure's name that say how it went, not what it is (``xuất siêu kỷ lục``, ``thu nhập
#: tương đương``, but ``các khoản tương đương tiền``)
_TRAILING_WORDS = frozenset({"kỷ lục", "tiếp tục", "sụt giảm", "tương đương"})


def _trails(tokens: list, i: int) -> bool:
    """Whether ``tokens[i]`` is one of :data:`_TRAILING_WORDS` after the measure (not ``sự sụt giảm``)."""
    word = tokens[i].text.lower()
    return word in _TRAILING_WORDS and tokens[i - 1].text.lower() != "sự" and not (
        word == "tương đương" and i + 1 < len(tokens) and tokens[i + 1].text.lower() == "tiền")


#: words that name no measure on their own (``mức`` of ``ở mức 79 USD``)
_GENERIC_MEASURES = frozenset({"mức", "số", "bình quân", "con số"})
#: countries and markets: where a value is given for one (``Trung Quốc đạt 6,36 tỷ USD``), the
#: measure is the list's shared head, never the market itself
MARKETS: frozenset[str] = frozenset(
    "Trung Quốc|Hoa Kỳ|Mỹ|EU|ASEAN|Nhật Bản|Nhật|Hàn Quốc|Đài Loan|Hồng Kông|Hong Kong|Campuchia|Thái Lan|Ấn Độ|"
    "Malaysia|Indonesia|Singapore|Philippines|Lào|Myanmar|Đức|Anh|Pháp|Nga|Úc|Australia|Canada|Hà Lan|Italia|Ý|"
    "Tây Ban Nha|Bỉ|UAE|Brazil|Mexico|Chile|Thổ Nhĩ Kỳ|Ả Rập Xê Út|Israel|Nam Phi|Bangladesh|Pakistan|CPTPP|"
    "châu Âu|châu Á|châu Phi|châu Mỹ|Trung Đông|Bắc Mỹ|Mỹ Latinh".split("|")
)
#: status cues that open a candidate indicator but are not part of it (``Ước XK cá ngừ``)
_LEADING_CUES = frozenset({"ước", "ước tính", "ước đạt", "dự kiến", "dự ước"})


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    source: str

    @property
    def length(self) -> int:
        return self.end - self.start


# --------------------------------------------------------------------------------------------
# rules over the text


def _alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """The words as regex alternatives, longest first, with the words that start alike grouped
    behind their first character (``C(?:hủ tịch|ục trưởng)``), so that a pattern tries a group only
    where its first character stands. Within a group the order stays longest first, so the pattern
    matches what the plain alternation would. A pattern compiled with ``re.IGNORECASE`` needs
    ``ignore_case``: ``C`` and ``c`` then start one group."""
    groups: dict[str, list[str]] = {}
    ordered = sorted(set(words), key=len, reverse=True)
    for word in ordered:
        if word:
            groups.setdefault(word[0].lower() if ignore_case else word[0], []).append(word)
    parts = []
    for members in groups.values():
        rests = dict.fromkeys(re.escape(word[1:]) for word in members)
        parts.append(f"{re.escape(members[0][0])}(?:{'|'.join(rests)})")
    if "" in ordered:
        parts.append("")  # the empty word, last as the shortest
    return "|".join(parts)


def _starting_with(*alternatives: Iterable[str]) -> str:
    """A lookahead for the first characters of ``alternatives``: where no alternative can start, a
    pattern that begins with them fails at once instead of trying each of them. Empty when an
    alternative is empty (or there is none), since that matches anywhere."""
    words = [word for group in alternatives for word in group]
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(sorted({re.escape(word[0]) for word in words})) + "])"


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    titles = TITLE_WORDS + tuple(w[0].lower() + w[1:] for w in TITLE_WORDS if w[0].isupper())
    all_prefixes = TITLE_PREFIXES + tuple(p.lower() for p in TITLE_PREFIXES)
    words, prefixes = _alternation(titles, ignore_case=True), _alternation(all_prefixes, ignore_case=True)
    first, board = _starting_with(titles, all_prefixes), _alternation(BOARD_WORDS, ignore_case=True)
    return re.compile(rf"{first}(?<![\w])(?:(?:{prefixes}))*(?:{words})(?: (?:{board}))?(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    return re.compile(rf"{_starting_with(SURNAMES)}(?<![\w])(?:{_alternation(SURNAMES)})(?: {_CAP}){{1,3}}(?![\w])")


@lru_cache(maxsize=1)
def _honorific_pattern() -> re.Pattern[str]:
    return re.compile(rf"{_starting_with(HONORIFICS)}(?<![\w.])(?:{_alternation(HONORIFICS)}) ?(?={_CAP})")


@lru_cache(maxsize=1)
def _org_head_pattern() -> re.Pattern[str]:
    """An organization head (optionally after a board word, C27) at a word start; group ``alone``
    is set for the bodies of :data:`STANDALONE_ORGS`, which need no name after them."""
    board, first = _alternation(BOARD_WORDS), _starting_with(BOARD_WORDS, STANDALONE_ORGS, ORG_HEADS)
    return re.compile(
        rf"{first}(?<![\w])(?:(?:{board}) )?(?:(?P<alone>{_alternation(STANDALONE_ORGS)})|{_alternation(ORG_HEADS)})(?![\w])"
    )


def find_titles(text: str) -> list[tuple[int, int]]:
    """Offices of the title lexicon; a board word stays in the title unless a name follows it."""
    found = []
    for match in _title_pattern().finditer(text):
        start, end = match.span()
        if match.group().lower() in _BARE_TITLES or not match.group()[:1].isalpha():
            continue
        board = next((b for b in BOARD_WORDS if match.group().endswith(" " + b)), None)
        head = _org_head_pattern().match(text, end + 1)
        follows_name = _NAME_AFTER.match(text, end) or (head is not None and (head["alone"] or _NAME_AFTER.match(text, head.end())))
        if board is not None and follows_name and not _starts_name(text, end + 1):
            end -= len(board) + 1
        found.append((start, end))
    return found


_NAME_AFTER = re.compile(rf" (?:{_CAP}|{_ACRONYM})")
#: words of the lexicon that are titles only as part of a longer one
_BARE_TITLES = frozenset({"trưởng", "thư ký", "phó trưởng", "tổng"})


def _starts_name(text: str, position: int) -> bool:
    match = _name_pattern().match(text, position)
    return match is not None and match.group() not in NOT_NAMES


def find_orgs(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Organization names: a head and the capitalized words of its name (``Bộ`` + ``Tài chính``), a
    legal form (``cổ phần``, ``TNHH``), a place part (``tỉnh Thanh Hóa``) and an abbreviation in
    parentheses; standalone bodies (``UBND``, ``Chính phủ``) need no name. A personal name ends the
    name (``Bộ Công Thương`` in ``Bộ trưởng Bộ Công Thương Trần Tuấn Anh``)."""
    token_starts, token_ends = token_offsets(doc)
    found: list[tuple[int, int]] = []
    text = doc.text if text is None else text
    for match in _org_head_pattern().finditer(text):
        head_last = _index_of(token_ends, match.end())
        if _index_of(token_starts, match.start()) is None or head_last is None or (found and match.start() < found[-1][1]):
            continue
        if match.group("alone") is not None and text.endswith(("ngành ", "Ngành "), 0, match.start()):
            continue  # a sector (C16)
        head_end = head_last + 1
        last = _org_name_end(doc, text, head_end)
        if last == head_end and match.group("alone") is None:
            continue
        last = _place_end(doc, last)
        last = _abbreviation_end(doc, last)
        found.append((match.start(), doc[last - 1].idx + len(doc[last - 1].text)))
    return found


def _index_of(offsets: list[int], offset: int) -> int | None:
    """The index of ``offset`` in the increasing ``offsets`` (of token starts or ends), or None."""
    i = bisect.bisect_left(offsets, offset)
    return i if i < len(offsets) and offsets[i] == offset else None


_LEGAL_FORMS = frozenset({"cổ phần", "Cổ phần", "CP", "TNHH", "TNHH MTV", "CTCP", "MTV"})
_CONNECTORS = frozenset({"và", "-", "–", "&"})
_PLACE_TOKENS = frozenset({"tỉnh", "thành phố", "Thành phố", "TP", "TP.", "Tp.", "quận", "huyện", "thị xã", "TP.HCM", "TPHCM"})


def _is_name_word(text: str) -> bool:
    return bool(text[:1].isupper()) and not _is_person(text)


def _is_person(text: str) -> bool:
    return bool(_name_pattern().fullmatch(text)) and text not in NOT_NAMES


def _starts_with_person(text: str) -> bool:
    """A token that is a personal name followed by lower-case words (``Nguyễn Nhật thông tin``)."""
    match = _name_pattern().match(text)
    return match is not None and match.group() not in NOT_NAMES and text[match.end() : match.end() + 1] == " " \
        and text[match.end() + 1 : match.end() + 2].islower()


def _org_name_end(doc: Doc, text: str, i: int) -> int:
    """The token after the name words that start at ``i``."""
    j = i
    while j < len(doc):
        token = doc[j]
        if token.text in _LEGAL_FORMS and j == i:
            j += 1
            continue
        if j > i and doc[j - 1].text.endswith(".") and doc[j - 1].text not in _PLACE_TOKENS:
            break  # a sentence ended inside the token before (``TP.HCM.``)
        if j > i and _starts_with_person(token.text):
            break  # a name the segmenter glued to the next words (``Nguyễn Nhật thông tin``)
        if _is_name_word(token.text) and token.text not in ORG_HEADS and not _title_pattern().fullmatch(token.text):
            j += 1
            continue
        if (token.text in _CONNECTORS and j > i and j + 1 < len(doc) and _is_name_word(doc[j + 1].text)
                and not _org_head_pattern().match(text, doc[j + 1].idx)):
            j += 2
            continue
        break
    return j


def _place_end(doc: Doc, i: int) -> int:
    if i < len(doc) and doc[i].text in _PLACE_TOKENS:
        j = i + 1
        while j < len(doc) and _is_name_word(doc[j].text):
            j += 1
        return j
    return i


def _abbreviation_end(doc: Doc, i: int) -> int:
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and re.fullmatch(_ACRONYM, doc[i + 1].text):
        return i + 3
    return i


#: the capitalized syllables of a name after an honorific, all of them or the first one or two
_FULL_NAME = re.compile(rf"{_CAP}(?: {_CAP}){{1,4}}(?![\w])")
_SHORT_NAME = re.compile(rf"{_CAP}(?: {_CAP})?(?![\w])")


def find_officials(text: str, titles: list[tuple[int, int]], orgs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Personal names after an honorific (any capitalized syllables: ``ông Inoue Fukuzo``) or after a
    title and the organization right after it (a surname first), names listed after those with ``,``
    or ``và``, and later mentions of them by the last syllable (``ông Phong``)."""
    anchors = {end for _, end in titles} | {end for _, end in orgs}
    full: list[tuple[int, int]] = []
    for match in _name_pattern().finditer(text):
        if match.group() in NOT_NAMES:
            continue
        before = text[: match.start()].rstrip(" ")
        if len(before) in anchors or (before.endswith(":") and len(before[:-1].rstrip()) in anchors):
            full.append(match.span())
    for match in _honorific_pattern().finditer(text):
        name = _FULL_NAME.match(text, match.end())
        if name is None or name.group() in NOT_NAMES or _org_head_pattern().match(name.group()):
            continue
        start = match.end()
        suffix = _name_pattern().search(name.group(), 1)
        if suffix is not None and suffix.end() == len(name.group()) and not _name_pattern().match(name.group()):
            start += suffix.start()  # ``Tỷ phú Masan Nguyễn Đăng Quang``: the surname starts the name
        full.append((start, match.end() + len(name.group())))
    full = _with_listed(text, sorted(set(full)))
    given = {text[s:e].split()[-1] for s, e in full} | {" ".join(text[s:e].split()[-2:]) for s, e in full}
    short = []
    for match in _honorific_pattern().finditer(text):
        word = _SHORT_NAME.match(text, match.end())
        if word is None:
            continue
        for candidate in (word.group(), word.group().split()[0]):
            if candidate in given:
                span = (match.end(), match.end() + len(candidate))
                if not any(s <= span[0] < e for s, e in full):
                    short.append(span)
                break
    return sorted(set(full + short))


def _with_listed(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``names`` and the full names listed after them (``ông A, B và C``)."""
    out = list(names)
    queue = list(names)
    while queue:
        _, end = queue.pop()
        following = _name_pattern().match(text, end + 2) if text.startswith(", ", end) else None
        if following is None and text.startswith(" và ", end):
            following = _name_pattern().match(text, end + 4)
        if following is not None and following.group() not in NOT_NAMES and following.span() not in out:
            out.append(following.span())
            queue.append(following.span())
    return sorted(out)


@lru_cache(maxsize=1)
def _indicator_heads() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(h.lower().split()) for h in INDICATOR_HEADS)


def find_indicators(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Noun phrases that start at a measure head, in a clause that states a number after them
    (``text`` is ``doc.text``, passed by callers that have it)."""
    heads = _indicator_heads()
    firsts = {head[0] for head in heads}
    longest = max(len(h) for h in heads)
    text = doc_text(doc) if text is None else text
    starts, ends = token_offsets(doc)
    words = [text[start:end] for start, end in zip(starts, ends)]
    lowered = [word.lower() for word in words]
    found = []
    i = 0
    while i < len(words):
        first = lowered[i].split(None, 1)
        match = _head_at(lowered, i, heads, longest) if first and first[0] in firsts else None
        if match is None:
            i += 1
            continue
        end = _phrase_end(words, i + match)
        if _number_follows(text, ends[end - 1]):
            found.append((starts[i], ends[end - 1]))
        i = end
    return found


def _head_at(lowered: list[str], i: int, heads: frozenset[tuple[str, ...]], longest: int) -> int | None:
    """How many tokens from ``i`` make the longest head of ``heads`` (None for none); ``lowered``:
    the tokens' texts in lower case."""
    words: list[str] = []
    counts: list[int] = []
    for k in range(i, min(len(lowered), i + longest)):
        words.extend(lowered[k].split())
        counts.append(len(words))
    for n in range(len(counts), 0, -1):
        if tuple(words[: counts[n - 1]]) in heads:
            return n
    return None


def _phrase_end(words: list[str], i: int) -> int:
    """The token after the noun phrase that goes on at token ``i`` (``words``: the tokens' texts):
    words up to a stop word, a number or punctuation, and a parenthesized abbreviation right after it."""
    end = i
    while end < len(words) and end - i < 8:
        word = words[end]
        if _is_punct(word) or _NUMBER.search(word) or word.lower() in INDICATOR_STOPS:
            break
        if word[:1].isupper() and end > i and not word.isupper():
            break
        end += 1
    if end + 2 < len(words) and words[end] == "(" and words[end + 2] == ")" and words[end + 1].isupper():
        end += 3
    return end


def _is_punct(text: str) -> bool:
    """Punctuation or whitespace only (the lexeme flags need a language's vocab; this does not)."""
    return not any(ch.isalnum() for ch in text) and text not in ("%", "&")


_CLAUSE_END = re.compile(r"[;.!?\n|](?!\d)")


def _number_follows(text: str, position: int) -> bool:
    """A digit between ``position`` and the end of its clause (``;`` or the sentence end)."""
    rest = text[position : position + 120]
    clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
    return _NUMBER.search(clause) is not None


# --------------------------------------------------------------------------------------------
# combination


def rule_candidates(doc: Doc, text: str | None = None) -> list[Candidate]:
    text = doc.text if text is None else text
    titles = find_titles(text)
    orgs = _outside(find_orgs(doc, text), titles)
    officials = _outside(find_officials(text, titles, orgs), titles)
    orgs = _outside(orgs, officials)
    found = [Candidate(s, e, "TITLE", "rule") for s, e in titles]
    found += [Candidate(s, e, "ORG", "rule") for s, e in orgs]
    found += [Candidate(s, e, "OFFICIAL", "rule") for s, e in officials]
    found += [Candidate(s, e, "INDICATOR", "rule") for s, e in find_indicators(doc, text)]
    return found


#: ``báo`` / ``tờ`` / ``tạp chí`` before a newspaper's name, which the gold keeps in the ORG
#: (``báo Sài Gòn Giải Phóng``); not ``họp báo``, ``thông báo``, ``dự báo``, ``cảnh báo``
_PRESS_WORD = re.compile(r"(?<!\w)(?<![Hh]ọp )(?<![Tt]hông )(?<![Dd]ự )(?<![Cc]ảnh )(?:[Bb]áo|[Tt]ờ|[Tt]ạp chí) $")


def with_press_words(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """ORGs right after ``báo`` / ``tờ`` / ``tạp chí`` start at that word (``báo VOV``)."""
    out = []
    for c in chosen:
        press = _PRESS_WORD.search(text, max(0, c.start - 12), c.start) if c.label == "ORG" else None
        out.append(Candidate(press.start(), c.end, c.label, c.source) if press else c)
    return out


def officials_after_offices(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The names :func:`find_officials` finds after the TITLEs and ORGs chosen from every source
    (``Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn Phùng Đức Tiến``, where the rules' own ORG
    stopped short of the model's), as OFFICIAL candidates of source ``rule``."""
    spans = {label: [(c.start, c.end) for c in chosen if c.label == label] for label in ("TITLE", "ORG")}
    return [Candidate(s, e, "OFFICIAL", "rule") for s, e in find_officials(text, spans["TITLE"], spans["ORG"])]


def _outside(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(s, e) for s, e in spans if not any(s < oe and os < e for os, oe in others)]


def model_candidates(doc: Doc, labels: Iterable[str]) -> list[Candidate]:
    wanted = set(labels)
    return [Candidate(e.start_char, e.end_char, e.label_, "model") for e in doc.ents if e.label_ in wanted]


#: between candidates of equally trusted sources, the label that wins an overlap
LABEL_ORDER: tuple[str, ...] = ("TITLE", "OFFICIAL", "ORG", "INDICATOR")


def choose(candidates: list[Candidate], priority: dict[str, tuple[str, ...]]) -> list[Candidate]:
    """Non-overlapping candidates: by the source priority of each one's label, then by
    :data:`LABEL_ORDER`, then the longer."""
    def rank(c: Candidate) -> tuple[int, int, int, int]:
        order = priority.get(c.label, SOURCES)
        source = order.index(c.source) if c.source in order else len(order)
        return (source, LABEL_ORDER.index(c.label), -c.length, c.start)

    chosen: list[Candidate] = []
    for candidate in sorted(candidates, key=rank):
        if not any(candidate.start < c.end and c.start < candidate.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every clause: a sentence stretch ending at ``;`` or the sentence end."""
    clauses = []
    for start, end in sentence_spans(text):
        position = start
        for match in re.finditer(";", text[start:end]):
            clauses.append((position, start + match.start()))
            position = start + match.end()
        clauses.append((position, end))
    return clauses


#: revenue, income and funding measures named with their source after ``từ`` (``số thu từ xăng
#: dầu``, ``lợi nhuận thuần từ hoạt động kinh doanh``): the source is part of the measure's name
_SOURCED_MEASURE = re.compile(
    r"(?:^|\s)(?:số thu|thu|doanh thu(?: thuần)?|lợi nhuận(?: thuần)?|thu nhập|thu thuần|huy động|nguồn thu|"
    r"nguồn vốn huy động|vốn đầu tư(?: thực hiện)?|bổ sung có mục tiêu)$",
    re.I,
)
_TIME_WORDS = frozenset({"năm", "tháng", "quý", "ngày", "đầu", "cuối", "nay", "khi", "đó", "đây", "mức"})


def extend_over_sources(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """INDICATOR candidates that end at a revenue or income head followed by ``từ`` + a source
    noun phrase, extended over it (``thu`` → ``thu từ xăng dầu``); a ``từ`` of time or amount
    (``từ đầu năm``, ``từ 5%``) is left out."""
    text = doc_text(doc)
    starts, ends = token_offsets(doc)
    words = [text[start:end] for start, end in zip(starts, ends)]
    ending_at = {end: i for i, end in enumerate(ends)}
    extended = []
    for c in candidates:
        last = ending_at.get(c.end) if c.label == "INDICATOR" else None
        if last is not None and last + 2 < len(words) and words[last + 1].lower() == "từ" \
                and _SOURCED_MEASURE.search(text[c.start : c.end]) and words[last + 2].lower() not in _TIME_WORDS:
            end = _phrase_end(words, last + 2)
            if end > last + 2:
                c = Candidate(c.start, ends[end - 1], c.label, c.source)
        extended.append(c)
    return extended


#: the measure a change names after it (``giảm 50,7% về lượng và giảm 32,2% về trị giá``)
_ASPECT = re.compile(r"\s+về\s+(lượng|trị giá|giá trị|kim ngạch|sản lượng|số lượng)(?!\s*\w)")


def aspect_candidates(doc: Doc, spans_key: str) -> list[Candidate]:
    """INDICATORs written right after a value with ``về`` (``tăng 33,1% về lượng``), of source ``pattern``."""
    text = doc_text(doc)
    found = []
    for span in doc.spans.get(spans_key, []):
        if span.label_ != "QUANTITY":
            continue
        match = _ASPECT.match(text, span.end_char)
        if match is not None:
            found.append(Candidate(match.start(1), match.end(1), "INDICATOR", "pattern"))
    return found


def commodity_candidates(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Commodity groups standing as measures (:mod:`pipeline.commodities`), as INDICATOR candidates
    of source ``lexicon``, unless a model INDICATOR already holds them or another label's candidate
    overlaps them (``Công ty Cao su Đà Nẵng``)."""
    found = []
    for start, end in find_commodities(text):
        held = any(c.label == "INDICATOR" and c.source == "model" and c.start <= start and end <= c.end for c in candidates)
        crossed = any(c.label != "INDICATOR" and c.start < end and start < c.end for c in candidates)
        if not (held or crossed):
            found.append(Candidate(start, end, "INDICATOR", "lexicon"))
    return found


def fallback_rules(text: str, candidates: list[Candidate], label: str) -> list[Candidate]:
    """Rule candidates of ``label`` only in clauses where the model found none of that label."""
    clauses = clause_spans(text)
    modelled = {_sentence_of(clauses, c.start) for c in candidates if c.label == label and c.source == "model"}
    return [c for c in candidates
            if not (c.label == label and c.source == "rule" and _sentence_of(clauses, c.start) in modelled)]


#: how far after an indicator its value may start (characters, in the same clause)
VALUE_REACH = 60


def indicators_with_values(
    doc: Doc, candidates: list[Candidate], spans_key: str, text: str | None = None
) -> list[Candidate]:
    """INDICATOR candidates that a value follows in their clause within :data:`VALUE_REACH`
    characters, or that follow a value directly (``chiếm 69% doanh thu``): a measure named with no
    value is not annotated. Values are the group's QUANTITY spans, or digits where it has none."""
    text = doc.text if text is None else text
    clauses = clause_spans(text)
    values = [(s.start_char, s.end_char) for s in doc.spans.get(spans_key, []) if s.label_ == "QUANTITY"]
    if not values:
        values = [m.span() for m in re.finditer(r"\d+(?:[.,]\d+)*\s*%?", text)]
    starts = sorted(start for start, _ in values)
    ends = {end for _, end in values}

    def valued(c: Candidate) -> bool:
        if c.source == "pattern":  # named by its value (``tăng 33,1% về lượng``)
            return True
        clause = _sentence_of(clauses, c.start)
        following = bisect.bisect_left(starts, c.end)
        if following < len(starts) and starts[following] - c.end <= VALUE_REACH and _sentence_of(clauses, starts[following]) == clause:
            return True
        return any(c.start - end in (1, 2) for end in ends)

    return [c for c in candidates if c.label != "INDICATOR" or valued(c)]


def nearest_indicators(text: str, chosen: list[Candidate], spans_key_values: list[int]) -> list[Candidate]:
    """Of INDICATORs before the same value with no value between them, only the last one, unless
    they are listed (``,``, ``và``, ``hoặc``, a parenthesis between them) or in separate clauses."""
    values = sorted(spans_key_values)
    indicators = sorted((c for c in chosen if c.label == "INDICATOR"), key=lambda c: c.start)
    dropped = set()
    for current, following in zip(indicators, indicators[1:]):
        next_value = bisect.bisect_left(values, current.end)
        if next_value < len(values) and following.start < values[next_value] and not re.search(r"[;,(]| và | hay | hoặc ", text[current.end : following.start]):
            dropped.add(current)
    return [c for c in chosen if c not in dropped]


def constrain(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Drop OFFICIALs with no office in the text and TITLEs that belong to no OFFICIAL."""
    titles = [c for c in chosen if c.label == "TITLE"]
    officials = [c for c in chosen if c.label == "OFFICIAL"]
    kept_officials = _officials_with_office(text, officials, titles)
    kept_titles = _titles_of_officials(text, chosen, kept_officials)
    return [c for c in chosen
            if (c.label != "OFFICIAL" or c in kept_officials) and (c.label != "TITLE" or c in kept_titles)]


#: what may stand between a title and its holder besides organizations and other titles
_GAP = re.compile(rf"(?:[\s,–\-(:]|(?<!\w)(?:kiêm|và|khác|là|nguyên|cựu|của|{_alternation(HONORIFICS)})(?!\w))*")
_GAP_BEFORE = re.compile(rf"(?:{_GAP.pattern})$")


def _titles_of_officials(text: str, chosen: list[Candidate], officials: set[Candidate]) -> set[Candidate]:
    """TITLEs from which a chain of organizations, titles and separators (:data:`_GAP`) reaches an
    OFFICIAL, to the right (``Phó Chủ tịch UBND tỉnh Mai Xuân Liêm``) or to the left
    (``ông Mai Xuân Liêm, Phó Chủ tịch UBND tỉnh``)."""
    links = [c for c in chosen if c.label in ("ORG", "TITLE")]
    starts = {c.start: c for c in links}
    ends = {c.end: c for c in links}
    holders_start = {c.start for c in officials}
    holders_end = {c.end for c in officials}
    kept = set()
    for title in (c for c in chosen if c.label == "TITLE"):
        if _reaches(text, title.end, starts, holders_start, forward=True) or _reaches(
            text, title.start, ends, holders_end, forward=False
        ) or _held_by_name_before(text, title, officials):
            kept.add(title)
    return kept


def _held_by_name_before(text: str, title: Candidate, officials: set[Candidate]) -> bool:
    """``ông X khi đó giữ chức TITLE``, ``ông X làm TITLE``: an official shortly before the title in
    its sentence, with a verb of holding office between (the relation linker's ``title`` rule)."""
    before = [o for o in officials if o.end <= title.start and title.start - o.end <= HOLDING_WITHIN]
    if not before:
        return False
    between = text[max(o.end for o in before) : title.start]
    return bool(HOLDING_VERB.search(between)) and not re.search(r"[.!?;\n]", between)


def _reaches(text: str, position: int, links: dict[int, Candidate], targets: set[int], *, forward: bool) -> bool:
    for _ in range(8):
        if forward:
            position += _GAP.match(text, position).end() - position
        else:
            gap = _GAP_BEFORE.search(text[max(0, position - 40) : position])
            position -= len(gap.group()) if gap else 0
        if position in targets:
            return True
        link = links.get(position)
        if link is None:
            return False
        position = link.end if forward else link.start
    return False


def _officials_with_office(text: str, officials: list[Candidate], titles: list[Candidate]) -> set[Candidate]:
    """An OFFICIAL has an office when a title stands in its sentence, when it is introduced by an
    honorific, or when another mention of the same name (or its last syllable) has one; a full name
    listed with such an official after ``;`` (``ông Kim Mạnh Hà đạt 550 triệu đồng; Trần Văn Tuấn
    đạt 472 triệu đồng``) shares the office of the list."""
    sentences = sentence_spans(text)
    titled = {_sentence_of(sentences, t.start) for t in titles}
    holders = {text[c.start:c.end] for c in officials if _sentence_of(sentences, c.start) in titled}
    names = holders | {n.split()[-1] for n in holders}
    given = {text[c.start:c.end].split()[-1] for c in officials if " " in text[c.start:c.end]}
    kept = {c for c in officials
            if (_sentence_of(sentences, c.start) in titled or text[c.start:c.end] in names or _after_honorific(text, c.start))
            and (" " in text[c.start:c.end] or text[c.start:c.end] in given or _after_honorific(text, c.start))}
    listing = {_sentence_of(sentences, c.start) for c in kept}
    return kept | {c for c in officials if c.source == "list" and _sentence_of(sentences, c.start) in listing}


def listed_officials(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Full names that open a ``;``-separated item of a sentence in which an OFFICIAL opens another
    (a list of office holders and their figures), as OFFICIAL candidates of source ``list``;
    :func:`constrain` keeps them only when the list's first holder has an office."""
    officials = [c for c in candidates if c.label == "OFFICIAL"]
    found = []
    for start, end in sentence_spans(text):
        if not any(start <= c.start < end for c in officials):
            continue
        for item in re.finditer(r";\s*", text[start:end]):
            match = _name_pattern().match(text, start + item.end())
            if match and not any(c.start < match.end() and match.start() < c.end for c in candidates):
                found.append(Candidate(match.start(), match.end(), "OFFICIAL", "list"))
    return found


def _after_honorific(text: str, position: int) -> bool:
    return any(m.end() == position for m in _honorific_pattern().finditer(text, max(0, position - 12), position + 1))


#: lowercase verbs that end an organization's name (``Cục Hải quan TP.HCM ước thu NSNN``), and
#: words that never start one (``Như bộ Tài chính thông tin``)
_ORG_ENDS = frozenset({"ước", "thu", "chuyển đổi", "phát hiện", "khẳng định", "cho biết", "đạt", "tăng", "giảm",
                       "là", "có", "đã", "sẽ", "được", "nói", "thông tin", "công bố", "ghi nhận", "báo cáo", "vừa",
                       "nhận định", "đánh giá", "dự báo", "yêu cầu", "đề nghị", "để", "đăng tải", "đưa tin", "đang",
                       "cũng", "chia sẻ", "cho hay", "lỗ", "lãi"})
#: words that follow a bare head (a back-reference, ``Bộ``) but never start its name
_AFTER_BARE_HEAD = frozenset({"về", "về việc", "tại", "trong", "với", "mới", "vẫn", "cũng", "đang", "đã", "sẽ"})
_ORG_NOT_FIRST = frozenset({"như", "theo", "tại", "của", "và", "với"})


def _org_tokens(tokens: list) -> list:
    while len(tokens) > 1 and tokens[0].text.lower() in _ORG_NOT_FIRST:
        tokens = tokens[1:]
    cut = next((i for i, t in enumerate(tokens) if i > 0 and (t.text in _ORG_ENDS or _next_org_after_comma(tokens, i))), None)
    if len(tokens) > 1 and tokens[0].text in ORG_HEADS and tokens[1].text in _AFTER_BARE_HEAD:
        cut = 1  # a back-reference and what is said of it (``Bộ về việc``, ``Bộ tại sân bay Nội Bài``)
    return tokens if cut is None else tokens[:cut]


def _next_org_after_comma(tokens: list, i: int) -> bool:
    """A comma before another organization's head (``Công ty cổ phần Con Cưng, Bộ Công thương``):
    two names, not one (a name's own commas, ``Sản xuất, Lắp ráp``, come before no head)."""
    following = " ".join(t.text for t in tokens[i + 1 : i + 3])
    return tokens[i].text == "," and any(following == h or following.startswith(h + " ") for h in ORG_HEADS if h[:1].isupper())


def clean_candidates(
    doc: Doc, candidates: list[Candidate], *, labels: tuple[str, ...] = LABELS, text: str | None = None
) -> list[Candidate]:
    """Candidates (of ``labels``; others pass) without edge punctuation, INDICATORs cut at a
    predicate and without generic words alone, ORGs without a trailing personal name or a
    non-abbreviation parenthesis, and no OFFICIAL or ORG on a byline (a short line of names)."""
    cleaned = []
    text = doc.text if text is None else text
    for c in candidates:
        if c.label not in labels:
            cleaned.append(c)
            continue
        span = doc.char_span(c.start, c.end)
        if span is None:
            continue
        tokens = list(span)
        while tokens and _is_punct(tokens[0].text):
            tokens.pop(0)
        while tokens and _is_punct(tokens[-1].text) and not (
            tokens[-1].text == ")" and any(t.text == "(" for t in tokens)
        ):
            tokens.pop()
        if c.label == "ORG" and len(tokens) > 1 and _is_person(tokens[-1].text):
            tokens.pop()
        if c.label == "ORG":
            # a name the segmenter glued to the next words (``Bộ GTVT`` + ``Nguyễn Nhật thông tin``)
            glued = next((i for i, t in enumerate(tokens) if i > 0 and _starts_with_person(t.text)), None)
            tokens = tokens if glued is None else tokens[:glued]
        if c.label == "ORG":
            tokens = _org_tokens(tokens)
        opening = next((i for i, t in enumerate(tokens) if t.text == "("), None)
        if opening and not (opening + 2 < len(tokens) and tokens[opening + 2].text == ")"
                            and re.fullmatch(_ACRONYM, tokens[opening + 1].text)):
            tokens = tokens[:opening]  # a parenthesis that is no abbreviation
        if c.label == "INDICATOR":
            cut = next((i for i, t in enumerate(tokens) if i > 0 and (t.text.lower() in _PREDICATES or t.text == "sang" or _trails(tokens, i))), None)
            tokens = tokens if cut is None else tokens[:cut]
            while len(tokens) > 1 and tokens[0].text.lower() in _LEADING_CUES:
                tokens.pop(0)
        while c.label in ("INDICATOR", "ORG") and len(tokens) > 1 and (
            tokens[-1].text.lower() in INDICATOR_STOPS or _NUMBER.search(tokens[-1].text)
        ):
            tokens.pop()
        if c.label == "INDICATOR" and len(tokens) == 1 and tokens[0].text.lower() in _GENERIC_MEASURES:
            continue
        if c.label == "INDICATOR" and tokens and _not_indicator(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)):
            continue
        if not tokens or (c.label in ("ORG", "OFFICIAL") and _on_byline(text, c.start)):
            continue
        if c.label == "OFFICIAL" and not _looks_like_name(text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]):
            continue
        start = tokens[0].idx
        if c.label == "ORG":
            start += _glued_lead(tokens[0].text)
        cleaned.append(Candidate(start, tokens[-1].idx + len(tokens[-1].text), c.label, c.source))
    return cleaned


def _after_glued_lead(text: str, start: int) -> bool:
    """Whether a word that never starts an ORG and a space come right before ``start``."""
    lead = text[max(0, start - 8) : start]
    words = lead.split()
    return lead.endswith(" ") and bool(words) and words[-1].lower() in _ORG_NOT_FIRST


def _glued_lead(token: str) -> int:
    """How many characters of an ORG's first token are a word that never starts one, glued to the
    name by the segmenter (``Như bộ`` + ``Tài chính``): the name starts after them."""
    first, space, rest = token.partition(" ")
    return len(first) + 1 if space and rest and first.lower() in _ORG_NOT_FIRST else 0


#: a short name in parentheses right after an organization's name: its abbreviation (``(Visco)``, ``(VASEP)``)
_ABBREVIATION_AFTER = re.compile(rf"\s*\((?:{_ACRONYM}|[A-ZĐ][\w&.\-]{{1,11}})\)")


#: acronyms and short capitalized names that name no organization (measures, currencies, places,
#: documents, company bodies, degrees, photo credits)
NOT_ORG_ACRONYMS: frozenset[str] = frozenset(
    "USD VND EUR JPY CNY XK NK XNK XNC DN DNNN FDI ODA GDP GRDP CPI IIP PMI ROE ROA NPL VAT GTGT TNDN KCN CCN "
    "KKT BOT BT PPP NSNN NSTW NSĐP HĐQT HĐTV ĐHĐCĐ BKS TGĐ CEO CFO TP TPHCM HCM HN VN EU FTA EVFTA CPTPP RCEP "
    "NĐ QĐ TT CP TNHH MTV CNTT KHCN ĐTNN CBCC TS ThS PGS GS ST PV KH KT CT II III IV VI VII VIII IX XI XII "
    "ASEAN APEC GMS VACN VA IPO M&A LNG LPG ICT AI COVID SARS OTC NSTT THCS THPT ĐBQH".split()
)
_ACRONYM_NAME = re.compile(r"(?<![\w.&/:-])(?:[A-ZĐ][A-ZĐ0-9]{1,6}|[A-Z][a-z]+[A-Z][A-Za-z]+)(?![\w&/-])")


def acronym_orgs(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Company tickers and brand names used bare (``MB``, ``PVC``, ``MobiFone``): a short acronym or
    CamelCase name, not a measure, currency, place or document (:data:`NOT_ORG_ACRONYMS`), written
    at least twice in the text, is an ORG where nothing else is (``HNX: PVX`` tickers excepted)."""
    matches = [m for m in _ACRONYM_NAME.finditer(text) if m.group() not in NOT_ORG_ACRONYMS]
    counts = Counter(m.group() for m in matches)
    found = []
    for m in matches:
        if counts[m.group()] < 2 or re.search(r"(?:HNX|HOSE|UPCoM|mã)\s*:?\s*$", text[max(0, m.start() - 8) : m.start()]):
            continue
        if not any(c.start < m.end() and m.start() < c.end for c in candidates):
            found.append(Candidate(m.start(), m.end(), "ORG", "repeat"))
    return found


def _group_spans(doc: Doc, spans_key: str) -> list[Candidate]:
    """The spans already in the group (QUANTITY, TIME, BASIS), as candidates that block others."""
    return [Candidate(s.start_char, s.end_char, s.label_, "group") for s in doc.spans.get(spans_key, [])]


def with_abbreviations(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ORG candidates followed by a parenthesized abbreviation take it in (GUIDELINES: it belongs
    to the span): ``Công ty Cổ phần Thép Việt Ý (Visco)``."""
    extended = []
    for c in candidates:
        match = _ABBREVIATION_AFTER.match(text, c.end) if c.label == "ORG" else None
        extended.append(Candidate(c.start, match.end(), c.label, c.source) if match else c)
    return extended


def extend_model_orgs(candidates: list[Candidate]) -> list[Candidate]:
    """A model ORG gives way to a rule ORG that starts with it and goes on (the rule read the
    whole name: ``Công ty CP Đầu tư và Xây dựng`` + ``Xuân Mai``)."""
    rules = [c for c in candidates if c.label == "ORG" and c.source == "rule"]
    return [c for c in candidates if not (
        c.label == "ORG" and c.source == "model" and any(r.start == c.start and r.end > c.end for r in rules)
    )]


def _not_indicator(text: str, start: int, end: int) -> bool:
    """A market (``Trung Quốc đạt 6,36 tỷ USD``), a person's name (``Nguyễn Văn Tùng đạt 514 triệu
    đồng``), or the words after ``thị trường`` (``các thị trường xuất khẩu chính là ...``): the
    measure is elsewhere."""
    phrase = text[start:end]
    return phrase in MARKETS or _is_person(phrase) or bool(re.search(r"thị trường\s+$", text[max(0, start - 12) : start], re.I))


def _not_org(text: str, c: Candidate) -> bool:
    """Countries, documents and events, bare heads, and ``Chính phủ`` of ``trái phiếu Chính phủ``."""
    phrase = text[c.start : c.end]
    return c.label == "ORG" and (
        phrase in NOT_ORGS
        or any(phrase.startswith(w + " ") for w in NOT_ORG_STARTS)
        or (phrase in ORG_HEADS and phrase not in STANDALONE_ORGS)
        or text[: c.start].endswith(("trái phiếu ", "Trái phiếu "))
    )


_ABBREVIATION_AT_END = re.compile(rf"\(({_ACRONYM})\)$")
#: a one-word brand no Vietnamese syllable spells (``Novaland``, ``Vinamilk``): letters without diacritics, six or more
_BRAND = r"[A-Z][a-z]{5,}"
#: a company's name part without its head: capitalized words or acronyms (``Hòa Phát``, ``HPG``)
_COMPANY_NAME = re.compile(rf"(?:{_CAP}|{_ACRONYM})(?: (?:{_CAP}|{_ACRONYM}))+|{_ACRONYM}|{_BRAND}")


@lru_cache(maxsize=1)
def _company_part_pattern() -> re.Pattern[str]:
    """A corporate head and legal form; group 1 is the company's name after them."""
    return re.compile(rf"(?:{_alternation(CORPORATE_HEADS)}) (?:(?:{_alternation(_LEGAL_FORMS)}) )?(.+)$")


def repeated_orgs(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Other mentions in the document of the ORGs found: the same name, its abbreviation in
    parentheses (``HSG`` of ``... (HSG)``) and the name part of a company (``Hòa Phát`` of
    ``Tập đoàn Hòa Phát``), where nothing else was found (source ``repeat``)."""
    names: set[str] = set()
    modelled = Counter(text[c.start : c.end] for c in chosen if c.label == "ORG" and c.source == "model")
    for c in chosen:
        if c.label != "ORG":
            continue
        phrase = text[c.start : c.end]
        if c.source == "model" and modelled[phrase] < 2 and not _org_head_pattern().match(phrase):
            continue
        names.add(phrase)
        abbreviation = _ABBREVIATION_AT_END.search(phrase)
        if abbreviation:
            names.add(abbreviation.group(1))
            phrase = phrase[: abbreviation.start()].rstrip()
        part = _company_part_pattern().match(phrase)
        if part and _COMPANY_NAME.fullmatch(part.group(1)):
            names.add(part.group(1))
    names = {n for n in names if len(n) >= 2 and n not in NOT_ORGS and not _is_person(n)}
    if not names:
        return []
    pattern = re.compile(rf"{_starting_with(names)}(?<![\w])(?:{_alternation(names)})(?![\w])")
    return [Candidate(m.start(), m.end(), "ORG", "repeat") for m in pattern.finditer(text)]


#: an honorific before a bare given name (``ông Hưng`` after ``ông Dương Duy Hưng``)
_SHORT_NAME_LEAD = r"(?:(?<=\bông )|(?<=\bbà )|(?<=\bÔng )|(?<=\bBà ))"


def repeated_officials(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Later mentions of an OFFICIAL by the last syllable of the name after an honorific (``ông
    Hưng`` for ``Dương Duy Hưng``), where nothing else is (source ``repeat``)."""
    names = {text[c.start : c.end].split()[-1] for c in chosen if c.label == "OFFICIAL" and len(text[c.start : c.end].split()) >= 2}
    names = {n for n in names if re.fullmatch(_CAP, n)}
    if not names:
        return []
    pattern = re.compile(rf"{_SHORT_NAME_LEAD}(?:{_alternation(names)})(?![\w]| [A-ZĐ])")
    return [Candidate(m.start(), m.end(), "OFFICIAL", "repeat") for m in pattern.finditer(text)]


_NAME_SYLLABLES = re.compile(rf"{_CAP}(?: {_CAP}){{0,4}}")


def _looks_like_name(phrase: str) -> bool:
    return _NAME_SYLLABLES.fullmatch(phrase) is not None


_BYLINE = re.compile(rf"(?:{_CAP}(?: {_CAP}){{0,3}})(?:\s*[–\-,/]\s*{_CAP}(?: {_CAP}){{0,3}})*")


def _on_byline(text: str, position: int) -> bool:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : len(text) if end < 0 else end].strip()
    return len(line) <= 40 and _BYLINE.fullmatch(line) is not None and not _org_head_pattern().match(line)


def _sentence_of(sentences: list[tuple[int, int]], position: int) -> int:
    """The index of the stretch of ``sentences`` that holds ``position`` (-1 for none)."""
    index = bisect.bisect_right(sentences, (position, float("inf"))) - 1
    return index if index >= 0 and position < sentences[index][1] else -1


def to_spans(doc: Doc, chosen: list[Candidate], taken: list[Span]) -> list[Span]:
    """Token-aligned spans of ``chosen`` that overlap nothing in ``taken``; a candidate that does not
    fall on token boundaries is dropped (its tokens straddle a neighbour)."""
    spans = []
    for c in chosen:
        span = _within_edges(doc.char_span(c.start, c.end, label=c.label))
        if span is None or any(s.start < span.end and span.start < s.end for s in taken):
            continue
        spans.append(span)
    return spans


#: characters a span may not end with (GUIDELINES.md: a closing ``)`` and ``%`` may); none may start it
_BAD_END = " \t\n\r.,;:!?\"'“”‘’([]–-"
_BAD_START = _BAD_END + ")"


def _within_edges(span: Span | None) -> Span | None:
    """``span`` without edge tokens that start or end with punctuation (a token such as
    ``TP.HCM.`` holds a sentence's full stop); None when nothing is left."""
    if span is None:
        return None
    start, end = span.start, span.end
    while start < end and span.doc[start].text[:1] in _BAD_START:
        start += 1
    while start < end and span.doc[end - 1].text[-1:] in _BAD_END:
        end -= 1
    return Span(span.doc, start, end, label=span.label_) if start < end else None


# --------------------------------------------------------------------------------------------
# the component


@Language.factory(
    "vnie_entities",
    assigns=["doc.spans", f"span._.{SPAN_ATTRS_ATTR}"],
    default_config={"spans_key": SPAN_GROUP, "use_model": True, "use_rules": True, "lexicon_min_precision": 0.8},
    default_score_weights={},
)
def make_entity_recognizer(
    nlp: Language, name: str, *, spans_key: str, use_model: bool, use_rules: bool, lexicon_min_precision: float
) -> "EntityRecognizer":
    register()
    return EntityRecognizer(
        name=name, spans_key=spans_key, use_model=use_model, use_rules=use_rules,
        lexicon_min_precision=lexicon_min_precision,
    )


class EntityRecognizer:
    """Adds ORG, OFFICIAL, TITLE and INDICATOR spans to ``doc.spans[spans_key]`` (see module doc).

    ``use_model``: take the entities of a preceding ``ner``; ``use_rules``: add the rules' candidates;
    ``lexicon_min_precision``: a name of the training data enters the ORG lexicon when at least this
    share of its occurrences in the training texts is annotated ORG.
    """

    def __init__(
        self, *, name: str = "vnie_entities", spans_key: str = SPAN_GROUP, use_model: bool = True,
        use_rules: bool = True, lexicon_min_precision: float = 0.8, lexicon: Iterable[str] = (),
    ) -> None:
        register()
        if not 0.0 <= lexicon_min_precision <= 1.0:
            raise VnieError(Errors.E016.format(value=lexicon_min_precision))
        self.name = name
        self.spans_key = spans_key
        self.use_model = use_model
        self.use_rules = use_rules
        self.lexicon_min_precision = lexicon_min_precision
        self.lexicon: list[str] = sorted(set(lexicon))
        self._lexicon_pattern: re.Pattern[str] | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.predict(doc))

    def predict(self, doc: Doc) -> list[Candidate]:
        text = doc_text(doc)
        candidates: list[Candidate] = []
        if self.use_model:
            candidates += clean_candidates(doc, model_candidates(doc, LABELS), text=text)
        if self.use_rules:
            candidates += clean_candidates(doc, rule_candidates(doc, text), labels=("INDICATOR",), text=text)
            candidates += [Candidate(s, e, "ORG", "rule") for s, e in self._lexicon_matches(text)]
        candidates = extend_model_orgs(with_abbreviations(text, candidates))
        if self.use_rules:
            candidates = extend_over_sources(doc, candidates)
            candidates += commodity_candidates(text, candidates)
            candidates += aspect_candidates(doc, self.spans_key)
            candidates += listed_officials(text, candidates)
        candidates = indicators_with_values(doc, fallback_rules(text, candidates, "INDICATOR"), self.spans_key, text)
        chosen = [c for c in choose(candidates, SOURCE_PRIORITY) if not _not_org(text, c)]
        if self.use_rules:
            repeated = [c for c in repeated_orgs(text, chosen) if not _not_org(text, c)]
            chosen = choose(chosen + repeated + repeated_officials(text, chosen) + officials_after_offices(text, chosen), SOURCE_PRIORITY)
            chosen = choose(chosen + acronym_orgs(text, chosen + _group_spans(doc, self.spans_key)), SOURCE_PRIORITY)
            chosen = with_press_words(text, chosen)
        values = [s.start_char for s in doc.spans.get(self.spans_key, []) if s.label_ == "QUANTITY"]
        if values:
            chosen = nearest_indicators(text, chosen, values)
        return constrain(text, chosen)

    def set_annotations(self, doc: Doc, chosen: list[Candidate]) -> Doc:
        existing = [(s.start_char, s.end_char, s.label_, s._.get(SPAN_ATTRS_ATTR)) for s in doc.spans.get(self.spans_key, [])]
        # a name the segmenter glued to the next words (``Hưng thông tin``) is cut out of its token
        # and so is an ORG from the word that never starts one glued before it (``Như bộ`` + ``Tài chính``)
        text = doc_text(doc)
        split_tokens_at(doc, {offset for c in chosen if c.label == "OFFICIAL" for offset in (c.start, c.end)}
                        | {c.start for c in chosen if c.label == "ORG" and _after_glued_lead(text, c.start)})
        taken = [span for span in (span_at(doc, *item) for item in existing) if span is not None]
        spans = to_spans(doc, chosen, taken)
        for span in spans:
            span._.set(SPAN_ATTRS_ATTR, {})
        doc.spans[self.spans_key] = sorted(taken + spans, key=lambda s: s.start_char)
        return doc

    def initialize(self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
                   lexicon: Iterable[str] | None = None) -> None:
        """Learn the ORG lexicon from the examples' reference entities, or take ``lexicon`` as given."""
        if lexicon is not None:
            self.lexicon = sorted(set(lexicon))
        elif get_examples is not None:
            self.lexicon = learn_lexicon((eg.reference for eg in get_examples()), self.lexicon_min_precision)
        self._lexicon_pattern = None

    def _lexicon_matches(self, text: str) -> list[tuple[int, int]]:
        if not self.lexicon:
            return []
        if self._lexicon_pattern is None:
            lexicon = self.lexicon
            self._lexicon_pattern = re.compile(rf"{_starting_with(lexicon)}(?<![\w])(?:{_alternation(lexicon)})(?![\w])")
        return [m.span() for m in self._lexicon_pattern.finditer(text)]

    # serialization: the settings live in the pipeline's config; only the lexicon is data ----

    def _set_lexicon(self, names: list[str]) -> None:
        self.lexicon = sorted(set(names))
        self._lexicon_pattern = None

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        return util.to_bytes({"lexicon": lambda: srsly.json_dumps(self.lexicon)}, exclude)

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> "EntityRecognizer":
        util.from_bytes(data, {"lexicon": lambda b: self._set_lexicon(srsly.json_loads(b))}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = util.ensure_path(path)
        util.to_disk(path, {"lexicon.json": lambda p: srsly.write_json(p, self.lexicon)}, exclude)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> "EntityRecognizer":
        path = util.ensure_path(path)
        util.from_disk(path, {"lexicon.json": lambda p: self._set_lexicon(srsly.read_json(p))}, exclude)
        return self


def learn_lexicon(docs: Iterable[Doc], min_precision: float) -> list[str]:
    """ORG names of ``docs`` (two characters or more) of which at least ``min_precision`` of the
    occurrences in the texts are annotated ORG; case-sensitive and whole words."""
    docs = list(docs)
    annotated: Counter[str] = Counter(e.text for doc in docs for e in doc.ents if e.label_ == "ORG")
    names = [n for n in annotated if len(n) >= 2 and n not in ORG_HEADS]
    lexicon = []
    for name in names:
        pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
        seen = sum(len(pattern.findall(doc.text)) for doc in docs)
        if seen and annotated[name] / seen >= min_precision:
            lexicon.append(name)
    return sorted(lexicon)

