"""The self-contained HTML report: inline CSS and SVG, no script, no external resource.

Every text from the documents goes through :func:`html.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from .diagnostics import ERROR_KINDS, ErrorCase
from .evaluate import Evaluation, SystemResult
from .excerpts import Excerpt
from .tables import Table, bootstrap_line, chart_groups, comparison_paths, documents_line, report_tables

#: errors listed per kind and system (the rest are counted)
ERRORS_SHOWN = 500
PRF_COLORS = (("P", "#4e79a7"), ("R", "#f28e2b"), ("F1", "#59a14f"))
SYSTEM_COLORS = ("#4e79a7", "#b07aa1")

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:2rem auto;max-width:1200px;
padding:0 1rem;color:#1f2328;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
h3{font-size:1.05rem;margin-top:1.6rem}
table{border-collapse:collapse;margin:.5rem 0 .3rem;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:right;vertical-align:top}
th{background:#f6f8fa}td:first-child,th:first-child{text-align:left}
table.errors td{text-align:left}table.errors td.excerpt{white-space:pre-wrap;max-width:640px}
p.note{color:#57606a;font-size:.85rem;margin:.1rem 0 1rem}
.headline{font-size:1.15rem;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem;display:inline-block}
.hl.gold{background:#dafbe1;border-bottom:2px solid #1a7f37}.hl.pred{background:#ffebe9;outline:1px solid #cf222e}
.hl.gold.pred{background:#fff8c5}
.legend span{margin-right:1rem}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
svg text{font-family:inherit}
"""


def render_html(evaluation: Evaluation) -> str:
    """The whole report as one HTML document."""
    systems = [evaluation.system, *([evaluation.baseline] if evaluation.baseline else [])]
    parts = [
        f"<h1>Evaluation of {escape(evaluation.system.name)}</h1>",
        f"<p>Gold: <code>{escape(evaluation.gold_path)}</code></p>",
        "<ul>" + "".join(f"<li>{escape(documents_line(system))}</li>" for system in systems) + "</ul>",
        f"<p>{escape(bootstrap_line(evaluation))}</p>",
        _headline(evaluation),
        *_charts(evaluation, systems),
        *(_table_html(table) for table in report_tables(evaluation)),
        *(_errors_html(system) for system in systems),
    ]
    title = f"Evaluation of {evaluation.system.name}"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<link rel=\"icon\" href=\"data:,\">\n"
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )


def _headline(evaluation: Evaluation) -> str:
    scores = evaluation.system.scores
    ci = scores.get("facts_f_ci")
    interval = "" if not ci or ci[0] is None else f" (95% CI {ci[0]:.3f}–{ci[1]:.3f})"
    value = "–" if scores["facts_f"] is None else f"{scores['facts_f']:.3f}"
    return f'<p class="headline">Fact F1 <strong>{value}</strong>{escape(interval)}</p>'


def _table_html(table: Table) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header in table.headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table.rows)
    note = f'<p class="note">{escape(table.note)}</p>' if table.note else ""
    return f'<h3 id="{escape(table.key)}">{escape(table.title)}</h3>\n<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}'


def _charts(evaluation: Evaluation, systems: Sequence[SystemResult]) -> list[str]:
    charts = ["<h2>Scores per label and relation</h2>"]
    for system in systems:
        groups = chart_groups(system)
        series = [(name, [scores[key] for _, scores in groups], color) for (name, color), key in zip(PRF_COLORS, "prf")]
        charts.append(bar_chart(f"P / R / F1 per span label (strict) and relation: {system.name}", [c for c, _ in groups], series))
    if evaluation.baseline is not None and evaluation.comparison:
        paths = comparison_paths(evaluation)
        series = [
            (system.name, [evaluation.comparison[path][role] for _, path in paths], color)
            for system, role, color in zip(systems, ("system", "baseline"), SYSTEM_COLORS)
        ]
        charts.append(bar_chart("F1 side by side", [name.replace(" F1", "") for name, _ in paths], series))
    return charts


