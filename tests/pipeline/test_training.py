"""Gold → DocBin conversion for the NER: labels, outside tokens and misaligned spans."""

import pytest
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from pipeline.training import NER_LABELS, ConversionReport, gold_doc


class Pretokenized:
    """Stands in for the pipeline: ``make_doc`` splits at spaces only."""

    def __init__(self) -> None:
        self.vocab = Vocab()

    def make_doc(self, text: str) -> Doc:
        words = text.split(" ")
        return Doc(self.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])


TEXT = "Bộ_Công_Thương báo kim_ngạch đạt 5%"


@pytest.mark.parametrize(
    "spans,iob,misaligned",
    [
        ([(0, 14, "ORG")], ["B", "O", "O", "O", "O"], 0),
        ([(19, 28, "INDICATOR"), (33, 35, "QUANTITY")], ["O", "O", "B", "O", "O"], 0),  # QUANTITY is outside
        ([(0, 6, "ORG")], ["", "O", "O", "O", "O"], 1),  # inside a token: missing, not outside
        ([(0, 6, "ORG"), (19, 28, "INDICATOR")], ["", "O", "B", "O", "O"], 1),
    ],
)
def test_gold_doc(spans, iob, misaligned):
    report = ConversionReport()
    doc = gold_doc(Pretokenized(), TEXT, spans, report)
    assert [t.ent_iob_ for t in doc] == iob
    assert sum(report.misaligned.values()) == misaligned
    assert sum(report.spans.values()) == sum(1 for *_, label in spans if label in NER_LABELS)


def test_gold_doc_survives_a_docbin():
    doc = gold_doc(Pretokenized(), TEXT, [(0, 6, "ORG"), (19, 28, "INDICATOR")], ConversionReport())
    bin_ = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"])
    bin_.add(doc)
    (restored,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(Vocab())
    assert [(t.ent_iob_, t.ent_type_) for t in restored] == [(t.ent_iob_, t.ent_type_) for t in doc]


def test_report_lines_name_every_label():
    report = ConversionReport(documents=1)
    report.spans["ORG"] = 3
    report.misaligned["ORG"] = 1
    assert "ORG: 3 spans, 1 not on token boundaries" in report.lines()
