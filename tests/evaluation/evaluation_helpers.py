"""Small documents built by hand for the evaluation tests.

Spans are located by a fragment of the text (its n-th occurrence), so that the expectations of a
test read as words rather than offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evaluation.annotations import SpanKey
from evaluation.bootstrap import BootstrapSettings
from evaluation.evaluate import Evaluation, evaluate_documents
from evaluation.pairing import DocPair, pair_documents
from pipeline.document import Document, Relation, Span
from pipeline.validation import LoadedDocument

TEXT = (
    "Ông Mai Xuân Liêm, Phó Chủ tịch UBND tỉnh Thanh Hóa, cho biết tổng giá trị xuất khẩu ước đạt "
    "6,293 tỷ USD, tăng 5% so với cùng kỳ năm 2024. Giá trị nhập khẩu đạt 4.000 triệu USD."
)


def quantity_attrs(**changes: Any) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "value": 6293000000.0,
        "value_max": None,
        "unit": "USD",
        "kind": "level",
        "bound": None,
        "period": "2024",
        "basis": None,
        "status": "estimate",
    }
    attrs.update(changes)
    return attrs


DEFAULT_ATTRS = {"TIME": {"period": "2024"}, "BASIS": {"basis": "same_period_last_year"}}


def offsets(fragment: str, text: str = TEXT, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def key(fragment: str, label: str, text: str = TEXT, occurrence: int = 1) -> SpanKey:
    return SpanKey(*offsets(fragment, text, occurrence), label)


def span(
    span_id: str, fragment: str, label: str, attrs: dict[str, Any] | None = None, text: str = TEXT, occurrence: int = 1
) -> Span:
    start, end = offsets(fragment, text, occurrence)
    if attrs is None:
        attrs = quantity_attrs() if label == "QUANTITY" else dict(DEFAULT_ATTRS.get(label, {}))
    return Span(id=span_id, start=start, end=end, label=label, text=text[start:end], attrs=attrs)


def relation(head: str, label: str, tail: str) -> Relation:
    return Relation(head=head, tail=tail, label=label)


def document(
    spans: Sequence[Span] = (), relations: Sequence[Relation] = (), doc_id: str = "d1", text: str = TEXT
) -> Document:
    return Document(id=doc_id, text=text, spans=list(spans), relations=list(relations))


def loaded(doc: Document, line: int = 1) -> LoadedDocument:
    assert doc.text is not None
    return LoadedDocument(line, doc, doc.text)


def pairs(gold: Sequence[Document], pred: Sequence[Document]) -> tuple[DocPair, ...]:
    """Pair hand-made documents as the scorer does."""
    gold_loaded = [loaded(doc, line) for line, doc in enumerate(gold, start=1)]
    pred_loaded = [loaded(doc, line) for line, doc in enumerate(pred, start=1)]
    return pair_documents(gold_loaded, pred_loaded).pairs


def one_pair(gold: Document, pred: Document | None) -> DocPair:
    return pairs([gold], [] if pred is None else [pred])[0]


EVIL = (
    'Công ty <A&B> "Hòa Phát" tăng 5% trong năm 2024. <script>alert(1)</script> Giá trị nhập khẩu đạt 4.000 triệu USD.'
)


def report_evaluation(with_baseline: bool = True) -> Evaluation:
    """An evaluation with every kind of error, on a text full of HTML and Markdown syntax."""
    gold = document(
        [
            span("G1", "A&B", "ORG", text=EVIL),
            span("G2", "Hòa Phát", "ORG", text=EVIL),
            span("Q1", "5%", "QUANTITY", quantity_attrs(value=5.0, unit="%", kind="change"), text=EVIL),
            span("T1", "năm 2024", "TIME", text=EVIL),
            span("I1", "Giá trị nhập khẩu", "INDICATOR", text=EVIL),
            span("Q2", "4.000 triệu USD", "QUANTITY", quantity_attrs(value=4e9), text=EVIL),
        ],
        [relation("Q1", "time", "T1"), relation("Q2", "indicator", "I1")],
        doc_id="<doc & co>",
        text=EVIL,
    )
    pred = document(
        [
            span("a", "A&B", "OFFICIAL", text=EVIL),  # wrong label
            span("b", "alert", "ORG", text=EVIL),  # spurious, inside the <script> text
            span("c", "5%", "QUANTITY", quantity_attrs(value=5.0, unit="<%>", kind="change"), text=EVIL),
            span("d", "2024", "TIME", text=EVIL),  # wrong boundary
            span("e", "Giá trị nhập khẩu", "INDICATOR", text=EVIL),
        ],
        [relation("c", "time", "d")],
        doc_id="<doc & co>",
        text=EVIL,
    )
    baseline = document([span("x", "Hòa Phát", "ORG", text=EVIL)], doc_id="<doc & co>", text=EVIL)
    systems = [(Path("pipeline.jsonl"), [loaded(pred)])]
    if with_baseline:
        systems.append((Path("underthesea.jsonl"), [loaded(baseline)]))
    return evaluate_documents(
        [loaded(gold)], systems, settings=BootstrapSettings(resamples=100), gold_path="gold.jsonl"
    )
