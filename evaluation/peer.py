"""A peer baseline: underthesea's own ``ner`` turned into predictions of the shared format.

underthesea tags persons (PER), organizations (ORG), places and other names in BIO form; its PER
entities become OFFICIAL spans and its ORG entities ORG spans, so that a report can put the
pipeline beside underthesea on those labels. underthesea sees one sentence at a time (the
sentences of :mod:`evaluation.excerpts`) and returns its words NFC-normalized, with syllables
re-joined by single spaces and tone marks sometimes moved (``hoà`` -> ``hòa``). Its words are
therefore aligned to the text by a folded comparison (compatibility decomposition, no combining
marks, lower case, no whitespace) that walks the sentence from left to right, resynchronizing a
short way ahead where a word does not fit; an entity with a word that cannot be placed is
dropped, never guessed, and every span is cut from the text itself (``text[start:end]``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.document import Document, Span
from pipeline.errors import Errors, VnieError
from pipeline.jsonl import write_documents
from pipeline.validation import LoadedDocument, load_documents

from pipeline.alignment import place_words
from pipeline.sentences import sentence_spans

#: underthesea entity type -> span label of GUIDELINES.md
PEER_LABELS: dict[str, str] = {"PER": "OFFICIAL", "ORG": "ORG"}

NerFunction = Callable[[str], Sequence[Sequence[Any]]]
Progress = Callable[[Sequence[LoadedDocument]], Iterable[LoadedDocument]]


def load_ner() -> NerFunction:
    """underthesea's ``ner`` (imported on first use: the import is slow)."""
    try:
        from underthesea import ner
    except ImportError as error:
        raise VnieError(Errors.E107.format(detail=error)) from None
    return ner


def align_words(text: str, words: Sequence[str], start: int = 0, end: int | None = None) -> list[tuple[int, int] | None]:
    """The ``(start, end)`` of each word in ``text[start:end]``, in order; None where a word does not fit."""
    stretch = text[start : len(text) if end is None else end]
    return [None if placed is None else (start + placed[0], start + placed[1]) for placed in place_words(stretch, list(words))]


def bio_entities(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first word, last word, type)`` of the entities of BIO tags (an ``I-`` may open one)."""
    entities: list[tuple[int, int, str]] = []
    start: int | None = None
    kind = ""
    for index, tag in enumerate(tags):
        prefix, _, name = tag.partition("-")
        if prefix == "I" and start is not None and name == kind:
            continue
        if start is not None:
            entities.append((start, index - 1, kind))
        start, kind = (index, name) if prefix in ("B", "I") and name else (None, "")
    if start is not None:
        entities.append((start, len(tags) - 1, kind))
    return entities


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without edge punctuation (a closing ``)`` of an included ``(`` stays), or None if it
    is empty or starts or ends inside a word."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and not (text[end - 1] == ")" and "(" in text[start:end]):
        end -= 1
    if start >= end:
        return None
    if start > 0 and text[start - 1].isalnum():
        return None
    if end < len(text) and text[end].isalnum():
        return None
    return start, end


def sentence_entities(text: str, start: int, end: int, ner: NerFunction) -> list[tuple[int, int, str]]:
    """underthesea's PER and ORG entities of ``text[start:end]`` as ``(start, end, label)``."""
    tokens = ner(text[start:end])
    words = [str(token[0]) for token in tokens]
    tags = [str(token[-1]) for token in tokens]
    placed = align_words(text, words, start, end)
    spans = []
    for first, last, kind in bio_entities(tags):
        label = PEER_LABELS.get(kind)
        if label is None or placed[first] is None or placed[last] is None:
            continue
        if any(placed[index] is None for index in range(first, last + 1)):
            continue
        trimmed = trim_span(text, placed[first][0], placed[last][1])  # type: ignore[index]
        if trimmed is not None:
            spans.append((*trimmed, label))
    return spans


def underthesea_document(loaded: LoadedDocument, ner: NerFunction) -> Document:
    """A prediction for one gold document (same id and text form, no meta) from underthesea alone."""
    text = loaded.text
    found: list[tuple[int, int, str]] = []
    for start, end in sentence_spans(text):
        try:
            found.extend(sentence_entities(text, start, end, ner))
        except VnieError:
            raise
        except Exception as error:  # noqa: BLE001 - any failure of the third-party tagger
            raise VnieError(Errors.E108.format(doc_id=loaded.document.id, offset=start, detail=error)) from None
    spans = [
        Span(id=f"U{number}", start=start, end=end, label=label, text=text[start:end], attrs={})
        for number, (start, end, label) in enumerate(found, start=1)
    ]
    gold = loaded.document
    if gold.is_standoff:
        return Document(id=gold.id, source=gold.source, text_sha256=gold.text_sha256, spans=spans)
    return Document(id=gold.id, text=text, spans=spans)


def underthesea_baseline(
    documents: Sequence[LoadedDocument], *, ner: NerFunction | None = None, progress: Progress | None = None
) -> list[Document]:
    """Predictions of underthesea for every document (``progress`` may wrap the iteration)."""
    ner = ner or load_ner()
    iterate = progress(documents) if progress is not None else documents
    return [underthesea_document(loaded, ner) for loaded in iterate]


def write_underthesea_baseline(
    gold: str | Path,
    out: str | Path,
    *,
    corpus: str | Path | None = None,
    ner: NerFunction | None = None,
    progress: Progress | None = None,
) -> list[Document]:
    """Run underthesea on the texts of ``gold`` and write its predictions to ``out`` (atomically)."""
    documents = load_documents(gold, corpus)
    predictions = underthesea_baseline(documents, ner=ner, progress=progress)
    write_documents(out, predictions)
    return predictions
