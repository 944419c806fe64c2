"""Gold documents → spaCy ``DocBin`` files for training the statistical NER (``configs/ner.cfg``).

Each gold text is tokenized by the project's own tokenizer, so the model sees exactly the tokens it
will see at extraction time. The NER labels are :data:`NER_LABELS`; every other gold span (QUANTITY,
TIME, BASIS) is plain outside. A gold span whose edges do not fall on token boundaries cannot be
learnt as it is: its tokens are marked *missing* (neither the label nor outside), so the model is
neither taught a wrong boundary nor punished for it. :func:`convert` reports how many there were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example

from .validation import load_documents

#: the labels the statistical NER learns
NER_LABELS: tuple[str, ...] = ("ORG", "OFFICIAL", "TITLE", "INDICATOR")


@dataclass
class ConversionReport:
    documents: int = 0
    spans: Counter = field(default_factory=Counter)
    misaligned: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{self.documents} documents"]
        for label in NER_LABELS:
            out.append(f"{label}: {self.spans[label]} spans, {self.misaligned[label]} not on token boundaries")
        out.extend(f"  misaligned: {example}" for example in self.examples[:20])
        return out


def gold_doc(nlp: Language, text: str, spans: Iterable[tuple[int, int, str]], report: ConversionReport) -> Doc:
    """The tokenized ``text`` with ``spans`` (``start``, ``end``, ``label``) of :data:`NER_LABELS`
    as entities; misaligned spans become missing tokens."""
    doc = nlp.make_doc(text)
    entities: list[Span] = []
    missing: list[Span] = []
    for start, end, label in spans:
        if label not in NER_LABELS:
            continue
        report.spans[label] += 1
        span = doc.char_span(start, end, label=label)
        if span is None:
            report.misaligned[label] += 1
            report.examples.append(f"{label} {text[start:end]!r} in {_context(doc, start, end)!r}")
            wide = doc.char_span(start, end, alignment_mode="expand")
            if wide is not None:
                missing.append(wide)
            continue
        entities.append(span)
    doc.set_ents(entities, missing=_without_overlap(missing, entities), default="outside")
    return doc


def _context(doc: Doc, start: int, end: int) -> str:
    wide = doc.char_span(start, end, alignment_mode="expand")
    return "|".join(t.text for t in wide) if wide is not None else doc.text[start:end]


def _without_overlap(missing: list[Span], entities: list[Span]) -> list[Span]:
    """The tokens of ``missing`` that no entity (and no earlier missing span) holds, as spans."""
    taken = {i for span in entities for i in range(span.start, span.end)}
    free: list[Span] = []
    for span in missing:
        for i in range(span.start, span.end):
            if i not in taken:
                taken.add(i)
                free.append(span.doc[i : i + 1])
    return free


def convert(gold: str | Path, corpus: str | Path, output: str | Path, nlp: Language) -> ConversionReport:
    """Write the gold file's documents to ``output`` (a ``.spacy`` DocBin) and report on them."""
    report = ConversionReport()
    bin_ = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for loaded in load_documents(gold, corpus):
        spans = ((s.start, s.end, s.label) for s in loaded.document.spans)
        bin_.add(gold_doc(nlp, loaded.text, spans, report))
        report.documents += 1
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(output)
    return report


def training_examples(gold: str | Path, corpus: str | Path, nlp: Language) -> Iterator[Example]:
    """The gold file's documents as training examples (tokenized text → gold entities)."""
    report = ConversionReport()
    for loaded in load_documents(gold, corpus):
        spans = ((s.start, s.end, s.label) for s in loaded.document.spans)
        reference = gold_doc(nlp, loaded.text, spans, report)
        yield Example(nlp.make_doc(loaded.text), reference)
