import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def test_validate_exit_codes(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a", "text": "Tăng 5%", "meta": {}, "spans": [], "relations": []}) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "spans": [{"id": "Q1"}]}\n', encoding="utf-8")
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0
    result = runner.invoke(app, ["validate", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:1: doc a: V003 schema" in result.output


def test_extract_writes_output_and_summary(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Xuất khẩu đạt 6,293 tỷ USD.", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(output), "--segmenter", "pyvi"])
    assert result.exit_code == 0, result.output
    assert "documents written" in result.output
    [record] = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "a"


def test_extract_refuses_missing_input(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


@pytest.mark.shared
def test_validate_shared_examples(shared_annotation, shared_corpus):
    files = sorted(str(p) for p in (shared_annotation / "examples").glob("*.jsonl"))
    result = runner.invoke(app, ["validate", *files, "--corpus", str(shared_corpus)])
    assert result.exit_code == 0, result.output
