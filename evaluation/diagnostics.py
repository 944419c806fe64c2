"""What went wrong, for reading: a confusion table of span labels and a listing of errors by kind.

Both look at every overlap between a gold and a predicted span (of at least one character), not at
the one-to-one matching of the scores. Error kinds:

- ``missed``: a gold span that no prediction overlaps, or a gold relation not predicted;
- ``spurious``: a predicted span that overlaps no gold span, or a predicted relation not in the gold;
- ``wrong label``: a prediction with a gold span's offsets but another label, or a relation between
  the right arguments with another label;
- ``wrong boundary``: a prediction that overlaps a gold span with other offsets (any labels);
- ``wrong attribute``: a strictly matched QUANTITY with an attribute or indicator link that differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .annotations import AnnotationIndex, RelationKey, SpanKey
from .attributes import attribute_matches, attribute_value
from .excerpts import Excerpt, SentenceIndex
from .pairing import DocPair
from .strategies import align_spans

ERROR_KINDS: tuple[str, ...] = ("missed", "spurious", "wrong label", "wrong boundary", "wrong attribute")
MISSED, SPURIOUS = "missed", "spurious"


@dataclass(frozen=True)
class ErrorCase:
    kind: str
    #: ``span`` or ``relation``
    item: str
    doc_id: str
    gold: SpanKey | RelationKey | None
    pred: SpanKey | RelationKey | None
    #: what differs, in words (labels, attributes)
    detail: str
    #: the document's sentences, for the excerpt
    sentences: SentenceIndex = field(repr=False, compare=False)

    @property
    def marks(self) -> list[tuple[int, int, str]]:
        """The gold and predicted stretches (document offsets) to highlight."""
        return [*_marks(self.gold, "gold"), *_marks(self.pred, "pred")]

    @property
    def excerpt(self) -> Excerpt:
        """The sentence(s) of the error with its spans marked (computed when asked for)."""
        return self.sentences.excerpt(self.marks)


def confusion_table(pairs: Sequence[DocPair]) -> dict[str, dict[str, int]]:
    """``table[gold label][predicted label]`` over overlapping spans, with ``missed`` and ``spurious``."""
    table: dict[str, dict[str, int]] = {}

    def add(gold_label: str, pred_label: str) -> None:
        row = table.setdefault(gold_label, {})
        row[pred_label] = row.get(pred_label, 0) + 1

    for pair in pairs:
        alignment = align_spans(pair.gold.spans, pair.pred.spans, min_overlap_percentage=0.0)
        overlapped: set[int] = set()
        for pred, indices in zip(alignment.pred, alignment.overlaps):
            for index in indices:
                add(alignment.gold[index].label, pred.label)
            if not indices:
                add(SPURIOUS, pred.label)
            overlapped.update(indices)
        for index, gold in enumerate(alignment.gold):
            if index not in overlapped:
                add(gold.label, MISSED)
    return table


def find_errors(pairs: Sequence[DocPair]) -> list[ErrorCase]:
    """Every span and relation error of the paired documents, document by document."""
    errors: list[ErrorCase] = []
    for pair in pairs:
        if pair.gold.spans or pair.pred.spans:
            lister = _ErrorLister(pair)
            errors.extend(lister.span_errors())
            errors.extend(lister.relation_errors())
    return errors


class _ErrorLister:
    def __init__(self, pair: DocPair) -> None:
        self.pair = pair
        self.sentences = SentenceIndex(pair.text)

    def case(
        self, kind: str, item: str, gold: SpanKey | RelationKey | None, pred: SpanKey | RelationKey | None, detail: str
    ) -> ErrorCase:
        return ErrorCase(kind, item, self.pair.doc_id, gold, pred, detail, self.sentences)

    def quote(self, span: SpanKey) -> str:
        return f"«{self.pair.text[span.start : span.end]}» {span.label}"

    def span_errors(self) -> list[ErrorCase]:
        alignment = align_spans(self.pair.gold.spans, self.pair.pred.spans, min_overlap_percentage=0.0)
        errors: list[ErrorCase] = []
        overlapped: set[int] = set()
        for pred, indices in zip(alignment.pred, alignment.overlaps):
            overlapped.update(indices)
            golds = [alignment.gold[index] for index in indices]
            errors.extend(self.judge_prediction(pred, golds))
        for index, gold in enumerate(alignment.gold):
            if index not in overlapped:
                errors.append(self.case("missed", "span", gold, None, self.quote(gold)))
        return errors

    def judge_prediction(self, pred: SpanKey, golds: list[SpanKey]) -> list[ErrorCase]:
        if not golds:
            return [self.case("spurious", "span", None, pred, self.quote(pred))]
        same = [gold for gold in golds if gold.offsets == pred.offsets]
        if not same:
            detail = "gold {} / predicted {}"
            return [
                self.case("wrong boundary", "span", gold, pred, detail.format(self.quote(gold), self.quote(pred)))
                for gold in golds
            ]
        gold = same[0]
        if gold.label != pred.label:
            detail = f"«{self.pair.text[gold.start : gold.end]}» gold {gold.label} / predicted {pred.label}"
            return [self.case("wrong label", "span", gold, pred, detail)]
        if gold.label == "QUANTITY":
            return self.attribute_errors(gold)
        return []

    def attribute_errors(self, quantity: SpanKey) -> list[ErrorCase]:
        gold, pred = self.pair.gold, self.pair.pred
        wrong = [name for name, equal in attribute_matches(gold, pred, quantity).items() if not equal]
        if not wrong:
            return []
        parts = [
            f"{name}: gold {self.show(name, gold, quantity)} / predicted {self.show(name, pred, quantity)}"
            for name in wrong
        ]
        return [
            self.case("wrong attribute", "span", quantity, quantity, f"{self.quote(quantity)}: " + "; ".join(parts))
        ]

    def show(self, name: str, document: AnnotationIndex, quantity: SpanKey) -> str:
        value = attribute_value(document, quantity, name)
        if name == "indicator" and value is not None:
            return f"«{self.pair.text[value[0] : value[1]]}»"
        return repr(value)

    def relation_errors(self) -> list[ErrorCase]:
        gold = set(self.pair.gold.relations)
        pred = set(self.pair.pred.relations)
        extra = sorted(pred - gold)
        errors: list[ErrorCase] = []
        for relation in sorted(gold - pred):
            twin = next((other for other in extra if other.arguments == relation.arguments), None)
            if twin is None:
                errors.append(self.case("missed", "relation", relation, None, self.describe(relation)))
                continue
            extra.remove(twin)
            detail = f"{self.describe(relation)}: predicted {twin.label}"
            errors.append(self.case("wrong label", "relation", relation, twin, detail))
        errors.extend(self.case("spurious", "relation", None, relation, self.describe(relation)) for relation in extra)
        return errors

    def describe(self, relation: RelationKey) -> str:
        head, tail = relation.head, relation.tail
        return (
            f"«{self.pair.text[head.start : head.end]}» -{relation.label}-> «{self.pair.text[tail.start : tail.end]}»"
        )


def _marks(item: SpanKey | RelationKey | None, role: str) -> list[tuple[int, int, str]]:
    if item is None:
        return []
    if isinstance(item, RelationKey):
        return [(item.head.start, item.head.end, role), (item.tail.start, item.tail.end, role)]
    return [(item.start, item.end, role)]
