"""Gold migration for clarification C28 (edge words outside TIME spans).

C28 first kept ``cuối`` / ``đầu`` inside a TIME (``cuối năm 2017``), while the shared settled case
leaves them out with the preposition (``năm 2017`` in ``từ đầu năm 2017``); the gold had both.
This script applies the settled form to every gold file: a TIME that starts with ``cuối`` or
``đầu`` (optionally after ``hồi``/``thời điểm``) followed by a named calendar period loses those
leading words. Stretches with both ends (C1: ``đầu năm đến hết tháng 5/2018``, ``đầu năm đến nay``)
and periods named with the word (``6 tháng đầu năm``) are not touched. Spans keep their ids, so
relations are unchanged; attributes are unchanged (C28: the period is the period qualified).

    python scripts/gold_c28_edge_words.py annotations/gold/*.jsonl

It prints only how many spans it moved per file, and is idempotent.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

#: leading edge words, then a calendar period that is a TIME on its own
EDGE = re.compile(
    r"^(?:(?:[Hh]ồi|[Tt]hời điểm)\s+)?(?:[Cc]uối|[Đđ]ầu)\s+"
    r"(?=(?:năm|[Nn]ăm)\s+(?:19|20)\d{2}|[Tt]háng\s|[Qq]uý\s|[Tt]uần\s|niên độ\s|năm tài chính\s)"
)
STRETCH = re.compile(r"\b(?:đến|tới|cho đến)\b")


def migrate_span(span: dict) -> bool:
    """Move the span's start past its edge words; True if it changed."""
    if span["label"] != "TIME" or STRETCH.search(span["text"]):
        return False
    match = EDGE.match(span["text"])
    if match is None:
        return False
    cut = match.end()
    span["start"] += cut
    span["text"] = span["text"][cut:]
    return True


def migrate_file(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    moved = 0
    out = []
    for line in lines:
        record = json.loads(line)
        moved += sum(migrate_span(span) for span in record.get("spans", []))
        out.append(json.dumps(record, ensure_ascii=False))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("\n".join(out) + "\n", encoding="utf-8")
    tmp.replace(path)
    return moved


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {migrate_file(Path(name))} TIME spans moved")
