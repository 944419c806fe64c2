"""How long ``vnie evaluate`` takes on 1,000 synthetic documents.

Generates a gold file of synthetic documents (all labels, attributes and relations, valid under
FORMAT.md) and two perturbed prediction files (dropped, shifted, relabelled and spurious spans,
wrong attributes, lost relations), then times the whole evaluation (loading and validating both
files, scoring, the default 1,000 bootstrap resamples, diagnostics and writing the three report
files) several times, alone and with ``--baseline``, and prints the median seconds.

    .venv/bin/python bench/evaluate_speed.py [--documents 1000] [--repeats 5] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.bootstrap import BootstrapSettings  # noqa: E402
from evaluation.evaluate import evaluate, write_report  # noqa: E402
from pipeline.document import RELATION_TYPES, Document, Relation, Span  # noqa: E402
from pipeline.jsonl import write_documents  # noqa: E402

SYLLABLES = ("công thương tỉnh sản xuất tăng trưởng giá trị xuất khẩu nhập doanh nghiệp kế hoạch năm tháng quý").split(
    " "
)
PHRASES = {
    "ORG": ["Sở Công Thương", "UBND tỉnh Thanh Hóa", "Bộ Công Thương", "Tập đoàn Hòa Phát", "EVN"],
    "OFFICIAL": ["Mai Xuân Liêm", "Trịnh Thị Thu Hiền", "Đỗ Thắng Hải"],
    "TITLE": ["Phó Chủ tịch", "Giám đốc", "Bộ trưởng"],
    "INDICATOR": ["Chỉ số sản xuất công nghiệp", "tổng giá trị xuất khẩu", "kim ngạch nhập khẩu"],
    "QUANTITY": ["19,25%", "6,293 tỷ USD", "48 dự án", "744 triệu kWh"],
    "TIME": ["năm 2024", "quý III", "tháng 8"],
    "BASIS": ["so với cùng kỳ", "kế hoạch"],
}
ATTRS = {"TIME": {"period": "2024"}, "BASIS": {"basis": "plan"}}
PLAIN_LABELS = ("ORG", "OFFICIAL", "TITLE", "INDICATOR")


def quantity_attrs(rng: random.Random) -> dict[str, Any]:
    return {
        "value": rng.choice([19.25, 6293000000.0, 48.0, 744000000.0]),
        "value_max": None,
        "unit": rng.choice(["%", "USD", "dự án", "kWh"]),
        "kind": rng.choice(["level", "change", "ratio"]),
        "bound": rng.choice([None, "~", ">"]),
        "period": "2024",
        "basis": rng.choice([None, "plan"]),
        "status": rng.choice(["actual", "estimate"]),
    }


@dataclass
class Draft:
    """A document being built: its text pieces and spans as (start, end, label, attrs)."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    spans: list[tuple[int, int, str, dict[str, Any]]] = field(default_factory=list)

    def add(self, piece: str, label: str | None = None, attrs: dict[str, Any] | None = None) -> None:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        if label is not None:
            self.spans.append((self.length, self.length + len(piece), label, attrs or {}))
        self.parts.append(piece)
        self.length += len(piece)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def gold_document(rng: random.Random, number: int, sentences: int = 12) -> Document:
    draft = Draft()
    for _ in range(sentences):
        for _ in range(rng.randint(3, 6)):
            draft.add(" ".join(rng.choices(SYLLABLES, k=rng.randint(1, 3))))
            label = rng.choice(list(PHRASES))
            attrs = quantity_attrs(rng) if label == "QUANTITY" else dict(ATTRS.get(label, {}))
            draft.add(rng.choice(PHRASES[label]), label, attrs)
        draft.add(rng.choice(SYLLABLES) + ".")
    text = draft.text
    spans = [
        Span(id=f"S{index}", start=start, end=end, label=label, text=text[start:end], attrs=attrs)
        for index, (start, end, label, attrs) in enumerate(draft.spans)
    ]
    return Document(id=f"synthetic/{number:05d}", text=text, spans=spans, relations=link(spans))


def link(spans: list[Span]) -> list[Relation]:
    """Each QUANTITY and OFFICIAL to the nearest following span of each tail label, at most once each."""
    relations = []
    for index, head in enumerate(spans):
        for label, (head_label, tail_label) in RELATION_TYPES.items():
            if head.label != head_label:
                continue
            tail = next((s for s in spans[index + 1 : index + 6] if s.label == tail_label), None)
            if tail is not None:
                relations.append(Relation(head=head.id, tail=tail.id, label=label))
    return relations


def perturb(rng: random.Random, gold: Document) -> Document:
    text = gold.text or ""
    kept: list[Span] = []
    for span in gold.spans:
        if rng.random() < 0.15:
            continue
        span = span.model_copy(deep=True)
        if span.label in PLAIN_LABELS and rng.random() < 0.08:
            span.label = rng.choice(PLAIN_LABELS)
        cut = span.text.find(" ") + 1
        if cut and span.text[cut].isalnum() and rng.random() < 0.1:
            span.start += cut
            span.text = text[span.start : span.end]
        if span.label == "QUANTITY" and rng.random() < 0.2:
            span.attrs["status"] = "target"
        kept.append(span)
    labels = {span.id: span.label for span in kept}
    relations = [
        relation
        for relation in gold.relations
        if (labels.get(relation.head), labels.get(relation.tail)) == RELATION_TYPES[relation.label]
        and rng.random() < 0.9
    ]
    return Document(id=gold.id, text=text, spans=kept, relations=relations)


def make_files(folder: Path, documents: int, seed: int) -> tuple[Path, Path, Path]:
    rng = random.Random(seed)
    gold = [gold_document(rng, number) for number in range(documents)]
    paths = (folder / "gold.jsonl", folder / "pred.jsonl", folder / "baseline.jsonl")
    write_documents(paths[0], gold)
    write_documents(paths[1], [perturb(rng, document) for document in gold])
    write_documents(paths[2], [perturb(rng, document) for document in gold])
    return paths


def time_once(gold: Path, pred: Path, baseline: Path | None, out: Path) -> float:
    start = time.perf_counter()
    evaluation = evaluate(gold, pred, baseline=baseline, settings=BootstrapSettings())
    write_report(evaluation, out)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        gold, pred, baseline = make_files(folder, args.documents, args.seed)
        spans = gold.read_text(encoding="utf-8").count('"start": ')
        print(f"{args.documents} documents, {spans} gold spans, gold file {gold.stat().st_size / 1e6:.1f} MB")
        for name, other in (("evaluate", None), ("evaluate --baseline", baseline)):
            times = [time_once(gold, pred, other, folder / "report") for _ in range(args.repeats)]
            spread = f"min {min(times):.2f}, max {max(times):.2f}"
            print(f"{name}: median {statistics.median(times):.2f} s over {args.repeats} runs ({spread})")


if __name__ == "__main__":
    main()
