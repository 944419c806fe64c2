"""The report's tables as plain rows of text, shared by the Markdown and the HTML report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.document import LABELS, RELATION_TYPES

from .attributes import ATTRIBUTES
from .diagnostics import ERROR_KINDS, MISSED, SPURIOUS
from .evaluate import Evaluation, SystemResult
from .strategies import SCHEMAS

SCHEMA_NOTES = {
    "strict": "offsets and label",
    "exact": "offsets",
    "partial": "overlap, half credit",
    "ent_type": "overlap and label",
}
NONE = "–"


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


def number(value: Any, digits: int = 3) -> str:
    """A score with ``digits`` decimals, a count as is, ``–`` for an undefined value."""
    if value is None:
        return NONE
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def signed(value: float | None) -> str:
    return NONE if value is None else f"{value:+.3f}"


def span_of(ci: Sequence[float | None] | None, sign: bool = False) -> str:
    """A confidence interval as ``[low, high]``."""
    if not ci or ci[0] is None or ci[1] is None:
        return NONE
    show = signed if sign else number
    return f"[{show(ci[0])}, {show(ci[1])}]"


def documents_line(system: SystemResult) -> str:
    info = system.pairing.summary()
    parts = [
        f"{info['gold']} gold documents",
        f"{info['paired']} paired ({info['paired_by_hash']} by text hash)",
        f"{info['missing']} without prediction (scored as predicted empty)",
        f"{info['unpaired']} predictions without gold (not scored)",
    ]
    line = f"{system.name}: " + ", ".join(parts)
    if info["unpaired_ids"]:
        shown = ", ".join(info["unpaired_ids"][:10]) + (" …" if info["unpaired"] > 10 else "")
        line += f"; unpaired: {shown}"
    return line


def bootstrap_line(evaluation: Evaluation) -> str:
    settings = evaluation.settings
    if not settings.resamples:
        return "No confidence intervals (bootstrap disabled)."
    level = f"{settings.confidence * 100:g}%"
    return f"{level} intervals from {settings.resamples} bootstrap resamples of documents (seed {settings.seed})."


def prf_row(name: str, scores: dict[str, Any], prefix: str, counters: Sequence[str]) -> tuple[str, ...]:
    cells = [name, number(scores[f"{prefix}p"]), number(scores[f"{prefix}r"]), number(scores[f"{prefix}f"])]
    cells.append(span_of(scores.get(f"{prefix}f_ci")))
    cells.extend(number(scores[f"{prefix}{counter}"]) for counter in counters)
    return tuple(cells)


def facts_table(evaluation: Evaluation) -> Table:
    systems = [evaluation.system, *([evaluation.baseline] if evaluation.baseline else [])]
    rows = tuple(prf_row(system.name, system.scores, "facts_", ("tp", "fp", "fn")) for system in systems)
    note = "A fact is a QUANTITY with its attributes and indicator; all must match."
    return Table("facts", "Facts (headline)", ("system", "P", "R", "F1", "F1 CI", "TP", "FP", "FN"), rows, note)


SPAN_COUNTERS = ("correct", "incorrect", "partial", "missed", "spurious")


def schema_table(system: SystemResult) -> Table:
    rows = tuple(
        prf_row(f"{schema} ({SCHEMA_NOTES[schema]})", system.scores, f"spans_{schema}_", SPAN_COUNTERS)
        for schema in SCHEMAS
    )
    headers = ("schema", "P", "R", "F1", "F1 CI", *SPAN_COUNTERS)
    return Table(f"spans-{system.name}", f"Spans, micro-averaged: {system.name}", headers, rows)


def label_table(system: SystemResult, schema: str = "strict") -> Table:
    per_type = system.scores[f"spans_{schema}_per_type"]
    rows = tuple(prf_row(label, scores, "", SPAN_COUNTERS) for label, scores in per_type.items())
    headers = ("label", "P", "R", "F1", "F1 CI", *SPAN_COUNTERS)
    note = "Per label, only the spans of that label are matched: a wrong label is a miss and a spurious."
    return Table(f"labels-{system.name}", f"Spans per label ({schema}): {system.name}", headers, rows, note)


def relation_table(system: SystemResult) -> Table:
    scores = system.scores
    rows = [prf_row("all", scores, "relations_", ("tp", "fp", "fn"))]
    rows.extend(
        prf_row(label, values, "", ("tp", "fp", "fn")) for label, values in scores["relations_per_type"].items()
    )
    headers = ("relation", "P", "R", "F1", "F1 CI", "TP", "FP", "FN")
    note = "Strict: label and both argument spans (offsets and labels)."
    return Table(f"relations-{system.name}", f"Relations: {system.name}", headers, tuple(rows), note)


def attribute_table(system: SystemResult) -> Table:
    scores = system.scores
    rows = tuple(
        (
            name,
            number(scores[f"attrs_{name}_acc"]),
            span_of(scores.get(f"attrs_{name}_acc_ci")),
            number(scores[f"attrs_{name}_correct"]),
        )
        for name in ATTRIBUTES
    )
    note = f"Over the {scores['attrs_matched']} strictly matched quantities; values within a relative 1e-6."
    return Table(
        f"attributes-{system.name}",
        f"Quantity attributes: {system.name}",
        ("attribute", "accuracy", "CI", "correct"),
        rows,
        note,
    )


def confusion_columns(confusion: dict[str, dict[str, int]]) -> tuple[list[str], list[str]]:
    rows = [label for label in LABELS if label in confusion] + ([SPURIOUS] if SPURIOUS in confusion else [])
    predicted = {label for row in confusion.values() for label in row}
    columns = [label for label in LABELS if label in predicted] + ([MISSED] if MISSED in predicted else [])
    return rows, columns


def label_confusion_table(system: SystemResult) -> Table:
    rows, columns = confusion_columns(system.confusion)
    body = tuple((row, *(str(system.confusion[row].get(column, 0) or "") for column in columns)) for row in rows)
    note = "Rows: gold label; columns: predicted label, over every overlapping pair of spans."
    return Table(
        f"confusion-{system.name}", f"Span label confusion: {system.name}", ("gold \\ predicted", *columns), body, note
    )


def error_count_table(system: SystemResult) -> Table:
    counts = system.error_counts()
    rows = tuple((kind, str(counts["span"].get(kind, 0)), str(counts["relation"].get(kind, 0))) for kind in ERROR_KINDS)
    return Table(f"errors-{system.name}", f"Errors by kind: {system.name}", ("kind", "spans", "relations"), rows)


def comparison_paths(evaluation: Evaluation) -> list[tuple[str, str]]:
    """``(row name, dotted score path)`` of the comparison rows: headline scores and shared labels."""
    paths = [
        ("facts F1", "facts_f"),
        *((f"spans {s} F1", f"spans_{s}_f") for s in SCHEMAS),
        ("relations F1", "relations_f"),
    ]
    for label in evaluation.shared_labels:
        paths.append((f"{label} strict F1", f"spans_strict_per_type.{label}.f"))
        paths.append((f"{label} ent_type F1", f"spans_ent_type_per_type.{label}.f"))
    return [(name, path) for name, path in paths if evaluation.comparison and path in evaluation.comparison]


def comparison_table(evaluation: Evaluation) -> Table | None:
    if evaluation.baseline is None or evaluation.comparison is None:
        return None
    rows = []
    for name, path in comparison_paths(evaluation):
        entry = evaluation.comparison[path]
        rows.append(
            (
                name,
                number(entry["system"]),
                number(entry["baseline"]),
                signed(entry["diff"]),
                span_of(entry.get("diff_ci"), sign=True),
            )
        )
    shared = ", ".join(evaluation.shared_labels) or "none"
    note = f"Paired bootstrap (the same resampled documents for both). Span labels both predict: {shared}."
    title = f"{evaluation.system.name} against {evaluation.baseline.name}"
    headers = ("score", evaluation.system.name, evaluation.baseline.name, "difference", "difference CI")
    return Table("comparison", title, headers, tuple(rows), note)


def system_tables(system: SystemResult) -> list[Table]:
    return [
        schema_table(system),
        label_table(system),
        relation_table(system),
        attribute_table(system),
        label_confusion_table(system),
        error_count_table(system),
    ]


def report_tables(evaluation: Evaluation) -> list[Table]:
    """Every table of the report, in order: headline, comparison, then each system's details."""
    tables = [facts_table(evaluation)]
    comparison = comparison_table(evaluation)
    if comparison is not None:
        tables.append(comparison)
    tables.extend(system_tables(evaluation.system))
    if evaluation.baseline is not None:
        tables.extend(system_tables(evaluation.baseline))
    return tables


def chart_groups(system: SystemResult) -> list[tuple[str, dict[str, Any]]]:
    """``(category, scores with p, r, f)`` of the P/R/F1 chart: span labels (strict), then relations."""
    groups = [(label, scores) for label, scores in system.scores["spans_strict_per_type"].items()]
    groups.extend(
        (f"rel:{label}", scores)
        for label, scores in system.scores["relations_per_type"].items()
        if label in RELATION_TYPES
    )
    return groups
