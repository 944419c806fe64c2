"""The relation stage: link each QUANTITY to its INDICATOR, TIME and BASIS, and each OFFICIAL to
its TITLE and ORG, by the rules of GUIDELINES.md ("Relations").

Within a sentence (relations never cross one, except none here):
- ``indicator``: one the value names right after it with ``về`` (``tăng 33,1% về lượng``); else
  the nearest INDICATOR before the value in its clause (values of a clause share it); else the
  nearest one right after the value in its clause (``đạt 1.937 tỷ đồng doanh thu``); else the
  nearest one before it in the sentence; else, in a sentence that plainly continues the previous
  one (``Cụ thể, ...``), that sentence's last INDICATOR.
- ``time``: the nearest TIME of the value's clause (before it, else after it); else a TIME fronted
  before the sentence's first value or standing in a list head (before ``:``), which reaches
  across ``;``.
- ``basis``, for ``change`` and ``ratio`` values only: a BASIS written right before the value
  introduces it (``so với tháng 12/2016 tăng 0,9%``); otherwise a BASIS applies to the values
  before it in its clause, back to the previous BASIS, except that a plan basis right after a
  ratio belongs to that ratio alone (C24); a BASIS fronted before the first value, or in a list
  head, applies to every value of the sentence that has none of its own.
- ``title``: a TITLE followed (past its ORG and an honorific) by a name, or by names joined by
  ``,``/``và`` that share it; else a name before it (``X, TITLE``, ``X, TITLE1, TITLE2``,
  ``X là TITLE``, ``X ... giữ chức TITLE``); ``org``: the ORG right after that TITLE (the most
  specific one, C4).
Then each quantity's ``basis`` attribute is set from its BASIS link (null without one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .extensions import RELATIONS_ATTR, SPAN_ATTRS_ATTR, SPAN_GROUP, doc_text, register
from .quantities import UNITS
from .sentences import sentence_spans
from .serialization import ConfigSerializable

#: most characters between a BASIS and the value it introduces (``so với cùng kỳ tăng``)
INTRODUCES_WITHIN = 24
#: most characters between a TITLE (with its ORG) and the name it precedes
TITLE_BEFORE_NAME_WITHIN = 3
_INTRODUCER = re.compile(r"^[\s,]*(?:(?:đã|thì|lại|chỉ|cũng|vẫn|đều|còn|ước|ước tính|ước đạt|dự kiến|đạt|tăng|giảm|bằng|là|ở mức|gấp|vượt|cao hơn|thấp hơn|khoảng|hơn|gần|trên|dưới|xấp xỉ|tới|đến)\s*)*$")
_PLAN_BASES = ("plan",)


@dataclass(frozen=True)
class Item:
    """A span of the group with its place: ``clause`` is the index of its clause in the sentence."""

    span: SpacySpan
    clause: int

    @property
    def label(self) -> str:
        return self.span.label_

    @property
    def start(self) -> int:
        return self.span.start_char

    @property
    def end(self) -> int:
        return self.span.end_char


@Language.factory(
    "vnie_relation_linker",
    requires=["doc.spans"],
    assigns=["doc._.vnie_relations"],
    default_config={"spans_key": SPAN_GROUP, "resolve_attributes": True},
    default_score_weights={},
)
def make_relation_linker(nlp: Language, name: str, *, spans_key: str, resolve_attributes: bool) -> "RelationLinker":
    register()
    return RelationLinker(name=name, spans_key=spans_key, resolve_attributes=resolve_attributes)


class RelationLinker(ConfigSerializable):
    def __init__(self, *, name: str = "vnie_relation_linker", spans_key: str = SPAN_GROUP, resolve_attributes: bool = True) -> None:
        self.name = name
        self.spans_key = spans_key
        self.resolve_attributes = resolve_attributes

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.predict(doc))

    def predict(self, doc: Doc) -> list[tuple[SpacySpan, str, SpacySpan]]:
        spans = sorted(doc.spans.get(self.spans_key, []), key=lambda s: (s.start_char, s.end_char))
        text = doc_text(doc)
        relations: list[tuple[SpacySpan, str, SpacySpan]] = []
        position = 0
        carried: SpacySpan | None = None
        for start, end in sentence_spans(text):
            while position < len(spans) and spans[position].start_char < start:
                position += 1
            inside = []
            while position < len(spans) and spans[position].start_char < end:
                inside.append(spans[position])
                position += 1
            relations.extend(link_sentence(text, start, _items(text, start, end, inside), carried))
            carried = next((s for s in reversed(inside) if s.label_ == "INDICATOR"), None)
        return _unique(relations)

    def set_annotations(self, doc: Doc, relations: list[tuple[SpacySpan, str, SpacySpan]]) -> Doc:
        register()
        doc._.set(RELATIONS_ATTR, relations)
        if self.resolve_attributes:
            _resolve_attributes(relations, doc.spans.get(self.spans_key, []))
        return doc

    def _get_config(self) -> dict[str, Any]:
        return {"spans_key": self.spans_key, "resolve_attributes": self.resolve_attributes}

    def _set_config(self, config: dict[str, Any]) -> None:
        self.spans_key, self.resolve_attributes = config["spans_key"], config["resolve_attributes"]


def _unique(relations: list[tuple[SpacySpan, str, SpacySpan]]) -> list[tuple[SpacySpan, str, SpacySpan]]:
    """Each relation once (two titles of one official may name the same ORG), in order."""
    seen: set[tuple[int, int, str, int, int]] = set()
    unique = []
    for head, label, tail in relations:
        key = (head.start_char, head.end_char, label, tail.start_char, tail.end_char)
        if key not in seen:
            seen.add(key)
            unique.append((head, label, tail))
    return unique


def _items(text: str, start: int, end: int, spans: list[SpacySpan]) -> list[Item]:
    bounds = [m.start() for m in re.finditer(";", text[start:end])]
    return [Item(span, sum(1 for b in bounds if start + b < span.start_char)) for span in spans]


#: how a sentence that goes on with the previous sentence's measure opens (GUIDELINES "Relations":
#: ``indicator`` crosses a sentence only where the later one plainly continues the same measure)
_CONTINUES = re.compile(
    r"\W*(?:Cụ thể|Trong đó|Riêng|Tính riêng|Chỉ tính riêng|Tính chung|Trung bình|Con số|Như vậy|Theo đó|"
    r"Các thị trường|Còn lại|Lũy kế|Luỹ kế|Ước tính)\b"
)


def link_sentence(text: str, start: int, items: list[Item], carried: SpacySpan | None = None) -> Iterator[tuple[SpacySpan, str, SpacySpan]]:
    """Every relation of one sentence (``start`` is its offset in ``text``); ``carried`` is the
    previous sentence's last INDICATOR, which the values of a continuing sentence that names no
    measure take (:data:`_CONTINUES`)."""
    quantities = [item for item in items if item.label == "QUANTITY"]
    head_end = _list_head_end(text, start, quantities, [item for item in items if item.label == "BASIS"])
    continues = carried is not None and _CONTINUES.match(text, start) is not None
    for quantity in quantities:
        indicator = _indicator(text, items, quantity)
        links = (("indicator", indicator.span if indicator else carried if continues and _measured(quantity) else None),
                 ("time", getattr(_time(text, items, quantity, head_end), "span", None)))
        for label, tail in links:
            if tail is not None:
                yield quantity.span, label, tail
    yield from _bases(text, items, quantities, head_end)
    yield from _offices(text, items)


#: the canonical units of measures (a value in another unit counts things: ``1.000 dự án``)
_MEASURE_UNITS = frozenset(UNITS.values())


def _measured(quantity: Item) -> bool:
    """Whether a value measures an amount (a count of things takes no carried measure)."""
    unit = _attrs(quantity.span).get("unit")
    return unit is None or unit.split("/")[0] in _MEASURE_UNITS


def _list_head_end(text: str, start: int, quantities: list[Item], bases: list[Item] = ()) -> int:
    """Where the fronted part of the sentence ends: its first value, or a list head's ``:`` /
    ``như`` before it, or the ``là`` after a comparison that heads a list (``Các mặt hàng giảm
    nhiều so với tháng 11 là điện thoại ... giảm 1,9 tỷ USD``); cues up to there reach every value
    of the sentence."""
    if not quantities:
        return start
    first = quantities[0].start
    head = max(text.rfind(":", start, first), _last_nhu(text, start, first),
               *(b.end for b in bases if b.end <= first and _LIST_AFTER_BASIS.match(text, b.end)))
    return head if head > start else first


#: a comparison that heads a list with ``là``
_LIST_AFTER_BASIS = re.compile(r"\s+là\s*:?\s+(?!\d)")


def _last_nhu(text: str, start: int, end: int) -> int:
    found = [m.start() for m in re.finditer(r"\bnhư\b", text[start:end])]
    return start + found[-1] if found else -1


def _before(items: Iterable[Item], item: Item, label: str) -> list[Item]:
    return [other for other in items if other.label == label and other.end <= item.start]


def _indicator(text: str, items: list[Item], quantity: Item) -> Item | None:
    same_clause = [i for i in items if i.clause == quantity.clause]
    after = [i for i in same_clause if i.label == "INDICATOR" and i.start >= quantity.end]
    if after and text[quantity.end : after[0].start].strip() == "về":  # "tăng 33,1% về lượng"
        return after[0]
    before = [i for i in _before(same_clause, quantity, "INDICATOR") if not _denominator(text, items, i)]
    if before:
        return before[-1]
    if after and text[quantity.end : after[0].start].strip() == "":  # "đạt 1.937 tỷ đồng doanh thu"
        return after[0]
    sentence_before = [i for i in _before(items, quantity, "INDICATOR") if not _denominator(text, items, i)]
    return sentence_before[-1] if sentence_before else None


#: a share's lead (``chiếm 25,2%``), before the whole it is a share of
_SHARE_LEAD = re.compile(r"\bchiếm(?:\s+(?:khoảng|gần|hơn|tới|trên|xấp xỉ|đến))?\s*$")


def _denominator(text: str, items: list[Item], indicator: Item) -> bool:
    """Whether ``indicator`` names the whole a share is taken of (``chiếm 25,2% kim ngạch xuất
    khẩu``): the share's measure, not one for the values after it."""
    value = next((i for i in reversed(items) if i.label == "QUANTITY" and i.end <= indicator.start), None)
    return (value is not None and text[value.end : indicator.start].strip() in ("", "của", "tổng")
            and _SHARE_LEAD.search(text, max(0, value.start - 16), value.start) is not None)


