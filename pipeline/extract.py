"""Batch extraction: input documents in, one JSONL record per document out.

The run streams: documents are read, processed in small batches and appended to
``OUT.partial``, so memory does not grow with the corpus. A document that cannot be read or
processed is written to the errors file with its reason and the batch goes on. Only a finished
run renames ``OUT.partial`` to ``OUT`` (and the errors file likewise), so ``OUT`` is always whole.
An interrupted run leaves ``OUT.partial``; the next run with the same output resumes from it,
skipping the documents it holds (an incomplete last line is cut off and redone), so no document
is lost or written twice.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO

from spacy.language import Language

from .convert import doc_to_document
from .errors import Errors, VnieError
from .inputs import InputDocument, InputProblem, count_documents, find_inputs, iter_documents
from .jsonl import document_line
from .validation import check_document


@dataclass
class BatchSummary:
    documents: int = 0
    resumed: int = 0
    empty: int = 0
    errors: int = 0
    spans: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    output: str = ""
    errors_file: str = ""


@dataclass(frozen=True)
class BatchPaths:
    output: Path
    errors: Path

    @classmethod
    def for_output(cls, output: Path, errors: Path | None = None) -> BatchPaths:
        default = output.with_name(output.name.removesuffix(".jsonl") + ".errors.jsonl")
        return cls(output, errors or default)

    @staticmethod
    def partial(path: Path) -> Path:
        return path.with_name(path.name + ".partial")


def extract_batch(
    inputs: list[str],
    output: Path,
    nlp: Language,
    *,
    errors_path: Path | None = None,
    corpus: Path | None = None,
    batch_size: int = 32,
    on_total: Callable[[int], None] | None = None,
    on_advance: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Extract every document of ``inputs`` into ``output`` (see the module docstring)."""
    files = find_inputs(inputs)
    if on_total is not None:
        on_total(count_documents(files))
    paths = BatchPaths.for_output(output, errors_path)
    summary = BatchSummary(output=str(paths.output), errors_file=str(paths.errors))
    done = _resume_keys(BatchPaths.partial(paths.output), "id") | _resume_keys(BatchPaths.partial(paths.errors), "key")
    with _append(BatchPaths.partial(paths.output)) as out, _append(BatchPaths.partial(paths.errors)) as err:
        items = _deduplicated(iter_documents(files, corpus), done, summary, on_advance)
        for chunk in _chunks(items, batch_size):
            _process_chunk(chunk, nlp, out, err, summary)
            if on_advance is not None:
                on_advance(len(chunk))
    os.replace(BatchPaths.partial(paths.output), paths.output)
    os.replace(BatchPaths.partial(paths.errors), paths.errors)
    return summary


def _deduplicated(
    items: Iterable[InputDocument | InputProblem],
    done: set[str],
    summary: BatchSummary,
    on_advance: Callable[[int], None] | None,
) -> Iterator[InputDocument | InputProblem]:
    """Skip what a previous run finished; turn a repeated document id into a problem."""
    seen: dict[str, str] = {}
    for item in items:
        if item.key in seen:
            message = Errors.E009.format(doc_id=item.key, first=seen[item.key], second=_where(item))
            yield InputProblem(item.path, item.line, message)
            continue
        seen[item.key] = _where(item)
        if item.key in done:
            summary.resumed += 1
            if on_advance is not None:
                on_advance(1)
            continue
        yield item


def _where(item: InputDocument | InputProblem) -> str:
    return item.path if item.line is None else f"{item.path}:{item.line}"


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _process_chunk(chunk: list[InputDocument | InputProblem], nlp: Language, out: IO[str], err: IO[str], summary: BatchSummary) -> None:
    documents = [item for item in chunk if isinstance(item, InputDocument)]
    for item in chunk:
        if isinstance(item, InputProblem):
            _write_problem(err, item, summary)
    try:
        docs = list(nlp.pipe(item.text for item in documents))
    except Exception:  # noqa: BLE001 - isolate the failing document below, one at a time
        docs = [_process_one(nlp, item, err, summary) for item in documents]
    for item, doc in zip(documents, docs):
        if doc is not None:
            _write_document(out, err, item, doc, summary)
    out.flush()
    err.flush()


def _process_one(nlp: Language, item: InputDocument, err: IO[str], summary: BatchSummary):
    try:
        return nlp(item.text)
    except Exception as error:  # noqa: BLE001 - reported in the errors file, the batch goes on
        reason = f"processing failed: {type(error).__name__}: {error}"
        _write_problem(err, InputProblem(item.path, item.line, reason), summary, doc_id=item.id)
        return None


def _write_document(out: IO[str], err: IO[str], item: InputDocument, doc, summary: BatchSummary) -> None:
    """Write the record of ``doc``; one that breaks the format goes to the errors file instead,
    with every violation, so that the output always validates."""
    document = doc_to_document(doc, item.id, source=item.source)
    violations = check_document(document, item.text, where=item.path)
    if violations:
        reason = Errors.E019.format(violations="; ".join(v.message for v in violations))
        _write_problem(err, InputProblem(item.path, item.line, reason), summary, doc_id=item.id)
        return
    out.write(document_line(document) + "\n")
    summary.documents += 1
    summary.empty += not item.text
    summary.spans.update(span.label for span in document.spans)
    summary.relations.update(relation.label for relation in document.relations)


def _write_problem(err: IO[str], problem: InputProblem, summary: BatchSummary, doc_id: str | None = None) -> None:
    record = {"key": doc_id or problem.key, "path": problem.path, "line": problem.line, "error": problem.message}
    err.write(json.dumps(record, ensure_ascii=False) + "\n")
    summary.errors += 1


def _append(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "a", encoding="utf-8", newline="\n")


def _resume_keys(partial: Path, key: str) -> set[str]:
    """The keys recorded in a previous run's partial file; an unfinished last line is cut off."""
    if not partial.exists():
        return set()
    data = partial.read_bytes()
    complete = data.rfind(b"\n") + 1
    if complete < len(data):
        with open(partial, "r+b") as stream:
            stream.truncate(complete)
    keys: set[str] = set()
    for number, line in enumerate(data[:complete].decode("utf-8", errors="strict").splitlines(), start=1):
        try:
            keys.add(json.loads(line)[key])
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise VnieError(Errors.E008.format(path=partial, line=number, detail=error)) from None
    return keys
