"""End to end on the example gold files: gold against itself, empty and partial predictions,
unpaired predictions, the report files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evaluation.bootstrap import BootstrapSettings
from evaluation.evaluate import evaluate, write_report
from pipeline.document import Document
from pipeline.errors import VnieError
from pipeline.jsonl import write_documents
from pipeline.validation import load_documents

FAST = BootstrapSettings(resamples=200, seed=1)
SCORE_NAMES = {"p", "r", "f", "acc"}


def leaves(scores: dict[str, Any], path: str = "") -> Iterator[tuple[str, Any]]:
    for name, value in scores.items():
        if isinstance(value, dict):
            yield from leaves(value, f"{path}{name}.")
        else:
            yield f"{path}{name}", value


def is_score(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return last in SCORE_NAMES or last.rsplit("_", 1)[-1] in SCORE_NAMES


@pytest.fixture(scope="module")
def examples(shared_annotation: Path) -> dict[str, Path]:
    folder = shared_annotation / "examples"
    return {"seed": folder / "seed-000.jsonl", "tphcm": folder / "hddtvn-tphcm.jsonl"}


@pytest.fixture
def both(tmp_path: Path, examples: dict[str, Path]) -> Path:
    """One gold file with both examples (the full and the standoff record)."""
    path = tmp_path / "both.jsonl"
    path.write_text(
        examples["seed"].read_text(encoding="utf-8") + examples["tphcm"].read_text(encoding="utf-8"), encoding="utf-8"
    )
    return path


def emptied(path: Path, corpus: Path, out: Path) -> Path:
    """The documents of ``path`` with no span and no relation, in their own form."""
    documents = [
        loaded.document.model_copy(update={"spans": [], "relations": []}) for loaded in load_documents(path, corpus)
    ]
    write_documents(out, documents)
    return out


@pytest.mark.shared
@pytest.mark.parametrize("name", ["seed", "tphcm"])
def test_evaluate_gold_against_itself_is_perfect(name, examples, shared_corpus):
    evaluation = evaluate(examples[name], examples[name], corpus=shared_corpus, settings=FAST)
    scores = evaluation.system.scores
    checked = 0
    for path, value in leaves(scores):
        if path.endswith("_ci"):
            assert value == [1.0, 1.0], path
        elif is_score(path):
            assert value == 1.0, path
            checked += 1
    assert checked > 40
    assert evaluation.system.errors == ()
    assert set(evaluation.system.confusion) == {"ORG", "OFFICIAL", "TITLE", "INDICATOR", "QUANTITY", "TIME", "BASIS"}


@pytest.mark.shared
@pytest.mark.parametrize("name", ["seed", "tphcm"])
def test_evaluate_empty_prediction_has_recall_zero(name, examples, shared_corpus, tmp_path):
    pred = emptied(examples[name], shared_corpus, tmp_path / "empty.jsonl")
    scores = evaluate(examples[name], pred, corpus=shared_corpus, settings=FAST).system.scores
    for prefix in ("facts", "relations", "spans_strict", "spans_exact", "spans_partial", "spans_ent_type"):
        assert scores[f"{prefix}_r"] == 0.0 and scores[f"{prefix}_f"] == 0.0, prefix
        assert scores[f"{prefix}_f_ci"] == [0.0, 0.0], prefix
    assert scores["attrs_matched"] == 0 and scores["attrs_value_acc"] is None


@pytest.mark.shared
def test_evaluate_empty_prediction_file_counts_every_document_as_missing(both, shared_corpus, tmp_path):
    pred = tmp_path / "nothing.jsonl"
    pred.write_text("", encoding="utf-8")
    evaluation = evaluate(both, pred, corpus=shared_corpus, settings=FAST)
    info = evaluation.system.pairing.summary()
    assert (info["gold"], info["paired"], info["missing"]) == (2, 0, 2)
    assert evaluation.system.scores["spans_strict_missed"] == 105 + 65


@pytest.mark.shared
def test_evaluate_missing_document_and_unpaired_prediction(both, examples, shared_corpus, tmp_path):
    # predictions: the seed document exactly, and a document that no gold document pairs with
    seed = load_documents(examples["seed"])[0].document
    stray = Document(id="stray/1", text="Một văn bản khác.", spans=[], relations=[])
    pred = tmp_path / "pred.jsonl"
    write_documents(pred, [seed, stray])
    evaluation = evaluate(both, pred, corpus=shared_corpus, settings=FAST)
    info = evaluation.system.pairing.summary()
    assert (info["paired"], info["missing"], info["unpaired"], info["unpaired_ids"]) == (1, 1, 1, ["stray/1"])
    scores = evaluation.system.scores
    # seed: 105 spans, 57 relations, 21 quantities, all right; TPHCM: 65, 41, 15, all missed
    assert scores["spans_strict_r"] == pytest.approx(105 / 170) and scores["spans_strict_p"] == 1.0
    assert scores["relations_r"] == pytest.approx(57 / 98)
    assert scores["facts_r"] == pytest.approx(21 / 36)
    assert scores["facts_f"] == pytest.approx(2 * (21 / 36) / (1 + 21 / 36))
    assert scores["attrs_matched"] == 21 and scores["attrs_unit_acc"] == 1.0


@pytest.mark.shared
def test_evaluate_pairs_by_text_hash(examples, tmp_path):
    seed = load_documents(examples["seed"])[0].document
    pred = tmp_path / "renamed.jsonl"
    write_documents(pred, [seed.model_copy(update={"id": "another/name"})])
    evaluation = evaluate(examples["seed"], pred, settings=FAST)
    assert evaluation.system.pairing.by_hash == ((seed.id, "another/name"),)
    assert evaluation.system.scores["facts_f"] == 1.0


@pytest.mark.shared
def test_evaluate_writes_the_three_report_files(examples, shared_corpus, tmp_path):
    pred = emptied(examples["seed"], shared_corpus, tmp_path / "empty.jsonl")
    evaluation = evaluate(examples["seed"], examples["seed"], baseline=pred, settings=FAST)
    out = tmp_path / "report"
    written = write_report(evaluation, out)
    assert [path.name for path in written] == ["report.md", "report.html", "scores.json"]
    assert sorted(path.name for path in out.iterdir()) == [
        "report.html",
        "report.md",
        "scores.json",
    ]  # no temporary left
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert data["system"]["scores"]["facts_f"] == 1.0 and data["baseline"]["scores"]["facts_r"] == 0.0
    assert data["comparison"]["facts_f"]["diff"] == 1.0
    assert data["bootstrap"] == {"resamples": 200, "seed": 1, "confidence": 0.95}
    assert data["system"]["errors"]["span"] == {} and data["baseline"]["errors"]["span"]["missed"] == 105
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Evaluation of seed-000")


def test_evaluate_report_folder_that_is_a_file(tmp_path):
    from evaluation.evaluate import Evaluation, SystemResult
    from evaluation.pairing import Pairing

    taken = tmp_path / "taken"
    taken.write_text("x", encoding="utf-8")
    evaluation = Evaluation("gold", FAST, SystemResult("s", "s", Pairing(()), {}, {}))
    with pytest.raises(VnieError, match="is an existing file"):
        write_report(evaluation, taken)


def test_evaluate_empty_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n", encoding="utf-8")
    with pytest.raises(VnieError, match="holds no documents"):
        evaluate(gold, gold)


def test_evaluate_invalid_prediction_lists_its_violations(tmp_path):
    gold = tmp_path / "gold.jsonl"
    write_documents(gold, [Document(id="d", text="Văn bản.", spans=[], relations=[])])
    pred = tmp_path / "pred.jsonl"
    bad = {"id": "x", "start": 0, "end": 3, "label": "NOPE", "text": "Văn", "attrs": {}}
    pred.write_text(
        json.dumps({"id": "d", "text": "Văn bản.", "spans": [bad]}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    with pytest.raises(VnieError, match="V013 unknown span label 'NOPE'"):
        evaluate(gold, pred)