#: a figure in parentheses right after its TIME (``năm 2019 (10,87 tỷ USD)``)
_TIME_THEN_FIGURE = re.compile(r"\s*\(\s*(?:với\s+|là\s+|đạt\s+)?")
#: what may stand between a value and its own TIME right after it (``61,4% cuối năm 2017``: the
#: edge words stay outside the TIME by C28)
_TIME_AFTER_VALUE = re.compile(r"^\s*(?:(?:trong|của|vào|tại|hồi)\s*)?(?:(?:cuối|đầu)\s*)?$")
_COMPARED = re.compile(
    r"(?:so với|so|với|hơn)\s*(?:(?:thành quả|kết quả|con số|mức|số liệu)(?:\s+[^\s\d,.;]+){0,2}?\s+)?(?:của\s+)?"
    r"(?:(?:hồi\s+)?(?:cuối|đầu)\s*)?$"
)


def _time(text: str, items: list[Item], quantity: Item, head_end: int) -> Item | None:
    """The value's TIME: one right after it (``3,6 triệu tấn năm 2008``), else the nearest of its
    clause before it, else after it, else a fronted one; a TIME after ``so với`` is what the value
    is compared with, not when it was measured."""
    own = [i for i in items if i.label == "TIME" and i.end <= quantity.start and _TIME_THEN_FIGURE.fullmatch(text[i.end : quantity.start])]
    if own:
        return own[-1]  # ``mức thặng dư năm 2019 (10,87 tỷ USD)``: the figure of that TIME, compared or not
    same_clause = [
        i for i in items
        if i.clause == quantity.clause and i.label == "TIME" and not _COMPARED.search(text[max(0, i.start - 40) : i.start])
    ]
    adjacent = [t for t in same_clause if t.start >= quantity.end and _TIME_AFTER_VALUE.match(text[quantity.end : t.start])]
    if adjacent:
        return adjacent[0]
    before = [t for t in same_clause if t.end <= quantity.start]
    if before:
        return before[-1]
    after = [t for t in same_clause if t.start >= quantity.end]
    values_after = [q for q in items if q.label == "QUANTITY" and q.clause == quantity.clause and q.start > quantity.start]
    if after and not any(q.start > after[0].start for q in values_after):  # not a TIME that heads a later value
        return after[0]
    fronted = _fronted(text, items, "TIME", head_end)
    return fronted[-1] if fronted else None


