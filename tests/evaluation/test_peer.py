"""The underthesea peer baseline: alignment of its words to exact offsets, BIO decoding, output
that validates, and a run of the real tagger."""

from __future__ import annotations

import json

import pytest
from evaluation_helpers import document, loaded

from evaluation.peer import (
    align_words,
    bio_entities,
    trim_span,
    underthesea_document,
    write_underthesea_baseline,
)
from pipeline.document import text_sha256
from pipeline.errors import VnieError
from pipeline.jsonl import write_documents
from pipeline.validation import validate_file


def test_peer_align_words_within_a_sentence():
    text = "Câu một. Bộ Công Thương họp."
    start = text.index("Bộ")
    assert align_words(text, ["Bộ", "Công Thương"], start, len(text)) == [(9, 11), (12, 23)]


@pytest.mark.parametrize(
    "tags, entities",
    [
        (["B-PER", "I-PER", "O", "B-ORG"], [(0, 1, "PER"), (3, 3, "ORG")]),
        (["I-LOC", "I-LOC", "O"], [(0, 1, "LOC")]),  # an entity may open with I-
        (["B-PER", "B-PER"], [(0, 0, "PER"), (1, 1, "PER")]),
        (["B-PER", "I-ORG"], [(0, 0, "PER"), (1, 1, "ORG")]),
        (["O", "I-ORG", "I-ORG"], [(1, 2, "ORG")]),
        (["O", "O"], []),
        ([], []),
    ],
)
def test_peer_bio_entities(tags, entities):
    assert bio_entities(tags) == entities


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        (", Hòa Phát ,", 0, 12, (2, 10)),
        ("Kho bạc Nhà nước (KBNN)", 0, 23, (0, 23)),  # the closing ) of an included ( stays
        ("(EVN)", 0, 5, (1, 4)),
        ("ABCD", 1, 3, None),  # inside a word
        ("-- ,", 0, 4, None),
    ],
)
def test_peer_trim_span(text, start, end, expected):
    assert trim_span(text, start, end) == expected


TEXT = "Ông Trịnh Thị Thu Hiền, Giám đốc Tập đoàn Hoà  Phát phát biểu. Bà Lan đến."
TAGGED = {
    "Ông Trịnh Thị Thu Hiền, Giám đốc Tập đoàn Hoà  Phát phát biểu.": [
        ("Ông", "Nc", "B-NP", "O"),
        ("Trịnh Thị Thu Hiền", "Np", "B-NP", "B-PER"),
        (",", "CH", "O", "O"),
        ("Giám đốc", "N", "B-NP", "O"),
        ("Tập đoàn", "N", "B-NP", "B-ORG"),
        ("Hòa Phát", "Np", "B-NP", "I-ORG"),
        ("phát biểu", "V", "B-VP", "O"),
        (".", "CH", "O", "O"),
    ],
    "Bà Lan đến.": [
        ("Bà", "Nc", "B-NP", "O"),
        ("Lan", "Np", "B-NP", "B-LOC"),
        ("đến", "V", "B-VP", "O"),
        (".", "CH", "O", "O"),
    ],
}


class FakeNer:
    """underthesea's answers for the sentences of TEXT, as it gives them (NFC, tone moved)."""

    def __init__(self, answers=TAGGED):
        self.answers = answers
        self.seen: list[str] = []

    def __call__(self, sentence: str):
        self.seen.append(sentence)
        return self.answers[sentence]


def test_peer_document_maps_per_and_org_to_exact_offsets():
    ner = FakeNer()
    prediction = underthesea_document(loaded(document(doc_id="d", text=TEXT)), ner)
    assert ner.seen == list(TAGGED)  # one call per sentence
    found = [(s.label, s.text, TEXT[s.start : s.end]) for s in prediction.spans]
    assert found == [
        ("OFFICIAL", "Trịnh Thị Thu Hiền", "Trịnh Thị Thu Hiền"),
        ("ORG", "Tập đoàn Hoà  Phát", "Tập đoàn Hoà  Phát"),  # the text's own spelling and spacing
    ]  # LOC is not a shared label
    assert [s.id for s in prediction.spans] == ["U1", "U2"]
    assert (prediction.id, prediction.text, prediction.meta, prediction.relations) == ("d", TEXT, {}, [])


