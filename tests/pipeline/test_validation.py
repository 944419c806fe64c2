"""The validator rejects each kind of bad file with the right rule and location."""

import copy
import json

import pytest

from pipeline.document import text_sha256
from pipeline.errors import VnieError
from pipeline.validation import load_documents, validate_file

TEXT = "Xuất khẩu ước đạt 6,293 tỷ USD, tăng 5% so với cùng kỳ năm 2024. Ông Lê Văn A, Giám đốc Sở Công Thương."


def _span(span_id, label, piece, attrs=None, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    return {"id": span_id, "start": start, "end": start + len(piece), "label": label, "text": piece, "attrs": attrs or {}}


def _quantity(span_id, piece, **overrides):
    attrs = {"value": 6293000000.0, "value_max": None, "unit": "USD", "kind": "level", "bound": None,
             "period": "2024", "basis": None, "status": "estimate"}
    attrs.update(overrides)
    return _span(span_id, "QUANTITY", piece, attrs)


def base_document():
    return {
        "id": "test/doc-1",
        "text": TEXT,
        "meta": {},
        "spans": [
            _span("I1", "INDICATOR", "Xuất khẩu"),
            _quantity("Q1", "6,293 tỷ USD"),
            _quantity("Q2", "5%", value=5.0, unit="%", kind="change", basis="same_period_last_year", status="actual"),
            _span("B1", "BASIS", "so với cùng kỳ năm 2024", {"basis": "same_period_last_year"}),
            _span("P1", "OFFICIAL", "Lê Văn A"),
            _span("R1", "TITLE", "Giám đốc"),
            _span("O1", "ORG", "Sở Công Thương"),
        ],
        "relations": [
            {"head": "Q1", "tail": "I1", "label": "indicator"},
            {"head": "Q2", "tail": "I1", "label": "indicator"},
            {"head": "Q2", "tail": "B1", "label": "basis"},
            {"head": "P1", "tail": "R1", "label": "title"},
            {"head": "P1", "tail": "O1", "label": "org"},
        ],
    }


def _write(tmp_path, lines, name="gold.jsonl"):
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _mutated(change):
    document = base_document()
    change(document)
    return json.dumps(document, ensure_ascii=False)


def _span_of(document, span_id):
    return next(span for span in document["spans"] if span["id"] == span_id)


def test_valid_document_passes(tmp_path):
    report = validate_file(_write(tmp_path, [json.dumps(base_document(), ensure_ascii=False)]))
    assert report.violations == []
    assert len(report.documents) == 1
    assert report.span_counts()["QUANTITY"] == 2
    assert report.relation_counts()["indicator"] == 2


CASES = [
    ("broken-json", lambda d: None, "V001 broken JSON", None),
    ("array-line", lambda d: None, "V002", None),
    ("unknown-field", lambda d: d.update(relation=[]), "V003 schema: [relation]", None),
    ("start-not-int", lambda d: _span_of(d, "I1").update(start="0"), "V003 schema: [spans -> 0 -> start]", None),
    ("text-and-source", lambda d: d.update(source="x.txt", text_sha256="0" * 64), "V004", None),
    ("no-text", lambda d: d.pop("text"), "V004", None),
    ("not-nfc", lambda d: d.update(text="Hoa\u0300"), "V005 text is not in Unicode NFC", None),
    ("not-stripped", lambda d: d.update(text=TEXT + " "), "V006", None),
    ("duplicate-span-id", lambda d: _span_of(d, "R1").update(id="P1"), "V012 span id 'P1' is used twice", "span P1"),
    ("bad-label", lambda d: _span_of(d, "O1").update(label="LOC"), "V013 unknown span label 'LOC'", "span O1"),
    ("offsets-outside", lambda d: _span_of(d, "O1").update(end=10_000), "V014 offsets", "span O1"),
    ("span-text", lambda d: _span_of(d, "O1").update(text="Sở Công thương"), "V015 span text 'Sở Công thương'", "span O1"),
    ("edge-punctuation", lambda d: _span_of(d, "O1").update(end=_span_of(d, "O1")["end"] + 1, text="Sở Công Thương."),
     "V016 span 'Sở Công Thương.' ends with whitespace or punctuation", "span O1"),
    ("inside-word", lambda d: _span_of(d, "O1").update(start=_span_of(d, "O1")["start"] + 1, text="ở Công Thương"),
     "V016 span 'ở Công Thương' starts inside a word", "span O1"),
    ("overlap", lambda d: d["spans"].append(_span("O2", "ORG", "Công Thương")), "V017 overlaps span 'O1'", "span O2"),
    ("quantity-attr-missing", lambda d: _span_of(d, "Q1")["attrs"].pop("status"), "V018 QUANTITY attrs must be exactly", "span Q1"),
    ("org-attrs", lambda d: _span_of(d, "O1").update(attrs={"x": 1}), "V018 ORG attrs must be exactly []", "span O1"),
    ("bad-kind", lambda d: _span_of(d, "Q1")["attrs"].update(kind="amount"), "V019 attribute kind has invalid value 'amount'", "span Q1"),
    ("bad-bound", lambda d: _span_of(d, "Q1")["attrs"].update(bound="about"), "V019 attribute bound", "span Q1"),
    ("bad-status", lambda d: _span_of(d, "Q1")["attrs"].update(status="plan"), "V019 attribute status", "span Q1"),
    ("bad-period", lambda d: _span_of(d, "Q1")["attrs"].update(period="2024-13"), "V019 attribute period has invalid value '2024-13'", "span Q1"),
    ("bad-basis", lambda d: _span_of(d, "B1")["attrs"].update(basis="last_year"), "V019 attribute basis has invalid value 'last_year'", "span B1"),
    ("value-string", lambda d: _span_of(d, "Q1")["attrs"].update(value="6,293"), "V019 attribute value has invalid value '6,293'", "span Q1"),
    ("value-bool", lambda d: _span_of(d, "Q1")["attrs"].update(value=True), "V019 attribute value", "span Q1"),
    ("empty-unit", lambda d: _span_of(d, "Q1")["attrs"].update(unit=""), "V019 attribute unit", "span Q1"),
    ("value-order", lambda d: _span_of(d, "Q2")["attrs"].update(value=10.0, value_max=9.0), "V020 value 10.0 is greater than value_max 9.0", "span Q2"),
    ("relation-label", lambda d: d["relations"].append({"head": "Q1", "tail": "I1", "label": "measures"}), "V021", "relation Q1 -measures-> I1"),
    ("relation-arg", lambda d: d["relations"].append({"head": "Q9", "tail": "I1", "label": "indicator"}), "V022", "relation Q9 -indicator-> I1"),
    ("relation-types", lambda d: d["relations"].append({"head": "Q1", "tail": "O1", "label": "time"}), "V023 relation Q1 -time-> O1: time goes QUANTITY -> TIME, found QUANTITY -> ORG", None),
    ("repeated-relation", lambda d: d["relations"].append({"head": "P1", "tail": "R1", "label": "title"}), "V025 relation P1 -title-> R1 is given twice", None),
    ("blank-id", lambda d: d.update(id=" "), "V026", None),
]


@pytest.mark.parametrize("name,change,message,where", CASES, ids=[case[0] for case in CASES])
def test_validator_rejects(tmp_path, name, change, message, where):
    if name == "broken-json":
        line = json.dumps(base_document())[:-5]
    elif name == "array-line":
        line = "[1, 2]"
    else:
        line = _mutated(change)
    valid = json.dumps(base_document() | {"id": "test/valid"}, ensure_ascii=False)
    path = _write(tmp_path, [valid, line])
    report = validate_file(path)
    messages = [str(v) for v in report.violations]
    assert any(message in m for m in messages), messages
    assert all(m.startswith(f"{path}:2: ") for m in messages), messages
    if where is not None:
        assert any(f": {where}: " in m for m in messages), messages
    assert [d.document.id for d in report.documents] == ["test/valid"]


def test_second_indicator_relation_of_a_quantity(tmp_path):
    document = base_document()
    document["spans"].append(_span("I2", "INDICATOR", "Giám đốc"))
    document["spans"] = [s for s in document["spans"] if s["id"] != "R1"]
    document["relations"] = [r for r in document["relations"] if r["label"] != "title"]
    document["relations"].append({"head": "Q1", "tail": "I2", "label": "indicator"})
    report = validate_file(_write(tmp_path, [json.dumps(document, ensure_ascii=False)]))
    assert [v.message for v in report.violations] == [
        "V024 relation Q1 -indicator-> I2: 'Q1' has a second indicator relation"
    ]


def test_duplicate_document_id(tmp_path):
    line = json.dumps(base_document(), ensure_ascii=False)
    report = validate_file(_write(tmp_path, [line, "", line]))
    assert [str(v) for v in report.violations] == [
        f"{tmp_path / 'gold.jsonl'}:3: doc test/doc-1: V011 document id 'test/doc-1' already used on line 1"
    ]


def test_every_violation_is_reported(tmp_path):
    document = base_document()
    _span_of(document, "O1")["label"] = "LOC"
    _span_of(document, "Q1")["attrs"]["kind"] = "amount"
    document["relations"].append({"head": "Q9", "tail": "I1", "label": "indicator"})
    report = validate_file(_write(tmp_path, [json.dumps(document, ensure_ascii=False)]))
    codes = sorted(v.message[:4] for v in report.violations)
    # the org relation of P1 now points to a LOC span: V023 as well
    assert codes == ["V013", "V019", "V022", "V023"]


def test_undecodable_bytes_name_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(json.dumps(base_document()).encode() + b"\n{\"id\": \"x\xff\"}\n")
    with pytest.raises(VnieError, match=r"bad.jsonl: line 2: bytes .* not valid UTF-8"):
        validate_file(path)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus" / "news"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("  " + TEXT + "\n", encoding="utf-8")
    return tmp_path / "corpus"


def _standoff(**overrides):
    document = base_document()
    document.pop("text")
    document.update(source="news/a.txt", text_sha256=text_sha256(TEXT))
    document.update(overrides)
    return json.dumps(document, ensure_ascii=False)


def test_standoff_record_loads_its_text(tmp_path, corpus):
    [loaded] = load_documents(_write(tmp_path, [_standoff()]), corpus)
    assert loaded.text == TEXT
    assert loaded.document.is_standoff


@pytest.mark.parametrize(
    "overrides,use_corpus,message",
    [
        ({}, False, "V007 standoff record 'news/a.txt' needs a corpus folder"),
        ({"source": "news/missing.txt"}, True, "V008 source file 'news/missing.txt' is missing"),
        ({"text_sha256": "0" * 64}, True, "V009 text_sha256 0000"),
        ({"text_sha256": None}, True, "V004"),
    ],
)
def test_standoff_rules(tmp_path, corpus, overrides, use_corpus, message):
    report = validate_file(_write(tmp_path, [_standoff(**overrides)]), corpus if use_corpus else None)
    assert any(message in str(v) for v in report.violations), [str(v) for v in report.violations]
    assert report.documents == []


def test_load_documents_raises_with_every_violation(tmp_path):
    bad = _mutated(lambda d: _span_of(d, "O1").update(label="LOC"))
    with pytest.raises(VnieError, match="V013 unknown span label 'LOC'"):
        load_documents(_write(tmp_path, [bad]))


def test_shared_examples_are_valid(shared_annotation, shared_corpus):
    for path in sorted((shared_annotation / "examples").glob("*.jsonl")):
        report = validate_file(path, shared_corpus)
        assert report.violations == [], path
        assert len(report.documents) == 1


def test_attribute_counts(tmp_path):
    report = validate_file(_write(tmp_path, [json.dumps(base_document(), ensure_ascii=False)]))
    counts = report.attribute_counts()
    assert counts[("kind", "level")] == 1 and counts[("kind", "change")] == 1
    assert counts[("basis", "same_period_last_year")] == 1 and counts[("basis", "None")] == 1
    assert counts[("status", "estimate")] == 1 and counts[("period", "year")] == 2


def test_gold_rules_need_linked_indicators_bases_and_titles(tmp_path):
    document = base_document()
    document["relations"] = [r for r in document["relations"] if r["label"] not in ("basis", "title")]
    path = _write(tmp_path, [json.dumps(document, ensure_ascii=False)])
    assert validate_file(path).violations == []  # predictions may hold unlinked spans
    messages = sorted(str(v).split(": ", 2)[2] for v in validate_file(path, gold=True).violations)
    assert messages == [
        "span B1: V027 gold BASIS with no basis relation reaching it (GUIDELINES: only linked mentions)",
        "span R1: V027 gold TITLE with no title relation reaching it (GUIDELINES: only linked mentions)",
    ]


@pytest.mark.parametrize(
    "attr,value,message",
    [
        ("period", "2024-10/2024-12", "V028 gold period '2024-10/2024-12' of period is not in the shortest form (GUIDELINES: write '2024-Q4')"),
        ("period", "2024-01/2024-06", "V028 gold period '2024-01/2024-06' of period is not in the shortest form (GUIDELINES: write '2024-H1')"),
        ("basis", "period:2023-01/2023-12", "V028 gold period '2023-01/2023-12' of basis is not in the shortest form (GUIDELINES: write '2023')"),
        ("period", "2024-01/2024-08", None),
        ("period", "2023-11/2024-01", None),
    ],
)
def test_gold_periods_in_the_shortest_form(tmp_path, attr, value, message):
    document = base_document()
    _span_of(document, "Q2")["attrs"][attr] = value
    path = _write(tmp_path, [json.dumps(document, ensure_ascii=False)])
    assert validate_file(path).violations == []  # predictions are not held to it
    messages = [str(v).split(": ", 2)[2] for v in validate_file(path, gold=True).violations]
    assert messages == ([f"span Q2: {message}"] if message else [])
