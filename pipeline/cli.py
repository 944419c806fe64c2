"""The ``vnie`` command line: thin wrappers that check arguments and call plain functions."""

from __future__ import annotations

import sys
from collections import Counter
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from .document import LABELS, RELATION_TYPES
from .errors import VnieError

app = typer.Typer(help="Information extraction for Vietnamese economic reporting.", no_args_is_help=True, add_completion=False)
console = Console(stderr=True)


class SegmenterName(str, Enum):
    underthesea = "underthesea"
    pyvi = "pyvi"


def _fail(error: VnieError) -> None:
    console.print(f"[red]error:[/red] {error}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(code=1)


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="Files (.txt, .jsonl), folders or globs."),
    output: Path = typer.Option(..., "-o", "--output", dir_okay=False, help="Output JSONL file."),
    errors: Path | None = typer.Option(None, "--errors", dir_okay=False, help="Errors file (default: OUT.errors.jsonl)."),
    model: Path | None = typer.Option(None, "--model", exists=True, file_okay=False, help="A saved pipeline folder."),
    segmenter: SegmenterName | None = typer.Option(None, "--segmenter", help="Word segmenter (default: the model's)."),
    corpus: Path | None = typer.Option(None, "--corpus", exists=True, file_okay=False, help="Corpus folder for standoff JSONL input."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per processing batch."),
) -> None:
    """Extract spans and relations from every input document into OUT (JSONL, FORMAT.md)."""
    from .extract import extract_batch
    from .language import load_pipeline

    try:
        nlp = load_pipeline(model, segmenter=segmenter.value if segmenter else None)
        with _progress() as progress:
            task = progress.add_task("extracting", total=None)
            summary = extract_batch(
                inputs,
                output,
                nlp,
                errors_path=errors,
                corpus=corpus,
                batch_size=batch_size,
                on_total=lambda total: progress.update(task, total=total),
                on_advance=lambda n: progress.advance(task, n),
            )
    except VnieError as error:
        _fail(error)
    table = Table(title=f"vnie extract → {summary.output}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in (("documents written", summary.documents), ("resumed from a previous run", summary.resumed),
                        ("empty documents", summary.empty), (f"errors ({summary.errors_file})", summary.errors)):
        table.add_row(name, str(value))
    for label in LABELS:
        table.add_row(f"spans {label}", str(summary.spans[label]))
    for label in RELATION_TYPES:
        table.add_row(f"relations {label}", str(summary.relations[label]))
    Console().print(table)


@app.command()
def validate(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="JSONL files to check."),
    corpus: Path | None = typer.Option(None, "--corpus", exists=True, file_okay=False, help="Corpus folder for standoff records."),
    attributes: bool = typer.Option(False, "--attributes", help="Also count QUANTITY attribute values."),
    gold: bool = typer.Option(False, "--gold", help="Also the rules for annotators (INDICATOR, BASIS, TITLE only where linked)."),
) -> None:
    """Check JSONL files against FORMAT.md and GUIDELINES.md; exit 1 on any violation."""
    from .validation import validate_file

    out = Console()
    reports = []
    try:
        for path in files:
            report = validate_file(path, corpus, gold=gold)
            reports.append(report)
            for violation in report.violations:
                out.print(str(violation), markup=False, highlight=False, soft_wrap=True)
    except VnieError as error:
        _fail(error)
    out.print(_validation_table(reports))
    if attributes:
        out.print(_attribute_table(reports))
    if any(not report.ok for report in reports):
        raise typer.Exit(code=1)


@app.command()
def anchor(
    drafts: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="Annotation drafts (JSON)."),
    output: Path = typer.Option(..., "-o", "--output", dir_okay=False, help="Output JSONL file."),
    corpus: Path | None = typer.Option(None, "--corpus", exists=True, file_okay=False, help="Corpus folder for drafts that name a source."),
) -> None:
    """Turn context-anchored drafts into validated records (standoff when a draft names a source)."""
    from .anchoring import anchor_draft, read_draft
    from .jsonl import write_documents
    from .validation import validate_file

    documents, problems = [], []
    for path in drafts:
        try:
            documents.append(anchor_draft(read_draft(path), corpus))
        except VnieError as error:
            problems.append(f"{path}: {error}")
    for problem in problems:
        console.print(problem, markup=False, highlight=False, soft_wrap=True)
    if problems:
        raise typer.Exit(code=1)
    write_documents(output, documents)
    report = validate_file(output, corpus)
    for violation in report.violations:
        console.print(str(violation), markup=False, highlight=False, soft_wrap=True)
    Console().print(_validation_table([report]))
    if not report.ok:
        raise typer.Exit(code=1)


@app.command()
def facts(
    source: Path = typer.Argument(..., exists=True, dir_okay=False, help="Extraction output or gold JSONL."),
    output: Path = typer.Option(..., "-o", "--output", dir_okay=False, help="facts.csv or facts.parquet."),
    corpus: Path | None = typer.Option(None, "--corpus", exists=True, file_okay=False, help="Corpus folder for standoff records."),
) -> None:
    """Write one row per QUANTITY: document, sentence, indicator, value, unit, kind, bound, period,
    basis, status, the sentence's officials and organizations, and character offsets."""
    from .facts import write_facts

    try:
        rows = write_facts(source, output, corpus=corpus)
    except VnieError as error:
        _fail(error)
    Console().print(f"{rows} facts → {output}")


def _validation_table(reports) -> Table:
    """One column a file (and their total when there are several), one row a count."""
    table = Table(title="vnie validate")
    table.add_column("count")
    columns = [(Path(report.path).name, [report]) for report in reports]
    if len(reports) > 1:
        columns.append(("all", reports))
    for name, _ in columns:
        table.add_column(name, justify="right")
    rows = [("documents", lambda r: len(r.documents)), ("violations", lambda r: len(r.violations))]
    rows += [(f"span {label}", lambda r, label=label: r.span_counts()[label]) for label in LABELS]
    rows += [(f"relation {label}", lambda r, label=label: r.relation_counts()[label]) for label in RELATION_TYPES]
    for row_name, count in rows:
        table.add_row(row_name, *(str(sum(count(r) for r in group)) for _, group in columns))
    return table


def _attribute_table(reports) -> Table:
    """QUANTITY attribute values over all files, one row a value."""
    counts = sum((report.attribute_counts() for report in reports), Counter())
    table = Table(title="QUANTITY attributes (all files)")
    for column in ("attribute", "value", "count"):
        table.add_column(column, justify="right" if column == "count" else "left")
    for (name, value), count in sorted(counts.items()):
        table.add_row(name, value, str(count))
    return table


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def _register_evaluation() -> None:
    from evaluation.cli import baseline_command, evaluate_command

    app.command("evaluate")(evaluate_command)
    app.command("baseline")(baseline_command)


_register_evaluation()


def main() -> None:
    """Console-script entry point."""
    app(prog_name="vnie")


if __name__ == "__main__":
    sys.exit(main())
