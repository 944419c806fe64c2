"""``vnie evaluate`` and ``vnie baseline`` through a throwaway Typer app, as the main app registers them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from evaluation_helpers import TEXT, document, quantity_attrs, relation, span
from typer.testing import CliRunner

from evaluation import peer
from evaluation.cli import baseline_command, evaluate_command
from pipeline.jsonl import write_documents
from pipeline.validation import validate_file

app = typer.Typer()
app.command("evaluate")(evaluate_command)
app.command("baseline")(baseline_command)
runner = CliRunner()

GOLD = document(
    [
        span("O1", "Mai Xuân Liêm", "OFFICIAL"),
        span("G1", "UBND tỉnh Thanh Hóa", "ORG"),
        span("Q1", "6,293 tỷ USD", "QUANTITY"),
        span("I1", "tổng giá trị xuất khẩu", "INDICATOR"),
    ],
    [relation("O1", "org", "G1"), relation("Q1", "indicator", "I1")],
)
HALF = document(
    [span("a", "Mai Xuân Liêm", "OFFICIAL"), span("b", "6,293 tỷ USD", "QUANTITY", quantity_attrs(unit="VND"))]
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {name: tmp_path / f"{name}.jsonl" for name in ("gold", "half")}
    write_documents(paths["gold"], [GOLD])
    write_documents(paths["half"], [HALF])
    return paths


def invoke(*args: str):
    return runner.invoke(app, [str(arg) for arg in args])


def plain(output: str) -> str:
    """The output without the boxes that typer draws around usage errors, on one line."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


def test_evaluate_cli_prints_the_markdown_summary(files):
    result = invoke("evaluate", files["gold"], files["half"], "--bootstrap", "50")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Evaluation of half\n")
    # spans: 1 of 4 right, the QUANTITY right but not its unit: facts 0 of 1
    assert "| half | 0.000 | 0.000 | 0.000 | [0.000, 0.000] | 0 | 1 | 1 |" in result.stdout
    assert "50 bootstrap resamples" in result.stdout


def test_evaluate_cli_writes_the_report_folder(files, tmp_path):
    out = tmp_path / "report"
    result = invoke("evaluate", files["gold"], files["gold"], "--out", out, "--baseline", files["half"], "--seed", "7")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Fact F1 1.000; wrote ")
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert data["bootstrap"] == {"resamples": 1000, "seed": 7, "confidence": 0.95}
    # half: 2 of the 4 spans strictly right, nothing spurious -> F1 2 * 1 * 0.5 / 1.5 = 2/3
    assert data["comparison"]["spans_strict_f"]["diff"] == pytest.approx(1.0 - 2 / 3)
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_evaluate_cli_without_bootstrap(files):
    result = invoke("evaluate", files["gold"], files["half"], "--bootstrap", "0")
    assert result.exit_code == 0 and "No confidence intervals (bootstrap disabled)." in result.stdout


@pytest.mark.parametrize(
    "arguments, code, message",
    [
        (["--bootstrap", "-1"], 2, "Invalid value for '--bootstrap'"),
        (["--corpus", "/no/such/folder"], 2, "does not exist"),
    ],
)
def test_evaluate_cli_checks_its_options(files, arguments, code, message):
    result = invoke("evaluate", files["gold"], files["half"], *arguments)
    assert result.exit_code == code
    assert message in plain(result.output)


def test_evaluate_cli_missing_gold_file(files, tmp_path):
    result = invoke("evaluate", tmp_path / "nope.jsonl", files["half"])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_evaluate_cli_out_must_be_a_folder(files):
    result = invoke("evaluate", files["gold"], files["half"], "--out", files["half"])
    assert result.exit_code == 2 and "is a file, not a folder" in plain(result.output)


def test_evaluate_cli_invalid_prediction_is_a_clean_error(files, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "d1", "text": "x"}\n{not json\n', encoding="utf-8")
    result = invoke("evaluate", files["gold"], broken)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {broken}: invalid documents:")
    assert f"{broken}:2: V001 broken JSON" in result.stderr
    assert "Traceback" not in result.output


def test_evaluate_cli_prediction_with_another_text(files, tmp_path):
    other = tmp_path / "other.jsonl"
    write_documents(other, [document(doc_id="d1", text=TEXT + " Thêm.")])
    result = invoke("evaluate", files["gold"], other)
    assert result.exit_code == 1 and "has the id of a gold document but another text" in result.stderr


@pytest.mark.shared
def test_evaluate_cli_standoff_gold_needs_the_corpus(shared_annotation, shared_corpus):
    gold = shared_annotation / "examples" / "hddtvn-tphcm.jsonl"
    without = invoke("evaluate", gold, gold, "--bootstrap", "10")
    assert without.exit_code == 1 and "V007" in without.stderr and "--corpus" in without.stderr
    with_corpus = invoke("evaluate", gold, gold, "--bootstrap", "10", "--corpus", shared_corpus)
    assert with_corpus.exit_code == 0 and "| hddtvn-tphcm | 1.000 | 1.000 | 1.000 |" in with_corpus.stdout


def fake_ner(sentence: str):
    """Tags "UBND tỉnh Thanh Hóa" as ORG and "Mai Xuân Liêm" as PER, word by word."""
    words = sentence.replace(",", " ,").replace(".", " .").split()
    tags = []
    for index, word in enumerate(words):
        before = words[index - 1] if index else ""
        if word == "Mai":
            tags.append("B-PER")
        elif word in ("Xuân", "Liêm"):
            tags.append("I-PER")
        elif word == "UBND":
            tags.append("B-ORG")
        elif word in ("tỉnh", "Thanh", "Hóa") and before in ("UBND", "tỉnh", "Thanh"):
            tags.append("I-ORG")
        else:
            tags.append("O")
    return [(word, "X", "O", tag) for word, tag in zip(words, tags)]


def test_baseline_cli_writes_valid_predictions_and_evaluates_beside_them(files, tmp_path, monkeypatch):
    monkeypatch.setattr(peer, "load_ner", lambda: fake_ner)
    out = tmp_path / "underthesea.jsonl"
    result = invoke("baseline", files["gold"], "-o", out)
    assert result.exit_code == 0, result.output
    assert "Wrote 1 documents with 2 spans" in result.stderr
    assert validate_file(out).ok
    spans = json.loads(out.read_text(encoding="utf-8"))["spans"]
    assert [(s["label"], s["text"]) for s in spans] == [("OFFICIAL", "Mai Xuân Liêm"), ("ORG", "UBND tỉnh Thanh Hóa")]
    compared = invoke("evaluate", files["gold"], files["half"], "--baseline", out, "--bootstrap", "20")
    assert compared.exit_code == 0
    assert "### half against underthesea" in compared.stdout
    assert "Span labels both predict: OFFICIAL." in compared.stdout


def test_baseline_cli_reports_an_invalid_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": 3}\n', encoding="utf-8")
    result = invoke("baseline", gold, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "V003 schema" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()
