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


def timed(function, texts: list[str], runs: int, *, batched: bool = False) -> list[float]:
    """Seconds of each run; ``batched`` hands all texts to ``function`` at once (``nlp.pipe``)."""
    function(texts[:1]) if batched else function(texts[0])  # load models before timing
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        if batched:
            function(texts)
        else:
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
    shipped = load_pipeline()
    batched = {"vnie pipeline (shipped model), nlp.pipe batches": lambda batch: list(shipped.pipe(batch, batch_size=32))}
    print(f"{len(texts)} texts, {characters:,} characters, {args.runs} runs each (median)")
    baseline = None
    runs = [(name, function, False) for name, function in contenders.items()]
    runs += [(name, function, True) for name, function in batched.items()]
    for name, function, in_batches in runs:
        median = statistics.median(timed(function, texts, args.runs, batched=in_batches))
        baseline = baseline or median
        print(f"{name:50s} {median:8.2f} s  {characters / median:12,.0f} chars/s  time ratio {median / baseline:5.2f}")


if __name__ == "__main__":
    main()
