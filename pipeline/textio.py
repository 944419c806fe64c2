"""Reading UTF-8 input with errors that name the file and line, and writing files atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import Errors, VnieError

_BOM = b"\xef\xbb\xbf"


def decode_utf8(data: bytes, path: str | Path) -> str:
    """Decode ``data`` (a leading BOM is dropped); undecodable bytes raise with their line."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        snippet = data[error.start : error.end + 3]
        raise VnieError(Errors.E001.format(path=path, line=line, snippet=snippet, offset=error.start)) from None


def read_text_file(path: str | Path) -> str:
    """The whole content of a UTF-8 file."""
    return decode_utf8(Path(path).read_bytes(), path)


def iter_text_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a UTF-8 file, streamed; the line ending is removed."""
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                snippet = raw[error.start : error.end + 3]
                message = Errors.E001.format(path=path, line=number, snippet=snippet, offset=error.start)
                raise VnieError(message) from None
            yield number, line.rstrip("\r\n")


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed over ``path`` only when the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(descriptor)
    try:
        yield Path(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """A UTF-8 text stream whose content replaces ``path`` only when the block succeeds."""
    with atomic_path(path) as temporary:
        with open(temporary, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())


def write_lines_atomic(path: str | Path, lines: Iterable[str]) -> None:
    """Write ``lines`` (without line endings) to ``path`` atomically."""
    with atomic_writer(path) as stream:
        for line in lines:
            stream.write(line + "\n")