def _fronted(text: str, items: list[Item], label: str, head_end: int) -> list[Item]:
    """Cues of ``label`` that head the sentence: before ``head_end`` and set off from the values by
    a comma or a list head (``Trong năm 2024, ...``, ``... năm 2025 như sau:``)."""
    return [i for i in items if i.label == label and i.end <= head_end
            and (re.search(r"[,:]|\bnhư\b", text[i.end : head_end + 1]) or (label == "BASIS" and i.end == head_end))]


def _bases(text: str, items: list[Item], quantities: list[Item], head_end: int) -> Iterator[tuple[SpacySpan, str, SpacySpan]]:
    takers = [q for q in quantities if _attrs(q.span).get("kind") in ("change", "ratio")]
    bases = [i for i in items if i.label == "BASIS"]
    linked: dict[int, Item] = {}
    for basis in bases:
        introduced = _introduced(text, basis, quantities)
        if introduced is not None and introduced in takers:
            linked.setdefault(id(introduced), basis)
            continue
        for quantity in _values_before(basis, takers, bases):
            linked.setdefault(id(quantity), basis)
    fronted = _fronted(text, items, "BASIS", head_end)
    for quantity in takers:
        basis = linked.get(id(quantity)) or (fronted[-1] if fronted else None)
        if basis is not None:
            yield quantity.span, "basis", basis.span


