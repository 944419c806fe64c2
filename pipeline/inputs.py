"""Finding input documents: files, folders and globs of ``.txt`` and JSONL files.

Document ids are stable and derived from paths (FORMAT.md): the path relative to the folder that
was named on the command line (or, for a glob, to its fixed leading folder), without the
extension; a single named file keeps its parent folder's name (``seeds/000_b69262036891a312``).
A JSONL line keeps the id it carries. Problems with one input are yielded as
:class:`InputProblem` so that a batch can report them and go on.
"""

from __future__ import annotations

import glob
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .document import document_text
from .errors import Errors, VnieError
from .textio import iter_text_lines, read_text_file

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class InputFile:
    path: Path
    root: Path

    @property
    def is_jsonl(self) -> bool:
        return self.path.suffix in JSONL_SUFFIXES

    @property
    def doc_id(self) -> str:
        return self.path.relative_to(self.root).with_suffix("").as_posix()


@dataclass(frozen=True)
class InputDocument:
    """A document to extract from: its id, its document text, and where it came from."""

    id: str
    text: str
    path: str
    line: int | None = None
    source: str | None = None

    @property
    def key(self) -> str:
        return self.id


@dataclass(frozen=True)
class InputProblem:
    """An input that cannot be read, with the reason; the batch reports it and goes on."""

    path: str
    line: int | None
    message: str

    @property
    def key(self) -> str:
        return f"{self.path}:{self.line or 0}"


def find_inputs(arguments: list[str]) -> list[InputFile]:
    """Every input file named by ``arguments`` (files, folders, globs), in a stable order."""
    found: list[InputFile] = []
    for argument in arguments:
        found.extend(_expand(argument))
    return found


def _expand(argument: str) -> list[InputFile]:
    if _GLOB_CHARS & set(argument):
        matches = sorted(Path(p) for p in glob.glob(argument, recursive=True) if Path(p).is_file())
        if not matches:
            raise VnieError(Errors.E007.format(path=argument))
        root = _glob_root(argument)
        return [InputFile(p, root) for p in matches if _supported(p)]
    path = Path(argument)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _supported(p))
        return [InputFile(p, path) for p in files]
    if path.is_file():
        if not _supported(path):
            raise VnieError(Errors.E003.format(path=path))
        return [InputFile(path, path.parent.parent)]
    raise VnieError(Errors.E002.format(path=path))


def _glob_root(pattern: str) -> Path:
    parts = Path(pattern).parts
    fixed = [part for part in parts[: next(i for i, p in enumerate(parts) if _GLOB_CHARS & set(p))]]
    return Path(*fixed) if fixed else Path(".")


def _supported(path: Path) -> bool:
    return path.suffix in TEXT_SUFFIXES + JSONL_SUFFIXES


def count_documents(files: list[InputFile]) -> int:
    """How many documents the files hold (a JSONL file: its non-empty lines)."""
    total = 0
    for item in files:
        if item.is_jsonl:
            with open(item.path, "rb") as stream:
                total += sum(1 for line in stream if line.strip())
        else:
            total += 1
    return total


def iter_documents(files: list[InputFile], corpus: Path | None = None) -> Iterator[InputDocument | InputProblem]:
    """The documents of ``files`` in order, or a problem for each one that cannot be read."""
    for item in files:
        if item.is_jsonl:
            yield from _jsonl_documents(item, corpus)
        else:
            yield _text_document(item)


def _text_document(item: InputFile) -> InputDocument | InputProblem:
    try:
        text = document_text(read_text_file(item.path))
    except VnieError as error:
        return InputProblem(str(item.path), None, str(error))
    return InputDocument(item.doc_id, text, str(item.path))


def _jsonl_documents(item: InputFile, corpus: Path | None) -> Iterator[InputDocument | InputProblem]:
    path = str(item.path)
    try:
        for number, line in iter_text_lines(item.path):
            if line.strip():
                yield _jsonl_document(path, number, line, corpus)
    except VnieError as error:
        yield InputProblem(path, None, str(error))


def _jsonl_document(path: str, number: int, line: str, corpus: Path | None) -> InputDocument | InputProblem:
    from .validation import load_line

    try:
        loaded = load_line(path, number, line, corpus)
    except VnieError as error:
        return InputProblem(path, number, str(error))
    document = loaded.document
    return InputDocument(document.id, loaded.text, path, number, document.source)
