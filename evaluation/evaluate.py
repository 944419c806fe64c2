"""``vnie evaluate`` as plain functions: load, pair, score, bootstrap, diagnose, write the report."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import Errors, VnieError
from pipeline.textio import atomic_writer
from pipeline.validation import LoadedDocument, load_documents

from .bootstrap import (
    BootstrapSettings,
    CountTable,
    add_intervals,
    paired_comparison,
    replicate_scores,
    resampled_totals,
)
from .diagnostics import ErrorCase, confusion_table, find_errors
from .metrics import to_python
from .pairing import Pairing, pair_documents
from .scorer import document_counts, scores_from_totals

REPORT_FILES: tuple[str, ...] = ("report.md", "report.html", "scores.json")


@dataclass(frozen=True)
class SystemResult:
    """The scores of one prediction file against the gold, with what is needed to read them."""

    name: str
    path: str
    pairing: Pairing
    scores: dict[str, Any]
    confusion: dict[str, dict[str, int]]
    errors: tuple[ErrorCase, ...] = ()

    def error_counts(self) -> dict[str, dict[str, int]]:
        """``{item: {kind: count}}`` for spans and relations."""
        counts: dict[str, dict[str, int]] = {"span": {}, "relation": {}}
        for (item, kind), number in Counter((e.item, e.kind) for e in self.errors).items():
            counts[item][kind] = number
        return counts

    def predicted_labels(self) -> set[str]:
        per_type = self.scores["spans_strict_per_type"]
        return {label for label, scores in per_type.items() if scores["actual"]}

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "path": self.path,
            "documents": self.pairing.summary(),
            "scores": self.scores,
            "confusion": self.confusion,
            "errors": self.error_counts(),
        }


@dataclass(frozen=True)
class Evaluation:
    gold_path: str
    settings: BootstrapSettings
    system: SystemResult
    baseline: SystemResult | None = None
    #: dotted score path -> system, baseline, diff and diff_ci (None without a baseline)
    comparison: dict[str, dict[str, Any]] | None = None
    shared_labels: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """Every number of the evaluation, for scripts (``scores.json``)."""
        return {
            "gold": self.gold_path,
            "bootstrap": {
                "resamples": self.settings.resamples,
                "seed": self.settings.seed,
                "confidence": self.settings.confidence,
            },
            "system": self.system.to_json(),
            "baseline": None if self.baseline is None else self.baseline.to_json(),
            "comparison": self.comparison,
            "shared_labels": list(self.shared_labels),
        }


def evaluate(
    gold: str | Path,
    pred: str | Path,
    *,
    corpus: str | Path | None = None,
    baseline: str | Path | None = None,
    settings: BootstrapSettings | None = None,
) -> Evaluation:
    """Score the prediction file ``pred`` (and ``baseline``, if given) against ``gold``."""
    gold_documents = load_documents(gold, corpus)
    systems = [(Path(pred), load_documents(pred, corpus))]
    if baseline is not None:
        systems.append((Path(baseline), load_documents(baseline, corpus)))
    return evaluate_documents(gold_documents, systems, settings=settings, gold_path=str(gold))


def evaluate_documents(
    gold: Sequence[LoadedDocument],
    systems: Sequence[tuple[Path, Sequence[LoadedDocument]]],
    *,
    settings: BootstrapSettings | None = None,
    gold_path: str = "<gold>",
) -> Evaluation:
    """Score one or two systems (the second is the baseline) on loaded documents."""
    settings = settings or BootstrapSettings()
    if not gold:
        raise VnieError(Errors.E101.format(path=gold_path)) from None
    pairings = [pair_documents(gold, documents, path) for path, documents in systems]
    tables = [CountTable.from_rows([document_counts(pair) for pair in pairing.pairs]) for pairing in pairings]
    points = [to_python(scores_from_totals(table.totals())) for table in tables]
    replicates: list[dict[str, Any]] | None = None
    if settings.resamples:
        totals = resampled_totals(tables, settings)
        replicates = [replicate_scores(resampled, scores_from_totals) for resampled in totals]
        points = [add_intervals(point, replicate, settings.confidence) for point, replicate in zip(points, replicates)]
    results: list[SystemResult] = []
    for (path, _), pairing, point in zip(systems, pairings, points):
        results.append(_system_result(path, pairing, point, results[0].name if results else None))
    if len(results) == 1:
        return Evaluation(gold_path, settings, results[0])
    comparison = paired_comparison(
        points[0],
        points[1],
        replicates[0] if replicates else None,
        replicates[1] if replicates else None,
        settings.confidence,
    )
    shared = tuple(
        label
        for label in points[0]["spans_strict_per_type"]
        if label in results[0].predicted_labels() & results[1].predicted_labels()
    )
    return Evaluation(gold_path, settings, results[0], results[1], comparison, shared)


def _system_result(path: Path, pairing: Pairing, scores: dict[str, Any], taken: str | None = None) -> SystemResult:
    name = path.stem if path.stem != taken else f"{path.stem} (baseline)"
    errors = tuple(find_errors(pairing.pairs))
    return SystemResult(name, str(path), pairing, scores, confusion_table(pairing.pairs), errors)


def write_report(evaluation: Evaluation, out: str | Path) -> list[Path]:
    """Write ``report.md``, ``report.html`` and ``scores.json`` into ``out``, each atomically."""
    from .report_html import render_html
    from .report_markdown import render_markdown

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise VnieError(Errors.E103.format(path=out)) from None
    contents = {
        "report.md": render_markdown(evaluation),
        "report.html": render_html(evaluation),
        "scores.json": json.dumps(evaluation.to_json(), ensure_ascii=False, indent=2, allow_nan=False) + "\n",
    }
    written = []
    for name in REPORT_FILES:
        target = out / name
        try:
            with atomic_writer(target) as stream:
                stream.write(contents[name])
        except OSError as error:
            raise VnieError(Errors.E106.format(path=target, detail=error.strerror or error)) from None
        written.append(target)
    return written