def bar_chart(title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None], str]]) -> str:
    """A grouped bar chart of scores in [0, 1] as inline SVG, one group per category."""
    bar, gap, left, top, height, bottom = 14, 18, 44, 30, 200, 90
    group = bar * len(series) + gap
    width = left + group * max(len(categories), 1) + 20
    parts = [f'<text x="{left}" y="16" font-size="13" font-weight="600">{escape(title)}</text>']
    parts.extend(_axis(left, top, height, width))
    for index, category in enumerate(categories):
        x0 = left + gap / 2 + index * group
        for offset, (name, values, color) in enumerate(series):
            parts.append(_bar(x0 + offset * bar, top, height, bar, values[index], color, f"{category} {name}"))
        cx, cy = x0 + bar * len(series) / 2, top + height + 8
        parts.append(f'<text x="{cx:.1f}" y="{cy}" font-size="11" text-anchor="end" transform="rotate(-40 {cx:.1f} {cy})">{escape(category)}</text>')
    parts.append(_legend(series, left, top + height + bottom - 10))
    svg_height = top + height + bottom + 6
    label = escape(title)
    return f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" width="{width:.0f}" height="{svg_height}" viewBox="0 0 {width:.0f} {svg_height}">{"".join(parts)}</svg>'


def _axis(left: int, top: int, height: int, width: float) -> Iterable[str]:
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = top + height * (1 - tick)
        yield f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10:.0f}" y2="{y:.1f}" stroke="#d0d7de" stroke-width="1"/>'
        yield f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{tick:.2f}</text>'


def _bar(x: float, top: int, height: int, width: int, value: float | None, color: str, name: str) -> str:
    if value is None:
        return f'<text x="{x + width / 2:.1f}" y="{top + height - 3}" font-size="10" text-anchor="middle">–</text>'
    bar_height = height * max(0.0, min(1.0, value))
    y = top + height - bar_height
    tooltip = escape(f"{name}: {value:.3f}")
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{width - 2}" height="{bar_height:.1f}" fill="{color}"><title>{tooltip}</title></rect>'


def _legend(series: Sequence[tuple[str, Sequence[float | None], str]], x: int, y: int) -> str:
    items = []
    for index, (name, _, color) in enumerate(series):
        left = x + index * 150
        items.append(f'<rect x="{left}" y="{y - 10}" width="12" height="12" fill="{color}"/>')
        items.append(f'<text x="{left + 16}" y="{y}" font-size="12">{escape(name)}</text>')
    return "".join(items)


def excerpt_html(excerpt: Excerpt) -> str:
    """The excerpt with gold and predicted stretches highlighted, every piece escaped."""
    pieces = []
    for text, roles in excerpt.segments():
        if roles:
            classes = " ".join(["hl", *sorted(roles)])
            pieces.append(f'<span class="{classes}">{escape(text)}</span>')
        else:
            pieces.append(escape(text))
    return ("… " if excerpt.clipped_start else "") + "".join(pieces) + (" …" if excerpt.clipped_end else "")


def _errors_html(system: SystemResult) -> str:
    parts = [f"<h2>Errors: {escape(system.name)}</h2>"]
    parts.append('<p class="legend"><span class="hl gold">gold</span><span class="hl pred">predicted</span><span class="hl gold pred">both</span></p>')
    for kind in ERROR_KINDS:
        cases = [case for case in system.errors if case.kind == kind]
        shown = cases[:ERRORS_SHOWN]
        more = f" (first {ERRORS_SHOWN} shown)" if len(cases) > ERRORS_SHOWN else ""
        rows = "".join(_error_row(case) for case in shown)
        table = f'<table class="errors"><thead><tr><th>document</th><th>item</th><th>what</th><th>sentence</th></tr></thead><tbody>{rows}</tbody></table>' if shown else "<p>None.</p>"
        parts.append(f"<details><summary>{escape(kind)}: {len(cases)}{escape(more)}</summary>{table}</details>")
    return "\n".join(parts)


def _error_row(case: ErrorCase) -> str:
    cells = (escape(case.doc_id), escape(case.item), escape(case.detail))
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + f'<td class="excerpt">{excerpt_html(case.excerpt)}</td></tr>'
