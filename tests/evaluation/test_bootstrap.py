"""Bootstrap intervals by resampling documents, and the paired comparison of two systems."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from evaluation_helpers import document, loaded, pairs, span

from evaluation import bootstrap
from evaluation.bootstrap import BootstrapSettings, CountTable, interval, resample_weights
from evaluation.evaluate import evaluate_documents
from evaluation.metrics import to_python
from evaluation.scorer import document_counts, score_documents, scores_from_totals
from pipeline.errors import VnieError

# document A: one ORG; document B: one TIME
GOLD_A = document([span("G1", "UBND tỉnh Thanh Hóa", "ORG")], doc_id="A")
GOLD_B = document([span("T1", "năm 2024", "TIME")], doc_id="B")
WRONG_B = document([span("T1", "2024", "TIME", {"period": "2024"}), span("X", "Thanh Hóa", "ORG")], doc_id="B")
RIGHT_B = GOLD_B


def run(pred_docs, baseline_docs=None, resamples=1000, seed=0):
    systems = [(Path("system.jsonl"), [loaded(d) for d in pred_docs])]
    if baseline_docs is not None:
        systems.append((Path("baseline.jsonl"), [loaded(d) for d in baseline_docs]))
    settings = BootstrapSettings(resamples=resamples, seed=seed)
    return evaluate_documents([loaded(GOLD_A), loaded(GOLD_B)], systems, settings=settings)


def test_bootstrap_weights_draw_every_resample_with_replacement():
    chunks = list(resample_weights(7, BootstrapSettings(resamples=50, seed=3)))
    weights = np.vstack(chunks)
    assert weights.shape == (50, 7)
    assert (weights.sum(axis=1) == 7).all() and (weights >= 0).all()


def test_bootstrap_weights_in_chunks(monkeypatch):
    monkeypatch.setattr(bootstrap, "_CHUNK_CELLS", 30)  # 10 documents: 3 resamples a chunk
    chunks = list(resample_weights(10, BootstrapSettings(resamples=8, seed=1)))
    assert [chunk.shape[0] for chunk in chunks] == [3, 3, 2]


@pytest.mark.parametrize("seed_a, seed_b, same", [(0, 0, True), (5, 5, True), (0, 1, False)])
def test_bootstrap_is_reproducible_by_seed(seed_a, seed_b, same):
    first = np.vstack(list(resample_weights(20, BootstrapSettings(resamples=30, seed=seed_a))))
    second = np.vstack(list(resample_weights(20, BootstrapSettings(resamples=30, seed=seed_b))))
    assert np.array_equal(first, second) is same


def test_bootstrap_two_documents_interval():
    # A right (strict: 1 correct); B: "2024" for "năm 2024" (incorrect) and a spurious ORG.
    # Pooled: correct 1, incorrect 1, spurious 1 -> P 1/3, R 1/2, F1 0.4.
    # Resamples: AA -> F1 1 (probability 1/4), AB -> 0.4 (1/2), BB -> 0 (1/4): the 95% interval is [0, 1].
    evaluation = run([GOLD_A, WRONG_B])
    scores = evaluation.system.scores
    assert scores["spans_strict_p"] == pytest.approx(1 / 3) and scores["spans_strict_r"] == pytest.approx(1 / 2)
    assert scores["spans_strict_f"] == pytest.approx(0.4)
    assert scores["spans_strict_f_ci"] == [0.0, 1.0]


def test_bootstrap_leaves_out_resamples_where_a_score_is_undefined():
    # ORG only in A, right; TIME only in B, cut short. A resample of B alone has no ORG at all
    # (left out of ORG's interval, not counted as 0), and one of A alone no TIME.
    cut_b = document([span("T1", "2024", "TIME", {"period": "2024"})], doc_id="B")
    per_type = run([GOLD_A, cut_b]).system.scores["spans_strict_per_type"]
    assert per_type["ORG"]["f_ci"] == [1.0, 1.0]
    assert per_type["TIME"]["f_ci"] == [0.0, 0.0]


def test_bootstrap_identical_systems_differ_by_exactly_zero():
    evaluation = run([GOLD_A, WRONG_B], baseline_docs=[GOLD_A, WRONG_B])
    entry = evaluation.comparison["spans_strict_f"]
    assert entry["diff"] == 0.0 and entry["diff_ci"] == [0.0, 0.0]


def test_bootstrap_paired_difference():
    # system right everywhere; baseline wrong on B. Differences of F1 per resample:
    # AA 1 - 1 = 0, AB 1 - 0.4 = 0.6, BB 1 - 0 = 1; point 1 - 0.4 = 0.6
    evaluation = run([GOLD_A, RIGHT_B], baseline_docs=[GOLD_A, WRONG_B])
    entry = evaluation.comparison["spans_strict_f"]
    assert (entry["system"], entry["baseline"]) == pytest.approx((1.0, 0.4))
    assert entry["diff"] == pytest.approx(0.6)
    assert entry["diff_ci"] == pytest.approx([0.0, 1.0])
    assert evaluation.comparison["facts_f"]["diff"] is None  # no quantity anywhere: undefined


def test_bootstrap_disabled_gives_no_intervals():
    scores = run([GOLD_A, WRONG_B], resamples=0).system.scores
    assert not any(name.endswith("_ci") for name in scores)


@pytest.mark.parametrize(
    "resamples, confidence, code",
    [(-1, 0.95, "must be 0 or more"), (10, 1.0, "strictly between"), (10, 0.0, "strictly between")],
)
def test_bootstrap_settings_are_checked(resamples, confidence, code):
    with pytest.raises(VnieError, match=code):
        BootstrapSettings(resamples=resamples, confidence=confidence)


def test_bootstrap_count_table_gives_the_scorer_s_numbers():
    paired = pairs([GOLD_A, GOLD_B], [GOLD_A, WRONG_B])
    table = CountTable.from_rows([document_counts(pair) for pair in paired])
    assert to_python(scores_from_totals(table.totals())) == score_documents(paired)


@pytest.mark.parametrize(
    "values, expected",
    [
        ([np.nan, np.nan], [None, None]),
        ([0.5], [0.5, 0.5]),
        ([np.nan, 1.0, 1.0], [1.0, 1.0]),
        (list(np.linspace(0, 1, 1001)), [0.025, 0.975]),
    ],
)
def test_bootstrap_interval(values, expected):
    assert interval(np.array(values), 0.95) == pytest.approx(expected)