def _introduced(text: str, basis: Item, quantities: list[Item]) -> Item | None:
    """The value a BASIS introduces: the next value, with only predicate words between."""
    following = [q for q in quantities if q.start >= basis.end and q.clause == basis.clause]
    if not following:
        return None
    gap = text[basis.end : following[0].start]
    if len(gap) <= INTRODUCES_WITHIN and _INTRODUCER.match(gap):
        preceding = [q for q in quantities if q.end <= basis.start and q.clause == basis.clause]
        if not preceding or text[preceding[-1].end : basis.start].strip(" ,") != "":
            return following[0]
    return None


def _values_before(basis: Item, takers: list[Item], bases: list[Item]) -> list[Item]:
    """The change and ratio values a BASIS applies back to: in its clause, after the previous BASIS.

    A plan basis right after a ratio belongs to that ratio alone (C24)."""
    previous = [b.end for b in bases if b.end <= basis.start and b.clause == basis.clause]
    floor = previous[-1] if previous else -1
    values = [q for q in takers if q.clause == basis.clause and floor <= q.start and q.end <= basis.start]
    if _attrs(basis.span).get("basis") in _PLAN_BASES:
        ratios = [q for q in values if _attrs(q.span).get("kind") == "ratio"]
        return ratios[-1:]
    return values


_HONORIFIC = r"(?:ông|bà|anh|chị|đồng chí|doanh nhân|tiến sĩ|TS\.?|PGS\.?|GS\.?)"
#: what may stand between a TITLE (with its ORG) and the name after it
_TITLE_TO_NAME = re.compile(rf"^[\s,–-]*(?:(?:khác\s+)?(?:là|của|:)\s*)?(?:(?:các\s+)?{_HONORIFIC}\s+)?$", re.IGNORECASE)
#: what joins names that share one title: ``A, B và ông C``
_NAME_JOINER = re.compile(rf"^\s*(?:,|và|,\s*và)\s*(?:{_HONORIFIC}\s+)?$", re.IGNORECASE)
#: what may stand between a name and its TITLE after it
_NAME_TO_TITLE = re.compile(
    r"^\s*(?:[,–(-]\s*)?(?:nguyên\s+)?(?:(?:khi đó|hiện|hiện nay|vẫn|sau đó|từng|đang)\s+)?"
    r"(?:(?:là|làm|giữ chức(?: vụ)?|nhậm chức|phụ trách(?: chức vụ)?|nhận nhiệm vụ|giữ cương vị|vị trí)\s+)?$",
    re.IGNORECASE,
)
#: a name after a verb of holding office, further away: ``ông X là người nhiều năm giữ chức``
HOLDING_VERB = re.compile(r"\b(?:giữ chức|nhậm chức|phụ trách|nhận nhiệm vụ|giữ cương vị|làm|là)\b", re.IGNORECASE)
HOLDING_WITHIN = 60
#: most characters between an ORG and the office it is the organization of, when not adjacent
SENTENCE_ORG_WITHIN = 40


def _offices(text: str, items: list[Item]) -> Iterator[tuple[SpacySpan, str, SpacySpan]]:
    officials = [i for i in items if i.label == "OFFICIAL"]
    holders: dict[int, Item] = {}
    for title in (i for i in items if i.label == "TITLE"):
        for official in _holders(text, items, title, officials, holders):
            yield official.span, "title", title.span
            org = _title_org(text, items, title) or _sentence_org(text, items, title, official)
            if org is not None:
                yield official.span, "org", org.span


def _holders(text: str, items: list[Item], title: Item, officials: list[Item], holders: dict[int, Item]) -> list[Item]:
    """The officials holding ``title``: the name (or names joined by ``,``/``và``) right after it,
    past its ORG; else the name before it (``X, TITLE``, ``X, TITLE1, TITLE2``, ``X là TITLE``)."""
    after = _names_after(text, items, title)
    if after:
        holders[id(title)] = after[0]
        return after
    before = _name_before(text, items, title, officials, holders)
    if before is None:
        return []
    holders[id(title)] = before
    if text[before.end : title.start].strip() == "(":
        return _names_listed_before(text, officials, before)
    return [before]


