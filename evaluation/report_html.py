"""The self-contained HTML report: inline CSS and SVG, no script, no external resource.

Every text from the documents goes through :func:`html.escape`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from .diagnostics import ERROR_KINDS, ErrorCase
from .evaluate import Evaluation, SystemResult
from .excerpts import Excerpt
from .tables import Table, bootstrap_line, chart_groups, comparison_paths, documents_line, report_tables

#: errors listed per kind and system (the rest are counted)
ERRORS_SHOWN = 500
#: groups of at most this many errors are shown unfolded
OPEN_UP_TO = 25
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
table.errors td,table.errors th{text-align:left}table.errors td:last-child{white-space:pre-wrap;max-width:640px}
p.note{color:#57606a;font-size:.85rem;margin:.1rem 0 1rem}
.headline{font-size:1.15rem;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem;
display:inline-block}
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
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )


def element(name: str, content: str = "", **attributes: object) -> str:
    """``<name attributes>content</name>``: attribute values escaped, ``_`` in their names written ``-``
    (a trailing one dropped, for ``class_``); ``content`` is HTML already. No content: ``<name/>``."""
    rendered = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{escape(str(value))}"' for key, value in attributes.items()
    )
    if not content and name in _EMPTY_SVG:
        return f"<{name}{rendered}/>"
    return f"<{name}{rendered}>{content}</{name}>"


_EMPTY_SVG = frozenset({"line", "rect"})


def html_table(headers: Sequence[str], rows: Iterable[Sequence[str]], **attributes: object) -> str:
    """A table of HTML cells (escape text before)."""
    head = element("tr", "".join(element("th", header) for header in headers))
    body = "".join(element("tr", "".join(element("td", cell) for cell in row)) for row in rows)
    return element("table", element("thead", head) + element("tbody", body), **attributes)


def _headline(evaluation: Evaluation) -> str:
    scores = evaluation.system.scores
    value = "–" if scores["facts_f"] is None else f"{scores['facts_f']:.3f}"
    ci = scores.get("facts_f_ci")
    level = f"{evaluation.settings.confidence * 100:g}%"
    interval = "" if not ci or ci[0] is None else f" ({level} CI {ci[0]:.3f}–{ci[1]:.3f})"
    return element("p", f"Fact F1 {element('strong', value)}{escape(interval)}", class_="headline")


def _table_html(table: Table) -> str:
    rows = ([escape(cell) for cell in row] for row in table.rows)
    note = element("p", escape(table.note), class_="note") if table.note else ""
    headers = [escape(header) for header in table.headers]
    anchor = re.sub(r"[^\w-]+", "-", table.key)
    return element("h3", escape(table.title), id=anchor) + "\n" + html_table(headers, rows) + note


def _charts(evaluation: Evaluation, systems: Sequence[SystemResult]) -> list[str]:
    charts = ["<h2>Scores per label and relation</h2>"]
    for system in systems:
        groups = chart_groups(system)
        series = [(name, [scores[key] for _, scores in groups], color) for (name, color), key in zip(PRF_COLORS, "prf")]
        title = f"P / R / F1 per span label (strict) and relation: {system.name}"
        charts.append(bar_chart(title, [category for category, _ in groups], series))
    if evaluation.baseline is not None and evaluation.comparison:
        paths = comparison_paths(evaluation)
        series = [
            (system.name, [evaluation.comparison[path][role] for _, path in paths], color)
            for system, role, color in zip(systems, ("system", "baseline"), SYSTEM_COLORS)
        ]
        charts.append(bar_chart("F1 side by side", [name.replace(" F1", "") for name, _ in paths], series))
    return charts


Series = Sequence[tuple[str, Sequence["float | None"], str]]


def bar_chart(title: str, categories: Sequence[str], series: Series) -> str:
    """A grouped bar chart of scores in [0, 1] as inline SVG, one group per category."""
    bar, gap, left, top, height, bottom = 14, 18, 44, 30, 200, 90
    group = bar * len(series) + gap
    width = left + group * max(len(categories), 1) + 20
    parts = [element("text", escape(title), x=left, y=16, font_size=13, font_weight=600)]
    parts.extend(_axis(left, top, height, width))
    for index, category in enumerate(categories):
        x0 = left + gap / 2 + index * group
        for offset, (name, values, color) in enumerate(series):
            parts.append(_bar(x0 + offset * bar, top, height, bar, values[index], color, f"{category} {name}"))
        cx, cy = f"{x0 + bar * len(series) / 2:.1f}", top + height + 8
        rotate = f"rotate(-40 {cx} {cy})"
        parts.append(element("text", escape(category), x=cx, y=cy, font_size=11, text_anchor="end", transform=rotate))
    parts.append(_legend(series, left, top + height + bottom - 10))
    size = {"width": f"{width:.0f}", "height": top + height + bottom + 6}
    view_box = f"0 0 {size['width']} {size['height']}"
    return element("svg", "".join(parts), xmlns=SVG_NAMESPACE, role="img", aria_label=title, **size, viewBox=view_box)


SVG_NAMESPACE = "http://www.w3.org/2000/svg"


def _axis(left: int, top: int, height: int, width: float) -> Iterable[str]:
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = f"{top + height * (1 - tick):.1f}"
        yield element("line", x1=left, y1=y, x2=f"{width - 10:.0f}", y2=y, stroke="#d0d7de", stroke_width=1)
        yield element("text", f"{tick:.2f}", x=left - 6, y=f"{float(y) + 4:.1f}", font_size=10, text_anchor="end")


def _bar(x: float, top: int, height: int, width: int, value: float | None, color: str, name: str) -> str:
    if value is None:
        return element("text", "–", x=f"{x + width / 2:.1f}", y=top + height - 3, font_size=10, text_anchor="middle")
    bar_height = height * max(0.0, min(1.0, value))
    tooltip = element("title", escape(f"{name}: {value:.3f}"))
    y = f"{top + height - bar_height:.1f}"
    return element("rect", tooltip, x=f"{x:.1f}", y=y, width=width - 2, height=f"{bar_height:.1f}", fill=color)


def _legend(series: Series, x: int, y: int) -> str:
    items = []
    for index, (name, _, color) in enumerate(series):
        left = x + index * 150
        items.append(element("rect", x=left, y=y - 10, width=12, height=12, fill=color))
        items.append(element("text", escape(name), x=left + 16, y=y, font_size=12))
    return "".join(items)


def excerpt_html(excerpt: Excerpt) -> str:
    """The excerpt with gold and predicted stretches highlighted, every piece escaped."""
    pieces = []
    for text, roles in excerpt.segments():
        if roles:
            pieces.append(element("span", escape(text), class_=" ".join(["hl", *sorted(roles)])))
        else:
            pieces.append(escape(text))
    return ("… " if excerpt.clipped_start else "") + "".join(pieces) + (" …" if excerpt.clipped_end else "")


LEGEND = (
    element("span", "gold", class_="hl gold")
    + element("span", "predicted", class_="hl pred")
    + element("span", "both", class_="hl gold pred")
)


def _errors_html(system: SystemResult) -> str:
    parts = [element("h2", f"Errors: {escape(system.name)}"), element("p", LEGEND, class_="legend")]
    for kind in ERROR_KINDS:
        cases = [case for case in system.errors if case.kind == kind]
        shown = cases[:ERRORS_SHOWN]
        more = f" (first {ERRORS_SHOWN} shown)" if len(cases) > ERRORS_SHOWN else ""
        rows = (_error_cells(case) for case in shown)
        listing = (
            html_table(("document", "item", "what", "sentence"), rows, class_="errors") if shown else "<p>None.</p>"
        )
        summary = element("summary", f"{escape(kind)}: {len(cases)}{escape(more)}")
        opened = {"open": "open"} if 0 < len(cases) <= OPEN_UP_TO else {}
        parts.append(element("details", summary + listing, **opened))
    return "\n".join(parts)


def _error_cells(case: ErrorCase) -> list[str]:
    return [escape(case.doc_id), escape(case.item), escape(case.detail), excerpt_html(case.excerpt)]
