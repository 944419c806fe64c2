"""The Markdown summary of an evaluation (printed by ``vnie evaluate``, saved as ``report.md``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .diagnostics import ERROR_KINDS, ErrorCase
from .evaluate import Evaluation, SystemResult
from .excerpts import Excerpt
from .tables import Table, bootstrap_line, documents_line, report_tables

#: error examples shown per kind in the summary (the HTML report lists them all)
EXAMPLES_PER_KIND = 3
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """``text`` with Markdown's special characters escaped and line breaks as spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_table(table: Table) -> str:
    lines = [f"### {escape(table.title)}", ""]
    lines.append("| " + " | ".join(escape(header) for header in table.headers) + " |")
    lines.append("|" + "|".join("---" if index == 0 else "---:" for index in range(len(table.headers))) + "|")
    lines.extend("| " + " | ".join(escape(cell) for cell in row) + " |" for row in table.rows)
    if table.note:
        lines.extend(["", f"_{escape(table.note)}_"])
    return "\n".join(lines)


def marked_excerpt(excerpt: Excerpt) -> str:
    """The excerpt with gold stretches in ``[[…]]`` and predicted ones in ``{{…}}`` (escaped)."""
    out = []
    for piece, roles in excerpt.segments():
        text = escape(piece) if piece.strip() else piece
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
    yield f"### Error examples: {escape(system.name)}"
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
    """The whole summary: documents, headline facts, comparison, span/relation/attribute tables."""
    lines = [f"# Evaluation of {escape(evaluation.system.name)}", "", f"Gold: {escape(evaluation.gold_path)}", ""]
    systems = [evaluation.system, *([evaluation.baseline] if evaluation.baseline else [])]
    lines.extend(f"- {escape(documents_line(system))}" for system in systems)
    lines.extend(["", escape(bootstrap_line(evaluation))])
    for table in report_tables(evaluation):
        lines.extend(["", render_table(table)])
    for system in systems:
        lines.extend(["", *error_examples(system)])
    return "\n".join(lines) + "\n"
