"""Span match strategies: nervaluate's four schemas, one small class each.

The counting follows nervaluate 1.2 (``nervaluate/strategies.py``) exactly, so that the scores
equal that package's on the same spans: predictions are visited in order of their offsets, each
takes the first still unmatched gold span that decides its outcome, and a gold span counts as
overlapped when at least ``min_overlap_percentage`` percent of it is covered (nervaluate's
default, 1%). What each schema calls correct:

- ``strict``: the same offsets and label;
- ``exact``: the same offsets, any label;
- ``partial``: the same offsets (an overlap counts as ``partial``, half credit), any label;
- ``ent_type``: an overlap with the same label (the closest such gold span).

Any other overlap is ``incorrect`` (``partial`` under the partial schema); a prediction that
overlaps no unmatched gold span is ``spurious``; a gold span left unmatched is ``missed``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import ClassVar

from .annotations import SpanKey

COUNTERS: tuple[str, ...] = ("correct", "incorrect", "partial", "missed", "spurious")
#: candidate gold spans of a prediction: (index into the sorted gold spans, span)
Candidates = Sequence[tuple[int, SpanKey]]
#: an outcome and the gold span it uses up (None for ``spurious``)
Judgement = tuple[str, "int | None"]


@dataclass
class MatchCounts:
    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class SpanAlignment:
    """Gold and predicted spans in offset order, and the gold spans each prediction overlaps."""

    gold: tuple[SpanKey, ...]
    pred: tuple[SpanKey, ...]
    #: for each prediction, the indices of the gold spans it overlaps enough, in gold order
    overlaps: tuple[tuple[int, ...], ...]

    def restricted(self, label: str) -> SpanAlignment:
        """The alignment of the spans of one label only (as if aligned on their own)."""
        renumber = {old: new for new, old in enumerate(i for i, span in enumerate(self.gold) if span.label == label)}
        gold = tuple(self.gold[old] for old in renumber)
        kept = [(span, overlapped) for span, overlapped in zip(self.pred, self.overlaps) if span.label == label]
        overlaps = tuple(tuple(renumber[i] for i in overlapped if i in renumber) for _, overlapped in kept)
        return SpanAlignment(gold, tuple(span for span, _ in kept), overlaps)


def sufficient_overlap(pred: SpanKey, gold: SpanKey, min_overlap_percentage: float = 1.0) -> bool:
    """nervaluate's test: the overlap covers at least ``min_overlap_percentage`` % of the gold span."""
    covered = min(pred.end, gold.end) - max(pred.start, gold.start)
    if covered <= 0:
        return False
    return (covered / (gold.end - gold.start)) * 100.0 >= min_overlap_percentage


def align_spans(gold: Sequence[SpanKey], pred: Sequence[SpanKey], min_overlap_percentage: float = 1.0) -> SpanAlignment:
    """Sort both sides and find the overlaps once, for all strategies (nested gold spans allowed)."""
    gold_sorted = tuple(sorted(gold))
    pred_sorted = tuple(sorted(pred))
    starts = [span.start for span in gold_sorted]
    longest = max((span.end - span.start for span in gold_sorted), default=0)
    overlaps = []
    for span in pred_sorted:
        low = bisect_right(starts, span.start - longest)
        high = bisect_left(starts, span.end)
        overlaps.append(
            tuple(
                index
                for index in range(low, high)
                if sufficient_overlap(span, gold_sorted[index], min_overlap_percentage)
            )
        )
    return SpanAlignment(gold_sorted, pred_sorted, tuple(overlaps))


class MatchStrategy(ABC):
    """Counts one schema's outcomes; subclasses only judge one prediction against its candidates."""

    name: ClassVar[str]
    #: whether ``partial`` outcomes earn half credit in precision and recall
    partial_credit: ClassVar[bool] = False

    def count(self, alignment: SpanAlignment) -> MatchCounts:
        tally = dict.fromkeys(COUNTERS, 0)
        used: set[int] = set()
        gold = alignment.gold
        for pred, overlapped in zip(alignment.pred, alignment.overlaps):
            candidates = [(index, gold[index]) for index in overlapped if index not in used]
            if not candidates:
                tally["spurious"] += 1
                continue
            outcome, gold_index = self.judge(pred, candidates)
            tally[outcome] += 1
            if gold_index is not None:
                used.add(gold_index)
        tally["missed"] = len(gold) - len(used)
        return MatchCounts(**tally)

    @abstractmethod
    def judge(self, pred: SpanKey, candidates: Candidates) -> Judgement:
        """The outcome of ``pred`` given the unmatched gold spans it overlaps (in gold order)."""


def _first_overlap(candidates: Candidates, outcome: str) -> Judgement:
    return (outcome, candidates[0][0]) if candidates else ("spurious", None)


class StrictMatch(MatchStrategy):
    name = "strict"

    def judge(self, pred: SpanKey, candidates: Candidates) -> Judgement:
        for index, gold in candidates:
            if gold == pred:
                return ("correct", index)
        return _first_overlap(candidates, "incorrect")


class ExactMatch(MatchStrategy):
    name = "exact"

    def judge(self, pred: SpanKey, candidates: Candidates) -> Judgement:
        for index, gold in candidates:
            if gold.offsets == pred.offsets:
                return ("correct", index)
        return _first_overlap(candidates, "incorrect")


class PartialMatch(MatchStrategy):
    name = "partial"
    partial_credit = True

    def judge(self, pred: SpanKey, candidates: Candidates) -> Judgement:
        for index, gold in candidates:
            if gold.offsets == pred.offsets:
                return ("correct", index)
        return _first_overlap(candidates, "partial")


class EntTypeMatch(MatchStrategy):
    name = "ent_type"
    partial_credit = True

    def judge(self, pred: SpanKey, candidates: Candidates) -> Judgement:
        same_label = [(index, gold) for index, gold in candidates if gold.label == pred.label]
        if same_label:
            index, _ = min(same_label, key=lambda item: _boundary_distance(pred, item[1]))
            return ("correct", index)
        return _first_overlap(candidates, "incorrect")


def _boundary_distance(pred: SpanKey, gold: SpanKey) -> int:
    return abs(pred.start - gold.start) + abs(pred.end - gold.end)


STRATEGIES: tuple[MatchStrategy, ...] = (StrictMatch(), ExactMatch(), PartialMatch(), EntTypeMatch())
SCHEMAS: tuple[str, ...] = tuple(strategy.name for strategy in STRATEGIES)
