"""Rebuild the shipped pipeline ``models/vnie_ie`` from the gold train and dev splits.

    .venv/bin/python scripts/build_model.py            # convert, train, assemble (a few minutes, 2 cores)
    .venv/bin/python scripts/build_model.py --assemble # re-assemble with the last trained NER only

1. convert ``annotations/gold/{train,dev}.jsonl`` to ``build/ner/{train,dev}.spacy`` with the project's
   tokenizer (:mod:`pipeline.training`; prints how many gold spans miss token boundaries);
2. ``spacy train configs/ner.cfg`` into ``build/ner/out`` (dev only selects the best checkpoint);
3. assemble ``pipeline/default.cfg`` with the trained ``tok2vec`` and ``ner`` sourced in before
   ``vnie_entities``, learn that component's ORG lexicon from the train split, and save the whole
   pipeline to ``models/vnie_ie`` (loadable with ``spacy.load``; the default of ``vnie extract``).

Re-run step 3 (``--assemble``) after ``pipeline/default.cfg`` changes; it takes seconds.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.language import DEFAULT_CONFIG, SHIPPED_MODEL, create_pipeline  # noqa: E402
from pipeline.training import convert, training_examples  # noqa: E402

BUILD = ROOT / "build" / "ner"
GOLD = ROOT / "annotations" / "gold"
NER_CONFIG = ROOT / "configs" / "ner.cfg"


def convert_splits(corpus: Path) -> None:
    nlp = create_pipeline()
    for split in ("train", "dev"):
        report = convert(GOLD / f"{split}.jsonl", corpus, BUILD / f"{split}.spacy", nlp)
        print(f"[{split}]", *report.lines(), sep="\n  ")


def train(ner_config: Path = NER_CONFIG) -> Path:
    from spacy.cli.train import train as spacy_train

    output = _trained_dir(ner_config)
    spacy_train(ner_config, output, overrides={"paths.train": str(BUILD / "train.spacy"), "paths.dev": str(BUILD / "dev.spacy")})
    return output / "model-best"


def assemble(trained: Path, corpus: Path, target: Path) -> None:
    import spacy
    import srsly
    from thinc.api import Config

    config = Config().from_disk(DEFAULT_CONFIG)
    names = list(config["nlp"]["pipeline"])
    at = names.index("vnie_entities")
    config["nlp"]["pipeline"] = names[:at] + ["tok2vec", "ner"] + names[at:]
    config["components"]["tok2vec"] = {"source": str(trained)}
    config["components"]["ner"] = {"source": str(trained)}
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    train_nlp = create_pipeline()
    nlp.get_pipe("vnie_entities").initialize(lambda: training_examples(GOLD / "train.jsonl", corpus, train_nlp), nlp=nlp)
    trained_meta = srsly.read_json(trained / "meta.json")
    nlp.meta["performance"] = {"ner_dev": trained_meta.get("performance", {})}
    nlp.meta.update({"name": "vnie_ie", "version": "0.1.0", "description": "vnie: the whole extraction pipeline with the NER of configs/ner.cfg trained on annotations/gold/train.jsonl"})
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    print(f"saved {target} ({_size(target) / 1e6:.1f} MB): {nlp.pipe_names}")


def _trained_dir(ner_config: Path) -> Path:
    """Where ``spacy train`` writes: ``build/ner/out`` for the shipped config, else a folder of its own."""
    return BUILD / "out" if ner_config.resolve() == NER_CONFIG.resolve() else BUILD / f"out-{ner_config.stem}"


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--assemble", action="store_true", help="only re-assemble with the trained model-best of --config")
    parser.add_argument("--output", type=Path, default=SHIPPED_MODEL)
    parser.add_argument("--config", type=Path, default=NER_CONFIG, help="the NER training config (default: configs/ner.cfg)")
    args = parser.parse_args()
    started = time.time()
    if args.assemble:
        trained = _trained_dir(args.config) / "model-best"
    else:
        convert_splits(args.corpus)
        trained = train(args.config)
    assemble(trained, args.corpus, args.output)
    print(f"done in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
