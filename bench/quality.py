"""Quality of the analysers on the TEST parts of ../shared: one table, one JSON file.

Each analyser has one ``*_section()`` function returning a JSON-able dict with a
``table`` (list of row dicts) for the printed summary; add a section by writing a new
function and listing it in ``SECTIONS``. Figures are measured in this run, on TEST
parts only (``shared/data/README.md``); nothing is copied from elsewhere.

Sentiment section: the committed domain model vs a char 1-3-gram TF-IDF + logistic
regression baseline rebuilt here with scikit-learn (bench-only dependency) vs snownlp.
The baseline is fitted twice: on the raw TRAIN list (how the brief's 0.951 on
ChnSentiCorp was obtained) and on TRAIN minus rows that duplicate a TEST text (the
online_shopping_10_cats 酒店 category contains most ChnSentiCorp TEST reviews). Only
the second is an honest comparison. Its C is chosen on a 15% hash split of TRAIN.

    python bench/quality.py [--sections sentiment] [--baseline-c 4] [--no-snownlp]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results" / "quality.json"


class TfidfBaseline:
    """Char 1-3-gram TF-IDF + logistic regression, the usual strong linear baseline."""

    name = "tfidf_lr"

    def __init__(self, texts: Sequence[str], labels: Sequence[int], C: float) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2)
        features = self.vectorizer.fit_transform(texts)
        self.model = LogisticRegression(C=C, max_iter=3000).fit(features, list(labels))
        self.n_features = features.shape[1]

    def score_many(self, texts: Sequence[str]) -> list[float]:
        return self.model.predict_proba(self.vectorizer.transform(list(texts)))[:, 1].tolist()


def _throughput(score_many: Callable[[list[str]], list[float]], texts: list[str], repeat: int = 3) -> dict[str, float]:
    """Median texts/s and chars/s over ``repeat`` passes of one batch call."""
    rates = []
    for _ in range(repeat):
        started = time.perf_counter()
        score_many(texts)
        rates.append(len(texts) / (time.perf_counter() - started))
    rate = statistics.median(rates)
    mean_chars = sum(map(len, texts)) / len(texts)
    return {"texts_per_s": round(rate, 1), "chars_per_s": round(rate * mean_chars), "mean_chars": round(mean_chars, 1)}


def _timed_eval(scorer: Any, shared: Path) -> dict[str, Any]:
    from analysis.training.sentiment import evaluate_sentiment

    started = time.perf_counter()
    report = evaluate_sentiment(scorer, shared)
    report["eval_seconds"] = round(time.perf_counter() - started, 1)
    return report


def _choose_c(texts: list[str], labels: list[int], grid: Sequence[float]) -> tuple[float, dict[str, float]]:
    """C by accuracy on a 15% hash split of the (decontaminated) TRAIN rows."""
    dev = [zlib.crc32(t.encode("utf-8")) % 100 < 15 for t in texts]
    fit_x = [t for t, d in zip(texts, dev, strict=True) if not d]
    fit_y = [y for y, d in zip(labels, dev, strict=True) if not d]
    dev_x = [t for t, d in zip(texts, dev, strict=True) if d]
    dev_y = [y for y, d in zip(labels, dev, strict=True) if d]
    scores = {}
    for c in grid:
        probs = TfidfBaseline(fit_x, fit_y, c).score_many(dev_x)
        scores[str(c)] = round(sum((p > 0.5) == (y == 1) for p, y in zip(probs, dev_y, strict=True)) / len(dev_y), 4)
    best = max(grid, key=lambda c: scores[str(c)])
    return best, scores


def _snownlp_engine() -> Any:
    """The project's snownlp engine if present, else snownlp itself behind ``score_many``."""
    try:
        from analysis.sentiment_snownlp import SnowNLPSentiment

        return SnowNLPSentiment.load()
    except ImportError:

        class _Direct:
            name = "snownlp"

            def __init__(self) -> None:
                from snownlp import sentiment

                self._classify = sentiment.classify

            def score_many(self, texts: Sequence[str]) -> list[float]:
                return [float(self._classify(t)) for t in texts]

        return _Direct()


