"""Peak memory of ``vnie extract`` when the input doubles.

Runs the command as a child process over N documents and over 2N (the same files reached through
two folders, so ids differ), several times each, and prints the median peak RSS of each and their
ratio. A streaming batch keeps the ratio near 1. Usage:

    .venv/bin/python bench/extract_memory.py [--corpus ../shared/corpus/bench] [--limit 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def peak_rss_of(command: list[str]) -> tuple[float, float]:
    """(peak RSS in MiB, seconds) of a child process, measured with wait4."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start


def make_inputs(corpus: Path, limit: int, root: Path) -> tuple[Path, Path]:
    files = sorted(corpus.glob("*.txt"))[:limit]
    single, double = root / "single", root / "double"
    for folder in (single / "a", double / "a", double / "b"):
        folder.mkdir(parents=True)
    for path in files:
        for folder in (single / "a", double / "a", double / "b"):
            (folder / path.name).symlink_to(path.resolve())
    return single, double


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    vnie = str(Path(sys.executable).with_name("vnie"))
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        single, double = make_inputs(args.corpus, args.limit, root)
        results = {}
        for name, folder in (("N", single), ("2N", double)):
            runs = [peak_rss_of([vnie, "extract", str(folder), "-o", str(root / f"{name}.jsonl")]) for _ in range(args.runs)]
            results[name] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
            print(f"{name:3s} documents={args.limit * (2 if name == '2N' else 1):6d}  peak RSS {results[name][0]:8.1f} MiB  {results[name][1]:7.1f} s")
        print(f"peak RSS ratio 2N/N = {results['2N'][0] / results['N'][0]:.3f}")


if __name__ == "__main__":
    main()
