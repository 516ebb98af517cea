"""Quality section for the scope filter (城乡建设 vs other remits) on the 495 gold rows.

``section()`` returns a dict for ``bench/quality.py`` (its ``table`` rows: closed = the seven
gold classes only, open = 其他 allowed and counted wrong); run as a script it prints a table.
It only evaluates the committed model (TEST rows are never used to fit or tune anything)
and reports what the service pays for it: file size, load time and throughput.
Without ``../shared`` beside the repository it skips and says why.
"""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path
from typing import Any

from analysis.scope import DEFAULT_MODEL, GOLD_LABELS, ScopeClassifier
from analysis.training.scope import GOLD_FILE, evaluate_scope, load_gold
from analysis.training.scope_data import DEV_FRESH_FILE
from analysis.training.scope_eval import evaluate_dev

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
#: The issue's targets; reported next to the measured figures, never used to pick anything.
TARGETS = {"macro_f1": 0.80, "in_scope_f1": 0.90}


def section(shared_dir: Path = SHARED_DIR, model_path: Path = DEFAULT_MODEL) -> dict[str, Any]:
    """Gold figures (closed 7-class and open set), model size, load time and throughput."""
    gold_path = shared_dir / GOLD_FILE
    if not gold_path.exists():
        return {"name": "scope", "skipped": f"{gold_path} is absent: the shared datasets live beside the repo"}
    started = time.perf_counter()
    clf = ScopeClassifier.load(model_path)
    load_seconds = time.perf_counter() - started

    closed = evaluate_scope(clf, shared_dir, closed_set=True)
    open_set = evaluate_scope(clf, shared_dir, closed_set=False)

    rows = load_gold(shared_dir)
    texts = [r["留言详情"] for r in rows]
    titles = [r["留言主题"] for r in rows]
    started = time.perf_counter()
    clf.predict_many(texts, titles=titles)
    elapsed = time.perf_counter() - started
    table = [
        {"metric": "accuracy", "closed": closed["accuracy"], "open": open_set["accuracy"], "target": None},
        {
            "metric": "macro_f1",
            "closed": closed["macro_f1"],
            "open": open_set["macro_f1"],
            "target": TARGETS["macro_f1"],
        },
        *(
            {"metric": f"f1 {label}", "closed": closed["per_class_f1"][label], "open": open_set["per_class_f1"][label]}
            | {"target": None}
            for label in GOLD_LABELS
        ),
        *(
            {"metric": f"城乡建设 vs rest {key}", "closed": closed["in_scope"][key], "open": open_set["in_scope"][key]}
            | {"target": TARGETS["in_scope_f1"] if key == "f1" else None}
            for key in ("precision", "recall", "f1")
        ),
    ]
    return {
        "name": "scope",
        "version": clf.version,
        "table": table,
        "n": closed["n"],
        "closed_set": closed,
        "open_set": open_set,
        # our own labelled sets, for comparison with TEST: designs were chosen on ``dev``,
        # ``dev_fresh`` was labelled afterwards and only confirmed the choice
        "dev": evaluate_dev(clf, shared_dir),
        "dev_fresh": evaluate_dev(clf, shared_dir, DEV_FRESH_FILE),
        "targets": TARGETS,
        "meets_targets": closed["macro_f1"] >= TARGETS["macro_f1"]
        and closed["in_scope"]["f1"] >= TARGETS["in_scope_f1"],
        "model_bytes": model_path.stat().st_size,
        "load_seconds": round(load_seconds, 3),
        "messages_per_second": round(len(rows) / elapsed, 1),
        "mean_chars": round(sum(len(t) + len(h) for t, h in zip(texts, titles, strict=True)) / len(rows), 1),
    }


def _pad(text: str, width: int) -> str:
    """Left-justify by display width: a CJK character takes two terminal columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def _table(result: dict[str, Any]) -> str:
    if "skipped" in result:
        return f"scope: skipped — {result['skipped']}"
    closed, open_set = result["closed_set"], result["open_set"]
    lines = [
        f"scope filter {result['version']} on {result['n']} gold rows "
        f"(closed = 7 gold classes only; open = 其他 allowed, counted wrong)",
        f"{_pad('', 27)}{'closed':>9}{'open':>9}",
        f"{_pad('accuracy', 27)}{closed['accuracy']:>9.4f}{open_set['accuracy']:>9.4f}",
        f"{_pad('macro-F1', 27)}{closed['macro_f1']:>9.4f}{open_set['macro_f1']:>9.4f}"
        f"   target {TARGETS['macro_f1']:.2f}",
    ]
    for label in GOLD_LABELS:
        lines.append(
            f"{_pad('  F1 ' + label, 27)}{closed['per_class_f1'][label]:>9.4f}{open_set['per_class_f1'][label]:>9.4f}"
        )
    for key in ("precision", "recall", "f1"):
        target = f"   target {TARGETS['in_scope_f1']:.2f}" if key == "f1" else ""
        row = f"{_pad('城乡建设 vs rest ' + key, 27)}{closed['in_scope'][key]:>9.4f}{open_set['in_scope'][key]:>9.4f}"
        lines.append(row + target)
    lines += [
        f"predicted 其他 (open set): {open_set['predicted_other']}",
        f"model {result['model_bytes'] / 1e6:.2f} MB, load {result['load_seconds']:.3f} s, "
        f"{result['messages_per_second']:.0f} messages/s (mean {result['mean_chars']:.0f} chars)",
        f"meets targets: {result['meets_targets']}",
    ]
    for name in ("dev", "dev_fresh"):
        dev = result[name]["closed"]
        lines.append(
            f"own {name} set (closed, n={dev['n']}): accuracy {dev['accuracy']:.4f}, macro-F1 {dev['macro_f1']:.4f}, "
            f"城乡建设 vs rest F1 {dev['in_scope']['f1']:.4f}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(_table(section()))
