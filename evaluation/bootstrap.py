"""Confidence intervals by resampling documents, and the paired comparison of two systems.

The per-document counters of every score are computed once into a :class:`CountTable` (documents
by counters). A bootstrap resample draws as many documents as the gold has, with replacement, as a
vector of how often each document was drawn; the resample's counters are that vector times the
table, so that every resample costs one matrix product and every score is recomputed from resampled
counters by the same formulas as the point estimate. Comparing two systems on the same gold uses
the same drawn documents for both (paired bootstrap). Intervals are percentile intervals;
resamples in which a score is undefined (e.g. no span of a label drawn) are left out of its interval.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from pipeline.errors import Errors, VnieError

#: cells of the weight matrix drawn at once (bounds memory for large gold sets)
_CHUNK_CELLS = 2_000_000


@dataclass(frozen=True)
class BootstrapSettings:
    resamples: int = 1000
    seed: int = 0
    confidence: float = 0.95

    def __post_init__(self) -> None:
        if self.resamples < 0:
            raise VnieError(Errors.E104.format(value=self.resamples))
        if not 0.0 < self.confidence < 1.0:
            raise VnieError(Errors.E105.format(value=self.confidence))


@dataclass(frozen=True)
class CountTable:
    """Per-document counters: one row per gold document, one column per counter key."""

    keys: tuple[str, ...]
    matrix: np.ndarray

    @classmethod
    def from_rows(cls, rows: Sequence[Mapping[str, int]]) -> CountTable:
        keys = tuple(sorted({key for row in rows for key in row}))
        column = {key: index for index, key in enumerate(keys)}
        matrix = np.zeros((len(rows), len(keys)))
        for row_index, row in enumerate(rows):
            for key, value in row.items():
                matrix[row_index, column[key]] = value
        return cls(keys, matrix)

    @property
    def documents(self) -> int:
        return self.matrix.shape[0]

    def totals(self) -> dict[str, float]:
        return dict(zip(self.keys, self.matrix.sum(axis=0).tolist()))


def resample_weights(documents: int, settings: BootstrapSettings) -> Iterator[np.ndarray]:
    """Chunks of the ``(resamples, documents)`` matrix of how often each document is drawn."""
    rng = np.random.default_rng(settings.seed)
    chunk = max(1, _CHUNK_CELLS // max(documents, 1))
    done = 0
    while done < settings.resamples:
        size = min(chunk, settings.resamples - done)
        drawn = rng.integers(0, documents, size=(size, documents))
        flat = (drawn + documents * np.arange(size)[:, None]).ravel()
        yield np.bincount(flat, minlength=size * documents).reshape(size, documents).astype(float)
        done += size


def resampled_totals(tables: Sequence[CountTable], settings: BootstrapSettings) -> list[dict[str, np.ndarray]]:
    """For each table (same documents), every counter summed over each resample: ``{key: (resamples,)}``."""
    documents = {table.documents for table in tables}
    if len(documents) != 1:
        raise ValueError("paired tables must have the same documents")
    sums: list[list[np.ndarray]] = [[] for _ in tables]
    for weights in resample_weights(documents.pop(), settings):
        for index, table in enumerate(tables):
            sums[index].append(weights @ table.matrix)
    stacked = [np.vstack(parts) if parts else np.zeros((0, len(table.keys))) for parts, table in zip(sums, tables)]
    return [dict(zip(table.keys, matrix.T)) for table, matrix in zip(tables, stacked)]


def is_interval_score(key: str) -> bool:
    """The scores that get an interval: every F1 and every accuracy."""
    return key == "f" or key.endswith("_f") or key.endswith("_acc")


def interval(values: np.ndarray, confidence: float) -> list[float | None]:
    """The percentile interval of ``values`` (NaN left out); ``[None, None]`` if none is defined."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if values.size == 0:
        return [None, None]
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return [float(low), float(high)]


def interval_scores(scores: Mapping[str, Any]) -> Iterator[tuple[tuple[str, ...], Any]]:
    """``(path, value)`` of every F1 and accuracy in a (nested) score dict."""
    for key, value in scores.items():
        if isinstance(value, Mapping):
            for path, leaf in interval_scores(value):
                yield (key, *path), leaf
        elif is_interval_score(key):
            yield (key,), value


def lookup(scores: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        scores = scores[key]
    return scores


def add_intervals(point: Mapping[str, Any], replicates: Mapping[str, Any], confidence: float) -> dict[str, Any]:
    """``point`` with ``<key>_ci`` right after every F1 and accuracy, from the replicated scores."""
    scores: dict[str, Any] = {}
    for key, value in point.items():
        if isinstance(value, Mapping):
            scores[key] = add_intervals(value, replicates[key], confidence)
            continue
        scores[key] = value
        if is_interval_score(key):
            scores[f"{key}_ci"] = interval(replicates[key], confidence)
    return scores


def paired_comparison(
    system: Mapping[str, Any],
    baseline: Mapping[str, Any],
    system_replicates: Mapping[str, Any] | None,
    baseline_replicates: Mapping[str, Any] | None,
    confidence: float,
) -> dict[str, dict[str, Any]]:
    """For every F1 and accuracy that both systems have: both values, the difference and its interval.

    Keys are dotted paths (``spans_strict_per_type.ORG.f``); ``diff`` is system minus baseline.
    """
    comparison: dict[str, dict[str, Any]] = {}
    for path, value in interval_scores(system):
        try:
            other = lookup(baseline, path)
        except KeyError:
            continue
        entry: dict[str, Any] = {"system": value, "baseline": other, "diff": _difference(value, other)}
        if system_replicates is not None and baseline_replicates is not None:
            diffs = np.asarray(lookup(system_replicates, path)) - np.asarray(lookup(baseline_replicates, path))
            entry["diff_ci"] = interval(diffs, confidence)
        comparison[".".join(path)] = entry
    return comparison


def _difference(value: float | None, other: float | None) -> float | None:
    return None if value is None or other is None else value - other


def replicate_scores(
    totals: Mapping[str, np.ndarray], score: Callable[[Mapping[str, Any]], dict[str, Any]]
) -> dict[str, Any]:
    """``score`` applied to resampled counters (arrays), with numpy's empty-slice warnings silenced."""
    with warnings.catch_warnings(), np.errstate(invalid="ignore", divide="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return score(totals)