def _names_listed_before(text: str, officials: list[Item], last: Item) -> list[Item]:
    """``A, B và C`` ending at ``last``: names joined by ``,``/``và`` that share the title after them."""
    names = [last]
    for official in reversed([o for o in officials if o.end <= last.start]):
        if not _NAME_JOINER.match(text[official.end : names[0].start]):
            break
        names.insert(0, official)
    return names


def _names_after(text: str, items: list[Item], title: Item) -> list[Item]:
    cursor, names = title.end, []
    for item in (i for i in items if i.start >= title.end):
        gap = text[cursor : item.start]
        if names:
            if item.label == "OFFICIAL" and _NAME_JOINER.match(gap):
                names.append(item)
                cursor = item.end
                continue
            break
        if item.label == "OFFICIAL" and _TITLE_TO_NAME.match(gap):
            names.append(item)
        elif item.label not in ("ORG", "TITLE") or len(gap.strip(" ,–-")) > TITLE_BEFORE_NAME_WITHIN:
            break
        cursor = item.end
    return names


def _name_before(text: str, items: list[Item], title: Item, officials: list[Item], holders: dict[int, Item]) -> Item | None:
    previous = [i for i in items if i.end <= title.start]
    if not previous:
        return None
    nearest = previous[-1]
    gap = text[nearest.end : title.start]
    if nearest.label == "OFFICIAL" and _NAME_TO_TITLE.match(gap):
        return nearest
    if nearest.label in ("TITLE", "ORG") and gap.strip() in (",", "–", "-", "và", "kiêm"):
        chained = [t for t in previous if t.label == "TITLE" and id(t) in holders]
        if chained and text[chained[-1].end : title.start].count(".") == 0:
            return holders[id(chained[-1])]
    names = [o for o in officials if o.end <= title.start]
    if names and title.start - names[-1].end <= HOLDING_WITHIN:
        between = text[names[-1].end : title.start]
        if HOLDING_VERB.search(between) and not any(i.label in ("OFFICIAL", "TITLE") for i in previous if i.start >= names[-1].end):
            return names[-1]
    return None


#: what stands between an organization's name and its abbreviation or ticker: ``(``, ``(mã chứng khoán:``
_ALIAS_BETWEEN = re.compile(r"\s*\(\s*(?:(?:mã chứng khoán|mã CK|mã|HoSE|HOSE|HNX|UPCoM)\s*:\s*)?", re.IGNORECASE)


def _sentence_org(text: str, items: list[Item], title: Item, official: Item) -> Item | None:
    """Without an ORG right after the title: the nearest ORG before the name and title in the
    sentence, when no other official stands between (``Công ty ... (MWG), doanh nghiệp của Chủ tịch
    Nguyễn Đức Tài``)."""
    first = min(title.start, official.start)
    before = [i for i in items if i.end <= first]
    if before and before[-1].label == "ORG" and first - before[-1].end <= SENTENCE_ORG_WITHIN:
        if len(before) > 1 and before[-2].label == "ORG" and _ALIAS_BETWEEN.fullmatch(text[before[-2].end : before[-1].start]):
            return before[-2]  # the name, not its abbreviation or ticker in parentheses after it
        return before[-1]
    government = [i for i in items if i.label == "ORG" and i.span.text.lower().startswith("chính phủ")]
    if government and re.match(r"(?:phó\s+)?thủ tướng", title.span.text, re.IGNORECASE):
        return government[0]  # the Prime Minister's office is the Government's, wherever it is named
    return None


def _title_org(text: str, items: list[Item], title: Item) -> Item | None:
    after = [i for i in items if i.start >= title.end]
    if after and after[0].label == "ORG" and text[title.end : after[0].start].strip() in ("", "của", "tại"):
        return after[0]
    return None


def _attrs(span: SpacySpan) -> dict[str, Any]:
    return span._.get(SPAN_ATTRS_ATTR) or {}


def _resolve_attributes(relations: list[tuple[SpacySpan, str, SpacySpan]], spans: Iterable[SpacySpan]) -> None:
    """Set each quantity's ``basis`` from its BASIS link (null without one)."""
    links = {(head.start_char, head.end_char, label): tail for head, label, tail in relations}
    for span in spans:
        if span.label_ != "QUANTITY":
            continue
        attrs = dict(_attrs(span))
        basis = links.get((span.start_char, span.end_char, "basis"))
        attrs["basis"] = _attrs(basis).get("basis") if basis is not None else None
        span._.set(SPAN_ATTRS_ATTR, attrs)
