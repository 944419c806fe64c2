"""Check JSONL documents against every rule of FORMAT.md and the span rules of GUIDELINES.md.

:func:`validate_file` reads a whole file and reports every violation, each located as
``file:line: doc <id>: span <id>: <rule>``; it never stops at the first one and never repairs.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .document import (
    ATTR_KEYS,
    BOUNDS,
    KINDS,
    LABELS,
    RELATION_TYPES,
    SINGLE_RELATIONS,
    STATUSES,
    Document,
    Span,
    document_text,
    text_sha256,
)
from .errors import Errors, Rules, VnieError
from .periods import is_basis, is_period, period_form, shortest_form
from .textio import iter_text_lines, read_text_file

#: characters a span may not start or end with ("(" may start it, ")" and "%" may end it)
EDGE_PUNCTUATION = frozenset(" \t\n\r.,;:!?\"'“”‘’()[]–-")


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    message: str
    doc_id: str | None = None
    where: str | None = None

    def __str__(self) -> str:
        parts = [f"{self.path}:{self.line}"]
        if self.doc_id is not None:
            parts.append(f"doc {self.doc_id}")
        if self.where is not None:
            parts.append(self.where)
        parts.append(self.message)
        return ": ".join(parts)


@dataclass
class LoadedDocument:
    """A valid document with its text resolved (from the corpus folder for standoff records)."""

    line: int
    document: Document
    text: str


@dataclass
class FileReport:
    path: str
    documents: list[LoadedDocument] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    lines: int = 0

    @property
    def ok(self) -> bool:
        return not self.violations

    def span_counts(self) -> Counter[str]:
        return Counter(span.label for loaded in self.documents for span in loaded.document.spans)

    def relation_counts(self) -> Counter[str]:
        return Counter(rel.label for loaded in self.documents for rel in loaded.document.relations)

    def attribute_counts(self) -> Counter[tuple[str, str]]:
        """``(attribute, value)`` counts over QUANTITY spans, for the closed-vocabulary attributes;
        ``basis`` is counted by kind (``period:2023`` as ``period:*``), ``period`` by its form."""
        counts: Counter[tuple[str, str]] = Counter()
        for loaded in self.documents:
            for span in loaded.document.spans:
                if span.label == "QUANTITY":
                    counts.update(_attribute_values(span.attrs))
        return counts


#: labels that GUIDELINES.md annotates only where a relation reaches them
LINKED_LABELS: dict[str, str] = {"INDICATOR": "indicator", "BASIS": "basis", "TITLE": "title"}


def validate_file(path: str | Path, corpus: str | Path | None = None, *, gold: bool = False) -> FileReport:
    """Read ``path`` and check every line; valid documents are kept with their texts.

    With ``gold``, also the rules that bind annotators but not predictions: an INDICATOR, BASIS or
    TITLE is annotated only where a QUANTITY or OFFICIAL is linked to it (V027).
    """
    path = Path(path)
    report = FileReport(str(path))
    first_line_of: dict[str, int] = {}
    for line_number, line in iter_text_lines(path):
        report.lines += 1
        if not line.strip():
            continue
        checker = _DocumentChecker(str(path), line_number, corpus)
        loaded = checker.check_line(line)
        if gold and loaded is not None:
            checker.check_gold(loaded.document)
        doc_id = checker.doc_id
        if isinstance(doc_id, str):
            if doc_id in first_line_of:
                checker.add(Rules.DUPLICATE_DOC.format(doc_id=doc_id, first_line=first_line_of[doc_id]))
                loaded = None
            else:
                first_line_of[doc_id] = line_number
        report.violations.extend(checker.violations)
        if loaded is not None and not checker.violations:
            report.documents.append(loaded)
    return report


def load_documents(path: str | Path, corpus: str | Path | None = None) -> list[LoadedDocument]:
    """All documents of a file, or :class:`VnieError` listing every violation."""
    report = validate_file(path, corpus)
    if not report.ok:
        listing = "\n".join(str(v) for v in report.violations)
        raise VnieError(Errors.E004.format(path=path, violations=listing))
    return report.documents




def load_line(path: str, line_number: int, line: str, corpus: str | Path | None = None) -> LoadedDocument:
    """The id and text of one JSONL line, for extraction: its spans and relations are not read.

    Raises :class:`VnieError` listing what is wrong with the record's id or text.
    """
    checker = _DocumentChecker(path, line_number, corpus)
    loaded = checker.check_line(line, text_only=True)
    if loaded is None or checker.violations:
        listing = "\n".join(str(v) for v in checker.violations)
        raise VnieError(Errors.E004.format(path=path, violations=listing))
    return loaded


def check_document(document: Document, text: str, *, where: str = "<output>") -> list[Violation]:
    """Every violation of ``document`` (whose text is ``text``), as :func:`validate_file` finds them."""
    full = document.model_copy(update={"text": text, "source": None, "text_sha256": None})
    checker = _DocumentChecker(where, 0, None)
    checker.doc_id = document.id
    checker._check_id(full.id)
    checker._check_spans(full, checker._check_full_text(text))
    checker._check_relations(full)
    return checker.violations


class _DocumentChecker:
    """Checks one JSONL line; collects violations instead of raising."""

    def __init__(self, path: str, line: int, corpus: str | Path | None) -> None:
        self.path = path
        self.line = line
        self.corpus = Path(corpus) if corpus is not None else None
        self.doc_id: Any = None
        self.violations: list[Violation] = []

    def add(self, message: str, where: str | None = None) -> None:
        doc_id = self.doc_id if isinstance(self.doc_id, str) else None
        self.violations.append(Violation(self.path, self.line, message, doc_id, where))

    def check_line(self, line: str, *, text_only: bool = False) -> LoadedDocument | None:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            self.add(Rules.JSON.format(detail=f"{error.msg} at column {error.colno}"))
            return None
        if not isinstance(record, dict):
            self.add(Rules.NOT_OBJECT.format(kind=type(record).__name__))
            return None
        self.doc_id = record.get("id")
        if text_only:
            record = {key: record[key] for key in ("id", "text", "source", "text_sha256") if key in record}
        try:
            document = Document.model_validate(record)
        except ValidationError as error:
            for detail in error.errors():
                location = " -> ".join(str(part) for part in detail["loc"])
                self.add(Rules.SCHEMA.format(detail=f"[{location}] {detail['msg']} (got {detail.get('input')!r:.80})"))
            return None
        self._check_id(document.id)
        text = self._resolve_text(document)
        self._check_spans(document, text)
        self._check_relations(document)
        if text is None:
            return None
        return LoadedDocument(self.line, document, text)

    def check_gold(self, document: Document) -> None:
        tails = {(relation.tail, relation.label) for relation in document.relations}
        for span in document.spans:
            label = LINKED_LABELS.get(span.label)
            if label is not None and (span.id, label) not in tails:
                self.add(Rules.UNLINKED.format(label=span.label, relation=label), f"span {span.id}")
            for attr, period in _periods_of(span.attrs):
                shortest = shortest_form(period)
                if shortest != period:
                    self.add(Rules.NOT_SHORTEST.format(period=period, attr=attr, shortest=shortest), f"span {span.id}")

    def _check_id(self, doc_id: str) -> None:
        if not doc_id or doc_id != doc_id.strip():
            self.add(Rules.DOC_ID.format(doc_id=doc_id))

    def _resolve_text(self, document: Document) -> str | None:
        has_text = document.text is not None
        has_source = document.source is not None or document.text_sha256 is not None
        if has_text == has_source or (has_source and None in (document.source, document.text_sha256)):
            fields = sorted(k for k in ("text", "source", "text_sha256") if getattr(document, k) is not None)
            self.add(Rules.TEXT_OR_SOURCE.format(fields=fields or "none"))
            return None
        if has_text:
            return self._check_full_text(document.text)
        return self._load_standoff_text(document)

    def _check_full_text(self, text: str) -> str:
        if unicodedata.normalize("NFC", text) != text:
            self.add(Rules.NOT_NFC)
        if text != text.strip():
            self.add(Rules.NOT_STRIPPED)
        return text

    def _load_standoff_text(self, document: Document) -> str | None:
        if self.corpus is None:
            self.add(Rules.NO_CORPUS.format(source=document.source))
            return None
        source_path = self.corpus / document.source
        if not source_path.is_file():
            self.add(Rules.MISSING_SOURCE.format(source=document.source, corpus=self.corpus))
            return None
        try:
            text = document_text(read_text_file(source_path))
        except VnieError as error:
            self.add(Rules.UNREADABLE_SOURCE.format(detail=error))
            return None
        actual = text_sha256(text)
        if actual != document.text_sha256:
            self.add(Rules.HASH_MISMATCH.format(given=document.text_sha256, actual=actual))
            return None
        return text

    def _check_spans(self, document: Document, text: str | None) -> None:
        seen: set[str] = set()
        for span in document.spans:
            where = f"span {span.id}"
            if span.id in seen:
                self.add(Rules.DUPLICATE_SPAN.format(span_id=span.id), where)
            seen.add(span.id)
            if span.label not in LABELS:
                self.add(Rules.LABEL.format(label=span.label), where)
            else:
                for message in _attr_problems(span):
                    self.add(message, where)
            if text is not None:
                for message in _offset_problems(span, text):
                    self.add(message, where)
        self._check_overlaps(document.spans)

    def _check_overlaps(self, spans: list[Span]) -> None:
        ordered = sorted(spans, key=lambda s: (s.start, s.end))
        reach: Span | None = None
        for span in ordered:
            if reach is not None and span.start < reach.end:
                message = Rules.OVERLAP.format(other=reach.id, other_text=reach.text)
                self.add(message, f"span {span.id}")
            if reach is None or span.end > reach.end:
                reach = span

    def _check_relations(self, document: Document) -> None:
        labels = {span.id: span.label for span in document.spans}
        singles: set[tuple[str, str]] = set()
        triples: set[tuple[str, str, str]] = set()
        for relation in document.relations:
            name = f"{relation.head} -{relation.label}-> {relation.tail}"
            where = f"relation {name}"
            triple = (relation.head, relation.label, relation.tail)
            if triple in triples:
                self.add(Rules.RELATION_REPEATED.format(relation=name), where)
                continue
            triples.add(triple)
            if relation.label not in RELATION_TYPES:
                self.add(Rules.RELATION_LABEL.format(relation=name, label=relation.label), where)
                continue
            missing = [arg for arg in (relation.head, relation.tail) if arg not in labels]
            for span_id in missing:
                self.add(Rules.RELATION_ARG.format(relation=name, span_id=span_id), where)
            if missing:
                continue
            head_label, tail_label = RELATION_TYPES[relation.label]
            found = f"{labels[relation.head]} -> {labels[relation.tail]}"
            if (labels[relation.head], labels[relation.tail]) != (head_label, tail_label):
                message = Rules.RELATION_TYPES.format(
                    relation=name, label=relation.label, head_label=head_label, tail_label=tail_label, found=found
                )
                self.add(message, where)
            if relation.label in SINGLE_RELATIONS:
                key = (relation.head, relation.label)
                if key in singles:
                    self.add(Rules.RELATION_DUPLICATE.format(relation=name, head=relation.head, label=relation.label), where)
                singles.add(key)


def _periods_of(attrs: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The periods a span's attributes name: ``period``, and the period of a ``period:`` basis."""
    if isinstance(attrs.get("period"), str):
        yield "period", attrs["period"]
    basis = attrs.get("basis")
    if isinstance(basis, str) and basis.startswith("period:"):
        yield "basis", basis.removeprefix("period:")


