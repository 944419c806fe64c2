"""Throughput of tokenization against ``underthesea.word_tokenize`` called directly.

Runs each contender over the same texts several times in one process and prints the median
seconds, characters per second and the ratio to the direct call. Usage:

    .venv/bin/python bench/tokenize_throughput.py [--corpus ../shared/corpus/bench] [--limit 500] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path


def load_texts(folder: Path, limit: int | None) -> list[str]:
    from pipeline.document import document_text
    from pipeline.textio import read_text_file

    paths = sorted(folder.glob("*.txt"))[:limit]
    return [document_text(read_text_file(path)) for path in paths]


def timed(function, texts: list[str], runs: int) -> list[float]:
    function(texts[0])  # load models before timing
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            function(text)
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench")
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from underthesea import word_tokenize

    from pipeline.language import create_pipeline, load_pipeline

    texts = load_texts(args.corpus, args.limit)
    characters = sum(map(len, texts))
    contenders = {
        "underthesea.word_tokenize (direct)": word_tokenize,
        "vnie tokenizer, underthesea": create_pipeline().tokenizer,
        "vnie tokenizer, pyvi": create_pipeline(segmenter="pyvi").tokenizer,
        "vnie pipeline (default.cfg), underthesea": create_pipeline(),
        "vnie pipeline (shipped model), underthesea": load_pipeline(),
    }
    print(f"{len(texts)} texts, {characters:,} characters, {args.runs} runs each (median)")
    baseline = None
    for name, function in contenders.items():
        median = statistics.median(timed(function, texts, args.runs))
        baseline = baseline or median
        print(f"{name:40s} {median:8.2f} s  {characters / median:12,.0f} chars/s  time ratio {median / baseline:5.2f}")


if __name__ == "__main__":
    main()
