"""Sentiment engines side by side on the same texts, in one run.

    python bench/sentiment.py [--n N] [--repeats R] [--json PATH]

Engines: snownlp itself (the reference), ``FastSnowSentiment`` (its exact re-implementation)
and, when ``analysis/sentiment_domain.py`` is importable, ``DomainSentiment``. Texts are
real when ``../shared/data`` is present: short = Weibo posts of 15-45 characters from
weibo2018 (test.csv first, then train.csv), weibo = weibo2018 test.csv as it is, long =
ChnSentiCorp hotel reviews of 300-800 characters; otherwise generated complaints.

Reported per engine: items/s and chars/s per text set, for one batch call over the whole
set, for batches of 50 (a small worker batch) and for one ``score`` call per text (the
best of R repeats, engines interleaved so machine noise hits them alike), by wall clock
and by the process's CPU time: on a shared machine other processes take the CPU for
stretches of either engine's timing, which moves wall-clock ratios by ±30% from run to
run and CPU-time ratios far less; cold start in a
fresh process (import, load, first score); peak RSS of a fresh process that loads the
engine and scores every set (``ru_maxrss``); and the largest score difference from
snownlp over every text. Ratios come from this one run only.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
CACHE_DIR = ROOT / "var" / "models"
SEED = 20240601
ENGINES: dict[str, tuple[str, str, dict[str, str]]] = {  # name -> (module, class, load() kwargs)
    "snownlp": ("analysis.sentiment_snownlp", "SnowNLPSentiment", {}),
    "snownlp-fast": ("analysis.sentiment_fast", "FastSnowSentiment", {"cache_dir": str(CACHE_DIR)}),
    "domain": ("analysis.sentiment_domain", "DomainSentiment", {}),
}
PROBE = "物业不作为，暖气一点都不热，打了好几次电话都没人管"


def load_engines() -> dict[str, Any]:
    """The reference and fast engines always; the domain engine only if it imports and loads."""
    engines = {name: load_engine(name) for name in ("snownlp", "snownlp-fast")}  # builds the fast cache if missing
    try:
        engines["domain"] = load_engine("domain")
    except Exception as exc:  # another engineer's module and model file: any failure means "skip it"
        print(f"domain engine skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
    return engines


def _csv_column(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row[column] for row in csv.DictReader(fh) if row.get(column)]


def _generated(n: int, long: bool) -> list[str]:
    rng = random.Random(SEED)
    topics = ["物业", "供热", "燃气", "拆迁", "施工噪音", "拖欠工资", "房屋质量", "保障房"]
    parts = [
        "小区{t}问题一直没有解决，",
        "打了12345热线好几次，",
        "相关部门互相推诿，",
        "希望尽快处理！",
        "感谢工作人员的耐心解答。",
        "已经影响到老人和孩子的生活，",
    ]
    size = (12, 20) if long else (2, 3)
    return [
        "".join(rng.choice(parts).format(t=rng.choice(topics)) for _ in range(rng.randint(*size))) for _ in range(n)
    ]


def text_sets(n: int) -> tuple[dict[str, list[str]], str]:
    """Three sets of ``n`` texts each (fewer if the data has fewer) and where they came from."""
    weibo_test, weibo_train = DATA / "weibo2018" / "test.csv", DATA / "weibo2018" / "train.csv"
    reviews = DATA / "ChnSentiCorp_htl_all" / "ChnSentiCorp_htl_all.csv"
    if not (weibo_test.is_file() and weibo_train.is_file() and reviews.is_file()):
        return {"short": _generated(n, False), "long": _generated(n, True)}, "generated"
    rng = random.Random(SEED)
    test = _csv_column(weibo_test, "text")
    short = [t for t in test + _csv_column(weibo_train, "text") if 15 <= len(t) <= 45][:n]
    long = [t for t in _csv_column(reviews, "review") if 300 <= len(t) <= 800]
    return {"short": short, "weibo": test[:n], "long": rng.sample(long, min(n, len(long)))}, str(DATA)


def load_engine(name: str) -> Any:
    module, cls, kwargs = ENGINES[name]
    return getattr(importlib.import_module(module), cls).load(**kwargs)


def _batches(engine: Any, texts: list[str], size: int) -> list[float]:
    out: list[float] = []
    for i in range(0, len(texts), size):
        out.extend(engine.score_many(texts[i : i + size]))
    return out


MODES: dict[str, Callable[[Any, list[str]], list[float]]] = {
    "batch": lambda engine, texts: engine.score_many(texts),
    "batch50": lambda engine, texts: _batches(engine, texts, 50),
    "single": lambda engine, texts: [engine.score(t) for t in texts],
}


def throughput(engines: dict[str, Any], sets: dict[str, list[str]], repeats: int) -> tuple[dict, dict, dict]:
    """Best-of-``repeats`` wall and CPU seconds per (engine, set, mode), and each engine's scores."""
    best: dict[tuple[str, str, str], float] = {}
    best_cpu: dict[tuple[str, str, str], float] = {}
    scores: dict[str, dict[str, list[float]]] = {name: {} for name in engines}
    for _ in range(repeats):
        for set_name, texts in sets.items():
            for name, engine in engines.items():
                # snownlp has no batch path: its score_many is the per-text loop, timed once
                for mode in ("batch",) if name == "snownlp" else MODES:
                    start, start_cpu = time.perf_counter(), time.process_time()
                    got = MODES[mode](engine, texts)
                    took, took_cpu = time.perf_counter() - start, time.process_time() - start_cpu
                    key = (name, set_name, mode)
                    best[key] = min(best.get(key, took), took)
                    best_cpu[key] = min(best_cpu.get(key, took_cpu), took_cpu)
                    scores[name].setdefault(set_name, got)
    for set_name in sets:
        for mode in ("batch50", "single"):
            best["snownlp", set_name, mode] = best["snownlp", set_name, "batch"]
            best_cpu["snownlp", set_name, mode] = best_cpu["snownlp", set_name, "batch"]
    return best, best_cpu, scores


