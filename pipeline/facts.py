"""Fact tables: one row per QUANTITY of an extraction output (or a gold file).

A row carries the document, the sentence, the quantity with its resolved attributes, its
indicator, time and basis spans, and the officials and organizations named in the same sentence,
with character offsets into the document text, so that every row can be traced back.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .document import Document, Span
from .errors import Errors, VnieError
from .sentences import sentence_spans
from .textio import atomic_path, atomic_writer
from .validation import LoadedDocument, load_documents

FACT_FORMATS = (".csv", ".parquet")


@dataclass(frozen=True)
class FactRow:
    document: str
    sentence: str
    sentence_start: int
    sentence_end: int
    quantity: str
    start: int
    end: int
    value: float | None
    value_max: float | None
    unit: str | None
    kind: str
    bound: str | None
    period: str | None
    basis: str | None
    status: str
    indicator: str | None
    indicator_start: int | None
    indicator_end: int | None
    time: str | None
    basis_text: str | None
    officials: str
    organizations: str


COLUMNS: tuple[str, ...] = tuple(field.name for field in fields(FactRow))


def document_facts(loaded: LoadedDocument) -> Iterator[FactRow]:
    """The fact rows of one document, in text order."""
    document, text = loaded.document, loaded.text
    links = _links(document)
    sentences = sentence_spans(text)
    for span in sorted(document.spans, key=lambda s: s.start):
        if span.label != "QUANTITY":
            continue
        start, end = _sentence_of(sentences, span)
        in_sentence = [s for s in document.spans if start <= s.start and s.end <= end]
        yield _row(document, text, span, (start, end), links.get(span.id, {}), in_sentence, links)


def _links(document: Document) -> dict[str, dict[str, Span]]:
    by_id = {span.id: span for span in document.spans}
    links: dict[str, dict[str, Span]] = {}
    for relation in document.relations:
        links.setdefault(relation.head, {})[relation.label] = by_id[relation.tail]
    return links


def _sentence_of(sentences: list[tuple[int, int]], span: Span) -> tuple[int, int]:
    for start, end in sentences:
        if start <= span.start < end:
            return start, max(end, span.end)
    return span.start, span.end


def _row(document, text, span, sentence, own, in_sentence, links) -> FactRow:
    attrs = span.attrs
    indicator, time, basis = own.get("indicator"), own.get("time"), own.get("basis")
    return FactRow(
        document=document.id,
        sentence=text[sentence[0] : sentence[1]],
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        quantity=span.text,
        start=span.start,
        end=span.end,
        value=attrs["value"],
        value_max=attrs["value_max"],
        unit=attrs["unit"],
        kind=attrs["kind"],
        bound=attrs["bound"],
        period=attrs["period"],
        basis=attrs["basis"],
        status=attrs["status"],
        indicator=indicator.text if indicator else None,
        indicator_start=indicator.start if indicator else None,
        indicator_end=indicator.end if indicator else None,
        time=time.text if time else None,
        basis_text=basis.text if basis else None,
        officials="; ".join(_official(s, links.get(s.id, {})) for s in in_sentence if s.label == "OFFICIAL"),
        organizations="; ".join(s.text for s in in_sentence if s.label == "ORG"),
    )


def _official(span: Span, own: dict[str, Span]) -> str:
    office = ", ".join(own[label].text for label in ("title", "org") if label in own)
    return f"{span.text} ({office})" if office else span.text


def write_facts(source: str | Path, output: str | Path, *, corpus: str | Path | None = None) -> int:
    """Write the fact table of ``source`` (JSONL) to ``output`` (``.csv`` or ``.parquet``)."""
    output = Path(output)
    if output.suffix not in FACT_FORMATS:
        raise VnieError(Errors.E020.format(path=output, formats=list(FACT_FORMATS)))
    rows = [row for loaded in load_documents(source, corpus) for row in document_facts(loaded)]
    if output.suffix == ".csv":
        _write_csv(output, rows)
    else:
        _write_parquet(output, rows)
    return len(rows)


def _write_csv(output: Path, rows: list[FactRow]) -> None:
    with atomic_writer(output) as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(asdict(row) for row in rows)


def _write_parquet(output: Path, rows: list[FactRow]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([asdict(row) for row in rows], schema=_parquet_schema(pa))
    with atomic_path(output) as temporary:
        pq.write_table(table, temporary)


def _parquet_schema(pa):
    text, number, integer = pa.string(), pa.float64(), pa.int64()
    types = {"value": number, "value_max": number, "sentence_start": integer, "sentence_end": integer,
             "start": integer, "end": integer, "indicator_start": integer, "indicator_end": integer}
    return pa.schema([(name, types.get(name, text)) for name in COLUMNS])
