import json

import pytest

from pipeline.errors import VnieError
from pipeline.inputs import InputDocument, InputProblem, find_inputs, iter_documents


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text("  Tiêu đề\nNội dung hoà  bình \n", encoding="utf-8")
    (tmp_path / "news" / "sub" / "b.txt").write_text("", encoding="utf-8")
    (tmp_path / "news" / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "news" / "bad.txt").write_bytes(b"ok line\nbroken \xff\xfe here\n")
    return tmp_path


@pytest.mark.parametrize(
    "argument,ids",
    [
        ("news", ["a", "bad", "sub/b"]),
        ("news/a.txt", ["news/a"]),
        ("news/**/*.txt", ["a", "bad", "sub/b"]),
        ("news/sub/*.txt", ["b"]),
    ],
)
def test_document_ids_come_from_paths(tree, monkeypatch, argument, ids):
    monkeypatch.chdir(tree)
    assert [item.doc_id for item in find_inputs([argument])] == ids


@pytest.mark.parametrize(
    "argument,message",
    [("missing", "no such file or folder"), ("news/notes.md", "unsupported input"), ("news/*.csv", "matched no input files")],
)
def test_bad_arguments_are_refused(tree, monkeypatch, argument, message):
    monkeypatch.chdir(tree)
    with pytest.raises(VnieError, match=message):
        find_inputs([argument])


def test_text_documents_are_nfc_and_stripped_and_problems_named(tree):
    items = list(iter_documents(find_inputs([str(tree / "news")])))
    by_path = {item.path.rsplit("/", 1)[-1]: item for item in items}
    assert isinstance(by_path["a.txt"], InputDocument)
    assert by_path["a.txt"].text == "Tiêu đề\nNội dung hoà  bình"
    assert by_path["b.txt"].text == ""
    problem = by_path["bad.txt"]
    assert isinstance(problem, InputProblem)
    assert "line 2" in problem.message and "not valid UTF-8" in problem.message


def test_jsonl_documents_keep_their_ids_and_report_bad_lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    good = {"id": "x/1", "text": "Xuất khẩu tăng", "meta": {}, "spans": [], "relations": []}
    gold_spans = dict(good, id="x/2", spans=[{"id": "Q1", "start": 0, "end": 3, "label": "BAD", "text": "Xuấ", "attrs": {}}])
    path.write_text("\n".join([json.dumps(good), "{broken", json.dumps(gold_spans)]) + "\n", encoding="utf-8")
    items = list(iter_documents(find_inputs([str(path)])))
    assert [type(item).__name__ for item in items] == ["InputDocument", "InputProblem", "InputDocument"]
    assert items[0].id == "x/1" and items[0].text == "Xuất khẩu tăng"
    assert items[1].line == 2 and "V001 broken JSON" in items[1].message
    assert items[2].id == "x/2"  # the spans of an input record are never read