def _child(code: str, timeout: float = 900) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "child failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cold_start(name: str, runs: int = 3) -> dict[str, float]:
    """Median of ``runs`` fresh processes: import, load(), first score, whole process."""
    module, cls, args = ENGINES[name]
    code = f"""
import json, time
t0 = time.perf_counter()
from {module} import {cls}
t1 = time.perf_counter()
engine = {cls}.load(**{args!r})
t2 = time.perf_counter()
engine.score({PROBE!r})
t3 = time.perf_counter()
print(json.dumps({{"import_s": t1 - t0, "load_s": t2 - t1, "first_score_s": t3 - t2}}))
"""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        row = _child(code)
        row["process_s"] = time.perf_counter() - start
        samples.append(row)
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]}


def peak_rss(name: str, sets: dict[str, list[str]]) -> dict[str, float]:
    """Peak memory (MB) of a fresh process that loads the engine and scores every set.

    ``ru_maxrss`` survives exec on Linux, so a child of a big parent reports the parent's
    size: these children are started before the bench loads any engine, and ``VmHWM``
    (the high-water mark of the child's own address space) is reported beside it.
    """
    module, cls, args = ENGINES[name]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump(sets, fh, ensure_ascii=False)
    code = f"""
import json, re, resource
from {module} import {cls}
engine = {cls}.load(**{args!r})
for texts in json.load(open({fh.name!r}, encoding="utf-8")).values():
    engine.score_many(texts)
hwm = re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read())
print(json.dumps({{"ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "vm_hwm_mb": int(hwm.group(1)) / 1024 if hwm else None}}))
"""
    try:
        return _child(code)
    finally:
        os.unlink(fh.name)


