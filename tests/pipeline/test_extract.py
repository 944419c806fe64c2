import json

import pytest

from pipeline.errors import VnieError
from pipeline.extract import BatchPaths, extract_batch
from pipeline.validation import validate_file


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(7):
        (folder / f"doc{i}.txt").write_text(f"Văn bản số {i}. Xuất khẩu đạt {i},5 tỷ USD.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("\n  \n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"Xu\xe1\xba")
    return folder


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_writes_every_document_and_reports_errors(tmp_path, corpus, nlp):
    output = tmp_path / "out" / "extract.jsonl"
    summary = extract_batch([str(corpus)], output, nlp, batch_size=3)
    records = _lines(output)
    assert sorted(r["id"] for r in records) == ["doc0", "doc1", "doc2", "doc3", "doc4", "doc5", "doc6", "empty"]
    assert summary.documents == 8 and summary.empty == 1 and summary.errors == 1
    [error] = _lines(BatchPaths.for_output(output).errors)
    assert error["path"].endswith("broken.txt") and "not valid UTF-8" in error["error"]
    assert validate_file(output).violations == []
    assert not BatchPaths.partial(output).exists()


def test_a_failing_document_does_not_stop_the_batch(tmp_path, corpus, nlp):
    def fail_on_doc3(doc):
        if "số 3." in doc.text:
            raise RuntimeError("boom")
        return doc

    nlp_copy = nlp.__class__(vocab=nlp.vocab)
    nlp_copy.tokenizer = nlp.tokenizer
    nlp_copy.add_pipe("vnie_sentencizer")
    from spacy.language import Language

    Language.component("test_fail_on_doc3", func=fail_on_doc3)
    nlp_copy.add_pipe("test_fail_on_doc3")
    output = tmp_path / "out.jsonl"
    summary = extract_batch([str(corpus)], output, nlp_copy, batch_size=4)
    ids = [r["id"] for r in _lines(output)]
    assert "doc3" not in ids and len(ids) == 7
    errors = _lines(BatchPaths.for_output(output).errors)
    assert any(e["key"] == "doc3" and "RuntimeError: boom" in e["error"] for e in errors)
    assert summary.errors == 2


def test_interrupted_batch_resumes_without_loss_or_duplicates(tmp_path, corpus, nlp):
    output = tmp_path / "out.jsonl"
    reference = tmp_path / "reference.jsonl"
    extract_batch([str(corpus)], reference, nlp)
    full = reference.read_text(encoding="utf-8").splitlines()
    # a run that stopped after three documents, in the middle of writing the fourth
    partial = BatchPaths.partial(output)
    partial.write_text("\n".join(full[:3]) + "\n" + full[3][:25], encoding="utf-8")
    summary = extract_batch([str(corpus)], output, nlp)
    assert summary.resumed == 3 and summary.documents == len(full) - 3
    assert sorted(output.read_text(encoding="utf-8").splitlines()) == sorted(full)


def test_foreign_partial_file_is_refused(tmp_path, corpus, nlp):
    output = tmp_path / "out.jsonl"
    BatchPaths.partial(output).write_text("not json\n", encoding="utf-8")
    with pytest.raises(VnieError, match="is not a file of this batch's output"):
        extract_batch([str(corpus)], output, nlp)


def test_duplicate_ids_are_reported(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    record = {"id": "same", "text": "Một", "meta": {}, "spans": [], "relations": []}
    (folder / "a.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(record | {"text": "Hai"}) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    summary = extract_batch([str(folder)], output, nlp)
    assert [r["text"] for r in _lines(output)] == ["Một"]
    [error] = _lines(BatchPaths.for_output(output).errors)
    assert "occurs twice" in error["error"] and summary.errors == 1


def test_standoff_input_gives_standoff_output(tmp_path, nlp):
    from pipeline.document import text_sha256

    corpus = tmp_path / "corpus"
    (corpus / "news").mkdir(parents=True)
    (corpus / "news" / "a.txt").write_text("Kim ngạch tăng 5%.", encoding="utf-8")
    record = {"id": "news/a", "source": "news/a.txt", "text_sha256": text_sha256("Kim ngạch tăng 5%."), "meta": {}, "spans": [], "relations": []}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    extract_batch([str(gold)], output, nlp, corpus=corpus)
    [out] = _lines(output)
    assert out["source"] == "news/a.txt" and "text" not in out
    assert validate_file(output, corpus).violations == []


def test_a_document_whose_output_breaks_the_format_goes_to_the_errors_file(tmp_path, corpus, nlp):
    from spacy.language import Language

    from pipeline.extensions import SPAN_ATTRS_ATTR, SPAN_GROUP, register

    def bad_span(doc):  # a QUANTITY without its attributes cannot be written
        register()
        if "số 2." in doc.text:
            span = doc[0:1]
            span.label_ = "QUANTITY"
            doc.spans[SPAN_GROUP] = [doc.char_span(span.start_char, span.end_char, label="QUANTITY")]
            doc.spans[SPAN_GROUP][0]._.set(SPAN_ATTRS_ATTR, {})
        return doc

    Language.component("test_bad_span", func=bad_span)
    nlp_copy = nlp.__class__(vocab=nlp.vocab)
    nlp_copy.tokenizer = nlp.tokenizer
    nlp_copy.add_pipe("test_bad_span")
    output = tmp_path / "out.jsonl"
    summary = extract_batch([str(corpus)], output, nlp_copy)
    assert "doc2" not in [r["id"] for r in _lines(output)]
    [error] = [e for e in _lines(BatchPaths.for_output(output).errors) if e["key"] == "doc2"]
    assert "breaks the format" in error["error"] and "V018" in error["error"]
    assert validate_file(output).violations == []
    assert summary.errors == 2
