"""Typer command functions for ``vnie evaluate`` and ``vnie baseline``.

They only check arguments, call the plain functions of :mod:`evaluation.evaluate` and
:mod:`evaluation.peer`, and turn a :class:`~pipeline.errors.VnieError` into a message on stderr
and exit code 1. The main app registers them:
``app.command("evaluate")(evaluate_command)`` and ``app.command("baseline")(baseline_command)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import typer

from pipeline.errors import VnieError
from pipeline.validation import LoadedDocument

from .bootstrap import BootstrapSettings


@contextmanager
def _clean_errors() -> Iterator[None]:
    try:
        yield
    except VnieError as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(code=1) from None


def evaluate_command(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="Gold JSONL file."),
    pred: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="Prediction JSONL file."),
    corpus: Path | None = typer.Option(
        None, "--corpus", exists=True, file_okay=False, help="Corpus folder of the standoff records' texts."
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Folder to write report.md, report.html and scores.json into."
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", exists=True, dir_okay=False, readable=True, help="A second prediction file to compare with."
    ),
    bootstrap: int = typer.Option(1000, "--bootstrap", min=0, help="Bootstrap resamples of documents (0: none)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the bootstrap resampling."),
) -> None:
    """Score PRED (and --baseline) against GOLD: facts, spans, relations, attributes, with intervals."""
    from .evaluate import evaluate, write_report
    from .report_markdown import render_markdown

    with _clean_errors():
        if out is not None and out.exists() and not out.is_dir():
            raise typer.BadParameter(f"{out} is a file, not a folder", param_hint="--out")
        settings = BootstrapSettings(resamples=bootstrap, seed=seed)
        evaluation = evaluate(gold, pred, corpus=corpus, baseline=baseline, settings=settings)
        if out is None:
            typer.echo(render_markdown(evaluation), nl=False)
            return
        written = write_report(evaluation, out)
        facts = evaluation.system.scores["facts_f"]
        typer.echo(
            f"Fact F1 {'–' if facts is None else f'{facts:.3f}'}; wrote " + ", ".join(str(path) for path in written)
        )


def baseline_command(
    gold: Path = typer.Argument(
        ..., exists=True, dir_okay=False, readable=True, help="Gold JSONL file (its texts are tagged)."
    ),
    output: Path = typer.Option(..., "--output", "-o", dir_okay=False, help="Prediction JSONL file to write."),
    corpus: Path | None = typer.Option(
        None, "--corpus", exists=True, file_okay=False, help="Corpus folder of the standoff records' texts."
    ),
) -> None:
    """Write underthesea's own PER and ORG entities for GOLD's texts as OFFICIAL and ORG predictions."""
    from .peer import write_underthesea_baseline

    with _clean_errors():
        predictions = write_underthesea_baseline(gold, output, corpus=corpus, progress=_progress)
        spans = sum(len(document.spans) for document in predictions)
        typer.echo(f"Wrote {len(predictions)} documents with {spans} spans to {output}", err=True)


def _progress(documents: Sequence[LoadedDocument]) -> Iterable[LoadedDocument]:
    from rich.console import Console
    from rich.progress import track

    return track(
        documents, description="underthesea ner", total=len(documents), console=Console(stderr=True), transient=True
    )