def test_peer_entity_with_an_unplaced_word_is_dropped():
    answers = {
        "Ông Nguyễn Văn A nói.": [
            ("Ông", "Nc", "B-NP", "O"),
            ("Nguyễn Văn Z", "Np", "B-NP", "B-PER"),
            ("nói", "V", "B-VP", "O"),
            (".", "CH", "O", "O"),
        ]
    }
    prediction = underthesea_document(loaded(document(text="Ông Nguyễn Văn A nói.")), FakeNer(answers))
    assert prediction.spans == []


def test_peer_tagger_failure_names_the_document():
    def broken(sentence):
        raise RuntimeError("model file missing")

    with pytest.raises(VnieError, match="ner failed on document 'd1' at offset 0: model file missing"):
        underthesea_document(loaded(document(text="Một câu.")), broken)


def test_peer_file_keeps_the_record_form_and_validates(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "news").mkdir(parents=True)
    (corpus / "news" / "a.txt").write_text("  " + TEXT + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    standoff = {
        "id": "news/a",
        "source": "news/a.txt",
        "text_sha256": text_sha256(TEXT),
        "meta": {"date": "2024-01-01"},
        "spans": [],
        "relations": [],
    }
    write_documents(gold, [document(doc_id="full", text=TEXT)])
    with open(gold, "a", encoding="utf-8") as stream:
        stream.write(json.dumps(standoff, ensure_ascii=False) + "\n")
    out = tmp_path / "underthesea.jsonl"
    write_underthesea_baseline(gold, out, corpus=corpus, ner=FakeNer())
    report = validate_file(out, corpus)
    assert report.ok, report.violations
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [sorted(r) for r in records] == [
        ["id", "meta", "relations", "spans", "text"],
        ["id", "meta", "relations", "source", "spans", "text_sha256"],  # standoff stays standoff
    ]
    assert records[1]["meta"] == {}  # gold meta is never copied
    assert [s["text"] for s in records[1]["spans"]] == ["Trịnh Thị Thu Hiền", "Tập đoàn Hoà  Phát"]


@pytest.mark.slow
def test_peer_real_underthesea_on_a_small_text(tmp_path):
    text = "Ông Mai Xuân Liêm, Phó Chủ tịch UBND tỉnh Thanh Hoá, phát biểu tại hội nghị. Tập đoàn Hoà Phát báo lãi."
    gold = tmp_path / "gold.jsonl"
    write_documents(gold, [document(doc_id="d", text=text)])
    out = tmp_path / "pred.jsonl"
    predictions = write_underthesea_baseline(gold, out)
    assert validate_file(out).ok
    spans = predictions[0].spans
    assert {s.label for s in spans} <= {"OFFICIAL", "ORG"}
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert ("OFFICIAL", "Mai Xuân Liêm") in {(s.label, s.text) for s in spans}


@pytest.mark.slow
@pytest.mark.shared
def test_peer_real_underthesea_on_the_examples_validates(shared_annotation, shared_corpus, tmp_path):
    gold = tmp_path / "gold.jsonl"
    examples = shared_annotation / "examples"
    with open(gold, "w", encoding="utf-8") as stream:
        for name in ("seed-000.jsonl", "hddtvn-tphcm.jsonl"):
            stream.write((examples / name).read_text(encoding="utf-8"))
    out = tmp_path / "underthesea.jsonl"
    predictions = write_underthesea_baseline(gold, out, corpus=shared_corpus)
    report = validate_file(out, shared_corpus)
    assert report.ok, report.violations
    assert len(predictions) == 2 and all(p.spans for p in predictions)
    assert all({s.label for s in p.spans} <= {"OFFICIAL", "ORG"} for p in predictions)