def sentiment_section(shared: Path, baseline_c: float | None = None, with_snownlp: bool = True) -> dict[str, Any]:
    """Domain model vs TF-IDF+LR baseline (raw and decontaminated TRAIN) vs snownlp."""
    from analysis.sentiment_domain import DEFAULT_MODEL_PATH, DomainSentiment
    from analysis.training.sentiment import TestIndex, TrainConfig, labelled_train, test_texts

    engines: dict[str, dict[str, Any]] = {}
    speed_texts = _speed_texts(shared)

    # --- the committed domain model
    loads = []
    for _ in range(5):
        started = time.perf_counter()
        model = DomainSentiment.load()
        loads.append(time.perf_counter() - started)
    domain = _timed_eval(model, shared)
    domain.update(
        version=model.version,
        size_bytes=DEFAULT_MODEL_PATH.stat().st_size,
        load_seconds=round(statistics.median(loads), 3),
        speed=_throughput(model.score_many, speed_texts),
    )
    engines["domain"] = domain

    # --- TF-IDF + LR baseline, rebuilt here
    rows = labelled_train(shared, TrainConfig())
    index = TestIndex(test_texts(shared))
    clean = [r for r in rows if r.text not in index]
    texts, labels = [r.text for r in clean], [int(r.target) for r in clean]
    selection: dict[str, float] = {}
    if baseline_c is None:
        baseline_c, selection = _choose_c(texts, labels, (1.0, 4.0, 10.0))
    started = time.perf_counter()
    honest = TfidfBaseline(texts, labels, baseline_c)
    fit_seconds = round(time.perf_counter() - started, 1)
    report = _timed_eval(honest, shared)
    report.update(
        C=baseline_c,
        C_holdout_accuracy=selection,
        train_rows=len(texts),
        fit_seconds=fit_seconds,
        n_features=honest.n_features,
        speed=_throughput(honest.score_many, speed_texts),
    )
    engines["tfidf_lr"] = report
    del honest
    raw = TfidfBaseline([r.text for r in rows], [int(r.target) for r in rows], baseline_c)
    report = _timed_eval(raw, shared)
    report.update(C=baseline_c, train_rows=len(rows), note="raw TRAIN list, includes copies of ChnSentiCorp TEST rows")
    engines["tfidf_lr_raw_train"] = report
    del raw

    # --- snownlp
    if with_snownlp:
        started = time.perf_counter()
        snow = _snownlp_engine()
        load_seconds = round(time.perf_counter() - started, 2)
        report = _timed_eval(snow, shared)
        report.update(load_seconds=load_seconds, speed=_throughput(snow.score_many, speed_texts[:300], repeat=1))
        engines["snownlp"] = report

    metrics = (
        "weibo2018_test_accuracy",
        "chnsenticorp_test_accuracy",
        "weibo_senti_100k_subset_accuracy",
        "fuzhou_complaint_auc",
        "fuzhou_complaint_auc_content",
        "weibo2018_test_auc",
        "chnsenticorp_test_auc",
        "weibo_senti_100k_subset_auc",
    )
    table = [{"metric": m, **{name: e.get(m) for name, e in engines.items()}} for m in metrics]
    table.append({"metric": "texts_per_s", **{n: e.get("speed", {}).get("texts_per_s") for n, e in engines.items()}})
    return {"engines": engines, "table": table, "speed_texts": f"{len(speed_texts)} TEST texts (weibo2018 + Fuzhou)"}


def _speed_texts(shared: Path) -> list[str]:
    """A fixed, realistic mix for throughput: Weibo posts and hotline appeals (TEST parts)."""
    from analysis.training.sentiment import fuzhou_test_set, sentiment_test_sets

    texts = list(sentiment_test_sets(shared).get("weibo2018_test", ([], []))[0])
    titles, contents, _ = fuzhou_test_set(shared)
    texts += [f"{t}\n{c}" for t, c in zip(titles, contents, strict=True)]
    return texts


def _domain_section(_shared: Path) -> dict[str, Any]:
    from bench.quality_domain import section

    return section()


def _events_section(_shared: Path) -> dict[str, Any]:
    from bench.quality_events import section

    return section()


def _scope_section(_shared: Path) -> dict[str, Any]:
    from bench.quality_scope import section

    return section()


SECTIONS: dict[str, Callable[..., dict[str, Any]]] = {
    "sentiment": sentiment_section,
    "scope": _scope_section,
    "domain": _domain_section,
    "events": _events_section,
}


def print_table(name: str, section: dict[str, Any]) -> None:
    rows = section.get("table", [])
    if not rows:
        print(f"\n== {name}")
        for key, value in section.items():
            if not isinstance(value, dict | list):
                print(f"  {key}: {_fmt(value)}")
            elif isinstance(value, dict) and all(not isinstance(v, dict | list) for v in value.values()):
                print(f"  {key}: " + ", ".join(f"{k}={_fmt(v)}" for k, v in value.items()))
        return
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(_fmt(r.get(c))) for r in rows)) for c in columns}
    print(f"\n== {name}")
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for r in rows:
        print("  ".join(_fmt(r.get(c)).ljust(widths[c]) for c in columns))


def print_goals(summary: dict[str, Any]) -> None:
    print(f"\n== issue #3 goals: {summary['met']} of {summary['of']} met")
    width = max(len(r["goal"]) for r in summary["table"])
    for r in summary["table"]:
        mark = {True: "met", False: "MISSED", None: "not measured"}[r["met"]]
        print(f"{r['goal'].ljust(width)}  {_fmt(r['figure']):>10}  {r['target']:<8} {mark:<12} {r['note']}")


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4f}" if value < 10 else f"{value:,.0f}"
    return str(value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Quality of the analysers on the TEST parts of ../shared")
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"comma list of {', '.join(SECTIONS)}")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument("--baseline-c", type=float, default=None, help="skip the TRAIN holdout that picks C")
    parser.add_argument("--no-snownlp", action="store_true", help="skip snownlp (slow: ~8k chars/s)")
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"skipped: {args.shared / 'data'} is absent (the datasets live beside the repo, in ../shared)")
        return 0
    results: dict[str, Any] = json.loads(args.json.read_text(encoding="utf-8")) if args.json.is_file() else {}
    for name in [s.strip() for s in args.sections.split(",") if s.strip()]:
        if name not in SECTIONS:
            parser.error(f"unknown section {name!r}")
        started = time.perf_counter()
        if name == "sentiment":
            section = sentiment_section(args.shared, args.baseline_c, not args.no_snownlp)
        else:
            section = SECTIONS[name](args.shared)
        section["seconds"] = round(time.perf_counter() - started, 1)
        section["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        results[name] = section
        print_table(name, section)
    from bench.quality_goals import goals

    results["goals"] = goals(results)
    print_goals(results["goals"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
