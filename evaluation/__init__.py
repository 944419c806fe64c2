"""Scoring predictions against gold documents of ``annotations/FORMAT.md`` (``vnie evaluate``)."""