def _attribute_values(attrs: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for name in ("kind", "bound", "status"):
        yield name, str(attrs[name])
    basis = attrs["basis"]
    yield "basis", "period:*" if isinstance(basis, str) and basis.startswith("period:") else str(basis)
    yield "period", period_form(attrs["period"])
    yield "range", "range" if attrs["value_max"] is not None else "single"


def _offset_problems(span: Span, text: str) -> Iterator[str]:
    if not 0 <= span.start < span.end <= len(text):
        yield Rules.OFFSETS.format(start=span.start, end=span.end, length=len(text))
        return
    actual = text[span.start : span.end]
    if actual != span.text:
        yield Rules.SPAN_TEXT.format(given=span.text, start=span.start, end=span.end, actual=actual)
        return
    yield from edge_problems(span.text, text, span.start, span.end)


def edge_problems(value: str, text: str, start: int, end: int) -> Iterator[str]:
    """What is wrong with the edges of span ``value`` at ``text[start:end]`` (GUIDELINES, General
    rules: on word boundaries, without surrounding whitespace or punctuation)."""
    if value[0] in EDGE_PUNCTUATION and value[0] != "(":
        yield Rules.EDGE.format(text=value, where="starts with whitespace or punctuation")
    if value[-1] in EDGE_PUNCTUATION and value[-1] != ")":
        yield Rules.EDGE.format(text=value, where="ends with whitespace or punctuation")
    if start > 0 and text[start - 1].isalnum() and value[0].isalnum():
        yield Rules.EDGE.format(text=value, where="starts inside a word")
    if end < len(text) and text[end].isalnum() and value[-1].isalnum():
        yield Rules.EDGE.format(text=value, where="ends inside a word")


def _attr_problems(span: Span) -> Iterator[str]:
    expected = ATTR_KEYS[span.label]
    if set(span.attrs) != set(expected):
        yield Rules.ATTR_KEYS.format(label=span.label, expected=list(expected), found=sorted(span.attrs))
        return
    if span.label == "QUANTITY":
        yield from _quantity_problems(span.attrs)
    elif span.label == "TIME" and span.attrs["period"] is not None and not is_period(span.attrs["period"]):
        yield _bad("period", span.attrs["period"], "a normalized period such as 2024, 2024-Q3, 2024-01/2024-08")
    elif span.label == "BASIS" and not is_basis(span.attrs["basis"]):
        yield _bad("basis", span.attrs["basis"], "same_period_last_year, previous_period, plan or period:<period>")


def _quantity_problems(attrs: dict[str, Any]) -> Iterator[str]:
    for name in ("value", "value_max"):
        number = attrs[name]
        if number is not None and not _is_number(number):
            yield _bad(name, number, "a finite number or null")
    if _is_number(attrs["value"]) and _is_number(attrs["value_max"]) and attrs["value"] > attrs["value_max"]:
        yield Rules.VALUE_ORDER.format(value=attrs["value"], value_max=attrs["value_max"])
    unit = attrs["unit"]
    if unit is not None and (not isinstance(unit, str) or not unit.strip() or unit != unit.strip()):
        yield _bad("unit", unit, "a non-empty string or null")
    if attrs["kind"] not in KINDS:
        yield _bad("kind", attrs["kind"], f"one of {list(KINDS)}")
    if attrs["bound"] not in BOUNDS:
        yield _bad("bound", attrs["bound"], f"one of {list(BOUNDS)}")
    if attrs["period"] is not None and not is_period(attrs["period"]):
        yield _bad("period", attrs["period"], "a normalized period or null")
    if attrs["basis"] is not None and not is_basis(attrs["basis"]):
        yield _bad("basis", attrs["basis"], "a normalized basis or null")
    if attrs["status"] not in STATUSES:
        yield _bad("status", attrs["status"], f"one of {list(STATUSES)}")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _bad(name: str, value: Any, expected: str) -> str:
    return Rules.ATTR_VALUE.format(name=name, value=value, expected=expected)
