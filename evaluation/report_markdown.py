"""The Markdown summary of an evaluation (printed by ``vnie evaluate``, saved as ``report.md``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .diagnostics import ERROR_KINDS, ErrorCase
from .evaluate import Evaluation, SystemResult
from .excerpts import Excerpt
from .tables import Table, bootstrap_line, comparison_table, documents_line, facts_table, system_tables

#: error examples shown per kind in the summary (the HTML report lists them all)
EXAMPLES_PER_KIND = 3
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!])")
_CELL_SPECIAL = re.compile(r"([\\`*<>|])")
_WHITESPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Document text with Markdown's special characters escaped and line breaks as spaces."""
    return _SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text))


def cell(text: str) -> str:
    """A table cell of the report's own text (labels, numbers, names): only what breaks a table escaped."""
    return _CELL_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text))


def render_table(table: Table) -> str:
    lines = [f"### {cell(table.title)}", ""]
    lines.append("| " + " | ".join(cell(header) for header in table.headers) + " |")
    lines.append("|" + "|".join("---" if index == 0 else "---:" for index in range(len(table.headers))) + "|")
    lines.extend("| " + " | ".join(cell(value) for value in row) + " |" for row in table.rows)
    if table.note:
        lines.extend(["", f"_{cell(table.note)}_"])
    return "\n".join(lines)


def marked_excerpt(excerpt: Excerpt) -> str:
    """The excerpt with gold stretches in ``[[…]]`` and predicted ones in ``{{…}}`` (escaped)."""
    out = []
    for piece, roles in excerpt.segments():
        text = escape(piece)
        if "gold" in roles and "pred" in roles:
            text = f"[[{{{{{text}}}}}]]"
        elif "gold" in roles:
            text = f"[[{text}]]"
        elif "pred" in roles:
            text = f"{{{{{text}}}}}"
        out.append(text)
    body = "".join(out)
    return ("… " if excerpt.clipped_start else "") + body + (" …" if excerpt.clipped_end else "")


def error_examples(system: SystemResult) -> Iterable[str]:
    yield f"### Error examples: {cell(system.name)}"
    yield ""
    yield "_Gold spans in [[…]], predicted spans in {{…}}; all errors are listed in report.html._"
    for kind in ERROR_KINDS:
        cases = [case for case in system.errors if case.kind == kind]
        if not cases:
            continue
        yield ""
        yield f"**{kind}** ({len(cases)})"
        yield ""
        yield from (_example_line(case) for case in cases[:EXAMPLES_PER_KIND])


def _example_line(case: ErrorCase) -> str:
    return f"- {escape(case.doc_id)}, {case.item}: {escape(case.detail)} — {marked_excerpt(case.excerpt)}"


def render_markdown(evaluation: Evaluation) -> str:
    """The summary: documents, headline facts, the comparison, then the system's detailed tables
    and error examples (the baseline's details are in the HTML report)."""
    system = evaluation.system
    lines = [f"# Evaluation of {cell(system.name)}", "", f"Gold: {cell(evaluation.gold_path)}", ""]
    systems = [system, *([evaluation.baseline] if evaluation.baseline else [])]
    lines.extend(f"- {cell(documents_line(item))}" for item in systems)
    lines.extend(["", cell(bootstrap_line(evaluation))])
    comparison = comparison_table(evaluation)
    for table in [facts_table(evaluation), *([comparison] if comparison else []), *system_tables(system)]:
        lines.extend(["", render_table(table)])
    lines.extend(["", *error_examples(system)])
    return "\n".join(lines) + "\n"
