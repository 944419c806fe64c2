"""Throughput of tokenization against ``underthesea.word_tokenize`` called directly.

Runs each contender over the same texts several times in one process and prints the median
seconds, characters per second and the ratio to the direct call. The last contender is ``vnie
extract`` end to end (``extract_batch`` over the files: reading, the shipped pipeline, records,
their validation, writing); the product bar is a time ratio of at most 2 for it (half the direct
call's throughput). ``--only`` runs the contenders whose names contain one of its comma-separated
words (the direct call always runs); ``--clock cpu`` times this process's CPU instead of the wall
clock, which other jobs on a shared machine disturb less. Usage:

    .venv/bin/python bench/tokenize_throughput.py [--corpus ../shared/corpus/bench] [--limit 500] [--runs 5] [--only extract] [--clock cpu]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

#: the product bar: ``vnie extract`` at no more than this multiple of the direct call's time
EXTRACT_BAR = 2.0


def load_paths(folder: Path, limit: int | None) -> list[Path]:
    return sorted(folder.glob("*.txt"))[:limit]


def load_texts(paths: list[Path]) -> list[str]:
    from pipeline.document import document_text
    from pipeline.textio import read_text_file

    return [document_text(read_text_file(path)) for path in paths]


def extract_files(paths: list[Path], nlp) -> None:
    """``vnie extract`` over ``paths`` into a scratch folder, as the command runs it."""
    from pipeline.extract import extract_batch

    with tempfile.TemporaryDirectory() as folder:
        extract_batch([str(path) for path in paths], Path(folder) / "out.jsonl", nlp)


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def timed(function, texts: list[str], runs: int, *, batched: bool = False, clock=time.perf_counter) -> list[float]:
    """Seconds of each run; ``batched`` hands all texts to ``function`` at once (``nlp.pipe``)."""
    function(texts[:1]) if batched else function(texts[0])  # load models before timing
    seconds = []
    for _ in range(runs):
        start = clock()
        if batched:
            function(texts)
        else:
            for text in texts:
                function(text)
        seconds.append(clock() - start)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench")
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="Comma-separated words: run only contenders whose names hold one.")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall", help="Time the wall clock or this process's CPU.")
    parser.add_argument("--model", type=Path, default=None, help="A saved pipeline to time in place of the shipped one.")
    args = parser.parse_args()

    from underthesea import word_tokenize

    from pipeline.language import create_pipeline, load_pipeline

    paths = load_paths(args.corpus, args.limit)
    texts = load_texts(paths)
    characters = sum(map(len, texts))
    wanted = [word for word in args.only.split(",") if word]
    shipped = load_pipeline(args.model)
    contenders = {
        "underthesea.word_tokenize (direct)": (lambda: word_tokenize, False),
        "vnie tokenizer, underthesea": (lambda: create_pipeline().tokenizer, False),
        "vnie tokenizer, pyvi": (lambda: create_pipeline(segmenter="pyvi").tokenizer, False),
        "vnie pipeline (default.cfg), underthesea": (lambda: create_pipeline(), False),
        "vnie pipeline (shipped model), underthesea": (lambda: load_pipeline(args.model), False),
        "vnie pipeline (shipped model), nlp.pipe batches": (lambda: lambda batch: list(shipped.pipe(batch, batch_size=32)), True),
        "vnie extract (extract_batch, shipped model)": (lambda: lambda batch: extract_files(paths[: len(batch)], shipped), True),
    }
    print(f"{len(texts)} texts, {characters:,} characters, {args.runs} runs each (median, {args.clock} clock)")
    baseline = None
    for index, (name, (make, in_batches)) in enumerate(contenders.items()):
        if index and wanted and not any(word in name for word in wanted):
            continue
        median = statistics.median(timed(make(), texts, args.runs, batched=in_batches, clock=CLOCKS[args.clock]))
        baseline = baseline or median
        print(f"{name:50s} {median:8.2f} s  {characters / median:12,.0f} chars/s  time ratio {median / baseline:5.2f}")
        if name.startswith("vnie extract"):
            print(f"{'product bar: vnie extract time ratio':50s} {median / baseline:5.2f} (at most {EXTRACT_BAR:.2f})")


if __name__ == "__main__":
    main()
