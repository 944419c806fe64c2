"""Scoring predictions against gold documents of ``annotations/FORMAT.md`` (``vnie evaluate``).

- :func:`evaluate` / :func:`write_report`: the whole evaluation of a prediction file (and a
  baseline), with bootstrap intervals, written as ``report.md``, ``report.html`` and ``scores.json``;
- :func:`score_documents`, :func:`score_spans`, :func:`score_relations`, :func:`score_attributes`,
  :func:`score_facts`: the scorers, plain functions returning flat dicts of numbers;
- :func:`write_underthesea_baseline`: underthesea's own NER as a peer baseline in the shared format.
"""

from .attributes import score_attributes
from .bootstrap import BootstrapSettings
from .evaluate import Evaluation, evaluate, evaluate_documents, write_report
from .facts import score_facts
from .pairing import pair_documents
from .peer import write_underthesea_baseline
from .relations import score_relations
from .scorer import score_documents
from .spans import score_spans

__all__ = [
    "BootstrapSettings",
    "Evaluation",
    "evaluate",
    "evaluate_documents",
    "pair_documents",
    "score_attributes",
    "score_documents",
    "score_facts",
    "score_relations",
    "score_spans",
    "write_report",
    "write_underthesea_baseline",
]
