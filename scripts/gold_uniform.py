"""Gold migrations: make the gold uniform with a clarification, by rule, in every split.

Each rule settles a case the gold had annotated both ways; it is applied mechanically, without any
prediction in view, and prints only how many spans it changed per file. Rules are idempotent;
span ids are kept, so relations do not change.

    python scripts/gold_uniform.py c28 annotations/gold/*.jsonl
    python scripts/gold_uniform.py c29 annotations/gold/*.jsonl
    python scripts/gold_uniform.py c31 annotations/gold/*.jsonl
    python scripts/gold_uniform.py c33 annotations/gold/*.jsonl
    python scripts/gold_uniform.py shortest annotations/gold/*.jsonl

- ``c28``: ``cuối`` / ``đầu`` before a named calendar period stay outside the TIME (the shared
  settled case: ``năm 2017`` in ``từ đầu năm 2017``). Stretches with both ends (C1: ``đầu năm đến
  hết tháng 5/2018``) and periods named with the word (``6 tháng đầu năm``) are not touched.
- ``c29``: a destination after the measure (``sang Mỹ``, ``sang thị trường này``) is scope, not
  part of the INDICATOR: ``XK thủy sản`` in ``XK thủy sản sang Mỹ đạt 900 triệu USD``.
- ``c31``: ``cả`` (the whole of) right before a named quarter, month or count of months is part of
  the TIME, as it is in the shared ``cả năm``: ``cả quý 3``, ``cả tháng 10``, ``cả 9 tháng``.
- ``c33``: a balance compared with the start or the end of a year has that day as its basis
  (``so với đầu năm`` → ``period:2019-01-01`` for a 2019 value, ``so với cuối năm 2016`` →
  ``period:2016-12-31``), on the BASIS span and on the values it is the basis of.
- ``shortest``: periods in the shortest form GUIDELINES.md asks for: a span of months of one year
  that is exactly a quarter, half or year is written as one (``2020-10/2020-12`` → ``2020-Q4``), in
  TIME and QUANTITY ``period`` and in ``period:`` bases.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipeline.periods import normalize_basis, shortest_form  # noqa: E402
from pipeline.validation import load_documents  # noqa: E402

#: leading edge words, then a calendar period that is a TIME on its own
EDGE = re.compile(
    r"^(?:(?:[Hh]ồi|[Tt]hời điểm)\s+)?(?:[Cc]uối|[Đđ]ầu)\s+"
    r"(?=(?:năm|[Nn]ăm)\s+(?:19|20)\d{2}|[Tt]háng\s|[Qq]uý\s|[Tt]uần\s|niên độ\s|năm tài chính\s)"
)
STRETCH = re.compile(r"\b(?:đến|tới|cho đến)\b")
DESTINATION = re.compile(r"\s+sang\s")


def edge_words_out(span: dict) -> bool:
    """C28: move a TIME's start past its edge words; True if it changed."""
    if span["label"] != "TIME" or STRETCH.search(span["text"]):
        return False
    match = EDGE.match(span["text"])
    if match is None:
        return False
    span["start"] += match.end()
    span["text"] = span["text"][match.end() :]
    return True


def destination_out(span: dict) -> bool:
    """C29: end an INDICATOR before ``sang`` + destination; True if it changed."""
    if span["label"] != "INDICATOR":
        return False
    match = DESTINATION.search(span["text"])
    if match is None or match.start() == 0:
        return False
    span["end"] = span["start"] + match.start()
    span["text"] = span["text"][: match.start()]
    return True


WHOLE = re.compile(r"[Cc]ả\s+$")
WHOLE_OF = re.compile(r"^(?:[Qq]uý\s|[Tt]háng\s|\d{1,2}\s+tháng\b)")


def whole_in(span: dict, text: str) -> bool:
    """C31: start a TIME at a ``cả`` right before it; True if it changed."""
    if span["label"] != "TIME" or not WHOLE_OF.match(span["text"]):
        return False
    match = WHOLE.search(text[max(0, span["start"] - 8) : span["start"]])
    if match is None:
        return False
    span["start"] -= len(match.group())
    span["text"] = text[span["start"] : span["end"]]
    return True


def shortest_period(span: dict) -> bool:
    """Write a span's period (and a ``period:`` basis) in the shortest form; True if it changed."""
    attrs = span.get("attrs", {})
    changed = False
    if isinstance(attrs.get("period"), str) and shortest_form(attrs["period"]) != attrs["period"]:
        attrs["period"] = shortest_form(attrs["period"])
        changed = True
    basis = attrs.get("basis")
    if isinstance(basis, str) and basis.startswith("period:") and shortest_form(basis[7:]) != basis[7:]:
        attrs["basis"] = "period:" + shortest_form(basis[7:])
        changed = True
    return changed


def balance_dates(record: dict) -> int:
    """C33: the basis of a comparison with the start or end of a year is that day, on the BASIS
    span and on the values linked to it; the number of spans changed."""
    spans = {span["id"]: span for span in record.get("spans", [])}
    changed = 0
    for basis in (s for s in spans.values() if s["label"] == "BASIS"):
        values = [spans[r["head"]] for r in record.get("relations", []) if r["label"] == "basis" and r["tail"] == basis["id"]]
        periods = [v["attrs"].get("period") for v in values if isinstance(v["attrs"].get("period"), str)]
        new = normalize_basis(basis["text"], periods[0] if periods else None) if BALANCE.search(basis["text"]) else None
        if new is None or not BALANCE_BASIS.fullmatch(new):
            continue
        for span in [basis, *values]:
            if span["attrs"].get("basis") != new:
                span["attrs"]["basis"] = new
                changed += 1
    return changed


#: a comparison with the start or end of a year, and the day basis it gets (``period:2019-01-01``)
BALANCE = re.compile(r"^so(?:\s+với)?\s+(?:(?:hồi|thời điểm|mức)\s+)?(?:đầu|cuối)\s+(?:năm|kỳ|kì)(?:\s+(?:\d{4}|nay|trước|ngoái))?$", re.I)
BALANCE_BASIS = re.compile(r"period:\d{4}-(?:01-01|12-31)")

RULES: dict[str, Callable[..., bool]] = {"c28": edge_words_out, "c29": destination_out, "c31": whole_in, "shortest": shortest_period}
#: rules that read the document's text
TEXT_RULES = {"c31"}
#: rules over a whole record (spans and relations)
RECORD_RULES: dict[str, Callable[[dict], int]] = {"c33": balance_dates}


def migrate_file(path: Path, rule: Callable[..., bool], corpus: Path | None = None) -> int:
    texts = {d.document.id: d.text for d in load_documents(path, corpus)} if corpus is not None else {}
    out, changed = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        extra = (texts[record["id"]],) if corpus is not None else ()
        if rule in RECORD_RULES.values():
            changed += rule(record)
        else:
            changed += sum(rule(span, *extra) for span in record.get("spans", []))
        out.append(json.dumps(record, ensure_ascii=False))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("\n".join(out) + "\n", encoding="utf-8")
    tmp.replace(path)
    return changed


if __name__ == "__main__":
    every = {**RULES, **RECORD_RULES}
    if len(sys.argv) < 3 or sys.argv[1] not in every:
        sys.exit(f"usage: gold_uniform.py {{{'|'.join(every)}}} FILE...")
    for name in sys.argv[2:]:
        corpus = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" if sys.argv[1] in TEXT_RULES else None
        print(f"{name}: {migrate_file(Path(name), every[sys.argv[1]], corpus)} spans changed by {sys.argv[1]}")