def fast_build() -> dict[str, float]:
    """A fast-engine load with an empty cache folder: the one-off table build."""
    with tempfile.TemporaryDirectory() as tmp:
        code = f"""
import json, resource, time
from analysis.sentiment_fast import FastSnowSentiment
t = time.perf_counter()
FastSnowSentiment.load({tmp!r})
print(json.dumps({{"build_s": time.perf_counter() - t,
                   "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
        return _child(code)


def report(args: argparse.Namespace) -> dict[str, Any]:
    sets, source = text_sets(args.n)
    print(f"texts from {source}: " + ", ".join(f"{k} {len(v)} × {_mean_len(v):.0f} ch" for k, v in sets.items()))
    build = fast_build()  # fresh processes first, while this one is still small (see peak_rss)
    _child(f"from analysis.sentiment_fast import FastSnowSentiment as F; F.load({str(CACHE_DIR)!r}); print(1)")
    fresh = {name: (cold_start(name), peak_rss(name, sets)) for name in ENGINES if name != "domain"}
    engines = load_engines()
    if "domain" in engines:
        fresh["domain"] = (cold_start("domain"), peak_rss("domain", sets))
    for name, engine in engines.items():  # warm up: first calls fault pages in
        for texts in sets.values():
            engine.score_many(texts[:5] if name == "snownlp" else texts)
    load_avg_before = os.getloadavg()
    best, best_cpu, scores = throughput(engines, sets, args.repeats)
    result: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "load_average_before_after": [load_avg_before, os.getloadavg()],
        "texts": {"source": source, **{k: {"n": len(v), "mean_chars": _mean_len(v)} for k, v in sets.items()}},
        "repeats": args.repeats,
        "engines": {},
    }
    reference = scores["snownlp"]
    for name, engine in engines.items():
        diffs = [abs(a - b) for s in sets for a, b in zip(scores[name][s], reference[s], strict=True)]
        entry: dict[str, Any] = {
            "version": engine.version,
            "max_abs_diff_vs_snownlp": max(diffs),
            "identical_to_snownlp": sum(d == 0 for d in diffs),
            "texts_compared": len(diffs),
            "cold_start": fresh[name][0],
            "peak_memory": fresh[name][1],
            "rates": {},
        }
        for set_name, texts in sets.items():
            chars = sum(map(len, texts))
            entry["rates"][set_name] = {
                mode: {
                    "items_per_s": len(texts) / best[name, set_name, mode],
                    "chars_per_s": chars / best[name, set_name, mode],
                    "x_snownlp": best["snownlp", set_name, "batch"] / best[name, set_name, mode],
                    "items_per_cpu_s": len(texts) / best_cpu[name, set_name, mode],
                    "x_snownlp_cpu": best_cpu["snownlp", set_name, "batch"] / best_cpu[name, set_name, mode],
                }
                for mode in MODES
            }
        result["engines"][name] = entry
    result["engines"]["snownlp-fast"]["table_build"] = build
    return result


def _mean_len(texts: list[str]) -> float:
    return sum(map(len, texts)) / max(1, len(texts))


def print_table(result: dict[str, Any]) -> None:
    sets = [k for k in result["texts"] if k != "source"]
    print(
        f"\n{'engine':<13} {'set':<6} {'mode':<8} {'items/s':>10} {'chars/s':>11} {'× snownlp':>10}"
        f" {'items/CPU s':>12} {'× (CPU)':>8}"
    )
    for name, entry in result["engines"].items():
        for set_name in sets:
            for mode, rate in entry["rates"][set_name].items():
                if name == "snownlp" and mode != "batch":
                    continue
                print(
                    f"{name:<13} {set_name:<6} {mode:<8} {rate['items_per_s']:>10,.0f} "
                    f"{rate['chars_per_s']:>11,.0f} {rate['x_snownlp']:>10.1f}"
                    f" {rate['items_per_cpu_s']:>12,.0f} {rate['x_snownlp_cpu']:>8.1f}"
                )
    print(
        f"\n{'engine':<13} {'import s':>9} {'load s':>8} {'1st score s':>12} {'process s':>10} "
        f"{'maxrss MB':>12} {'HWM MB':>8} {'max |Δ| vs snownlp':>19} {'identical':>12}"
    )
    for name, entry in result["engines"].items():
        cold = entry["cold_start"]
        print(
            f"{name:<13} {cold['import_s']:>9.3f} {cold['load_s']:>8.3f} {cold['first_score_s']:>12.4f} "
            f"{cold['process_s']:>10.2f} {entry['peak_memory']['ru_maxrss_mb']:>12.0f} "
            f"{entry['peak_memory']['vm_hwm_mb']:>8.0f} {entry['max_abs_diff_vs_snownlp']:>19.3g} "
            f"{entry['identical_to_snownlp']:>5}/{entry['texts_compared']:<6}"
        )
    build = result["engines"]["snownlp-fast"]["table_build"]
    print(
        f"\nsnownlp-fast one-off table build (empty cache): {build['build_s']:.1f} s, peak RSS {build['rss_mb']:.0f} MB"
    )
    print(f"load average before / after timing: {result['load_average_before_after']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="texts per set (default 200)")
    parser.add_argument("--repeats", type=int, default=3, help="timing repeats, best kept (default 3)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "sentiment.json")
    args = parser.parse_args()
    result = report(args)
    print_table(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
