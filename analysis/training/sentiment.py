"""Build the domain sentiment model (``analysis/sentiment_domain.py``) and choose its settings.

Entry points only; the parts live beside this module so each can be read on its own:

* ``sentiment_datasets``: which TRAIN rows are used, and the TEST index that keeps every
  copy of a TEST text out of training (the data discipline of ``shared/data/README.md``);
* ``sentiment_cues``: weak-label title cues and hand-written seed sentences;
* ``sentiment_config``: hyper-parameters and why they are what they are;
* ``sentiment_fit``: features, gains, the logistic regression, the model file;
* ``sentiment_measure``: TEST figures and the no-regression rule of ``yuqing train``.

``train_sentiment`` fits on TRAIN and reports TEST figures; ``select_config`` compares
settings on a hash split of TRAIN only (``python -m analysis.training.sentiment --select``),
which is how every default in ``TrainConfig`` was chosen. The names other modules import
from here (``yuqing_cli.train``, ``bench.quality``) are re-exported below.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from analysis.sentiment_domain import DEFAULT_MODEL_PATH, DomainSentiment
from analysis.training.sentiment_config import TrainConfig
from analysis.training.sentiment_datasets import (
    DATA,
    Row,
    TestIndex,
    labelled_train,
    test_texts,
    training_rows,
)
from analysis.training.sentiment_fit import count_matrix, fit, save
from analysis.training.sentiment_measure import (
    evaluate_sentiment,
    fuzhou_test_set,
    regressions,
    roc_auc,
    sentiment_test_sets,
)

__all__ = [
    "Row",
    "TestIndex",
    "TrainConfig",
    "evaluate_sentiment",
    "fuzhou_test_set",
    "labelled_train",
    "regressions",
    "roc_auc",
    "select_config",
    "sentiment_test_sets",
    "test_texts",
    "train_sentiment",
]


def train_sentiment(
    shared_dir: Path,
    extra: Sequence[tuple[str, int]] = (),
    out: Path = DEFAULT_MODEL_PATH,
    config: TrainConfig | None = None,
) -> dict[str, Any]:
    """Rebuild the model from TRAIN parts (+ ``extra`` corrections), write ``out``, measure it.

    Deterministic: the same data and config give a byte-identical file (and so the same
    ``version``). Returns the TEST figures of the written (float16) model as produced by
    ``evaluate_sentiment``, plus ``model``, ``version``, ``size_bytes``, ``seconds`` and
    ``training`` (rows used and rows dropped as TEST duplicates, per source). Datasets
    absent from ``shared_dir`` are skipped, so a run with only ``extra`` works (tests).
    """
    config = config or TrainConfig()
    shared_dir = Path(shared_dir)
    out = Path(out)
    started = time.perf_counter()
    rows, kept, dropped = training_rows(shared_dir, extra, config)
    if not rows:
        raise ValueError(f"no training data under {shared_dir} and no extra rows")
    weight, gain, bias = fit(rows, config)
    info = {"rows": kept, "dropped_as_test_duplicates": dropped}
    save(out, weight, gain, bias, config, info)
    model = DomainSentiment.load(out)
    report = evaluate_sentiment(model, shared_dir)
    report.update(
        model=str(out),
        version=model.version,
        size_bytes=out.stat().st_size,
        seconds=round(time.perf_counter() - started, 1),
        training=info,
    )
    return report


def _is_dev(text: str, percent: int = 15, salt: int = 0) -> bool:
    return zlib.crc32(text.encode("utf-8"), salt) % 100 < percent


_FEATURE_FIELDS = ("bits", "nmax", "max_chars", "tags")


def select_config(
    shared_dir: Path,
    grid: Sequence[dict[str, Any]],
    base: TrainConfig | None = None,
    percent: int = 15,
    salt: int = 0,
) -> list[dict[str, Any]]:
    """Model selection on TRAIN only: fit on 85% of TRAIN, measure on the other 15%.

    The split is by a hash of the text (duplicates stay on one side); ``salt`` draws a
    different split. Figures: accuracy on each labelled source's held-out rows, and the
    weak-label complaint-vs-enquiry AUC (negativity) on held-out government bodies. Any
    ``TrainConfig`` field may vary; features are built once per distinct featuriser
    (``bits``/``nmax``/``max_chars``/``tags``).
    """
    base = base or TrainConfig()
    rows, _, _ = training_rows(shared_dir, (), base)
    dev = [r for r in rows if r.source != "seed" and _is_dev(r.text, percent, salt)]
    train = [r for r in rows if r.source == "seed" or not _is_dev(r.text, percent, salt)]
    dev_texts = [r.text for r in dev]
    counts_by_features: dict[tuple[Any, ...], Any] = {}
    results = []
    for change in grid:
        config = replace(base, **change)
        features = tuple(getattr(config, f) for f in _FEATURE_FIELDS)
        if features not in counts_by_features:
            counts_by_features.clear()  # one matrix in memory at a time
            counts_by_features[features] = count_matrix([r.text for r in train], config)
        source_weights = {
            "weibo2018_train": config.weibo_weight,
            "gov_weak": config.gov_weight,
            "seed": config.seed_weight,
            "gov_weak_title": config.title_weight,
        }
        reweighted = [replace(r, weight=source_weights.get(r.source, r.weight)) for r in train]
        weight, gain, bias = fit(reweighted, config, counts_by_features[features])
        meta = {f: getattr(config, f) for f in _FEATURE_FIELDS}
        model = DomainSentiment(weight, gain, bias, meta, "dev")
        scores = np.asarray(model.score_many(dev_texts))
        result: dict[str, Any] = {"change": change, "split": f"{percent}%/salt {salt}"}
        for source in sorted({r.source for r in dev} - {"gov_weak", "gov_weak_title"}):
            idx = [i for i, r in enumerate(dev) if r.source == source]
            y = np.array([dev[i].target for i in idx])
            result[f"{source}_acc"] = round(float(((scores[idx] > 0.5) == (y == 1)).mean()), 4)
        gov = [i for i, r in enumerate(dev) if r.source == "gov_weak" and r.target < 1]
        if gov:
            y = np.array([dev[i].target == 0 for i in gov])
            result["gov_weak_auc"] = round(roc_auc(y, 1 - scores[gov]), 4)
            for target, name in ((0.0, "complaint"), (0.5, "enquiry")):
                sel = [i for i in gov if dev[i].target == target]
                result[f"gov_{name}_labels"] = dict(Counter(model.label(s) for s in scores[sel]))
        results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=root.parent / "shared")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--select", action="store_true", help="run the TRAIN-only hyper-parameter grid instead")
    parser.add_argument("--salt", type=int, default=0, help="with --select: which hash split of TRAIN to hold out")
    args = parser.parse_args(argv)
    if not (args.shared / DATA).is_dir():
        print(f"{args.shared / DATA} is absent", file=sys.stderr)
        return 2
    if args.select:
        grid: list[dict[str, Any]] = [
            {"nb_power": 0.0, "gov_weight": 0.0, "title_weight": 0.0, "seed_weight": 0.0, "balance": False},
            {"gov_weight": 0.0, "title_weight": 0.0, "seed_weight": 0.0},
            {"gov_weight": 0.0, "title_weight": 0.0},
            {"seed_weight": 0.0},
            {"balance": False},
            {},
            {"gov_weight": 1.0},
            {"gov_weight": 6.0},
            {"weibo_weight": 1.0},
            {"C": 10.0},
            {"nb_power": 1.0},
            {"weibo_weight": 6.0},
            {"tags": True},
            {"tags": True, "nmax": 4},
            {"bits": 22},
            {"bits": 22, "gain_codes": True},
        ]
        select_config(args.shared, grid, salt=args.salt)
        return 0
    print(json.dumps(train_sentiment(args.shared, out=args.out), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
