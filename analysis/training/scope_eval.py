"""Scores for the scope classifier: on our own labelled dev set (for choosing designs) and on TEST.

The two are kept in one place so both are computed the same way, and so that it is
obvious which one a caller asks for: ``evaluate_dev`` may guide decisions,
``evaluate_scope`` (the 495 gold rows) only reports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from analysis.scope import GOLD_LABELS, IN_SCOPE, OTHER, ScopeClassifier
from analysis.training.scope_data import DEV_FILE, load_dev, load_gold


# --------------------------------------------------------------------------- metrics
def f1_report(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    """Per-class and macro F1 over ``labels`` (a prediction outside them counts as a miss)."""
    per: dict[str, float] = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        per[label] = round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else 0.0
    return {"macro_f1": round(float(np.mean(list(per.values()))), 4), "per_class_f1": per}


def binary_report(gold: Sequence[str], pred: Sequence[str], positive: str) -> dict[str, float]:
    tp = sum(g == positive and p == positive for g, p in zip(gold, pred, strict=True))
    fp = sum(g != positive and p == positive for g, p in zip(gold, pred, strict=True))
    fn = sum(g == positive and p != positive for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


# --------------------------------------------------------------------------- evaluation on gold (TEST)
def evaluate_scope(clf: ScopeClassifier, shared_dir: Path, *, closed_set: bool = True) -> dict[str, Any]:
    """Macro-F1, per-class F1, 城乡建设-vs-rest P/R/F1 and accuracy on the 495 gold rows.

    ``closed_set`` restricts predictions to the seven gold classes (the sample contains no
    other class); ``closed_set=False`` lets ``其他`` through and counts it as an error,
    which is what the service, asking ``in_scope``, sees.
    """
    gold_rows = load_gold(Path(shared_dir))
    allowed = GOLD_LABELS if closed_set else None
    results = clf.predict_many(
        [r["留言详情"] for r in gold_rows], titles=[r["留言主题"] for r in gold_rows], allowed=allowed
    )
    gold = [r["一级分类"] for r in gold_rows]
    pred = [res.label for res in results]
    return {
        "n": len(gold),
        "closed_set": closed_set,
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4),
        **f1_report(gold, pred, GOLD_LABELS),
        "in_scope": binary_report(gold, pred, IN_SCOPE),
        "predicted_other": sum(p == OTHER for p in pred),
        "version": clf.version,
    }


def evaluate_dev(clf: ScopeClassifier, shared_dir: Path, path: Path = DEV_FILE) -> dict[str, Any]:
    """Our own labelled dev set: the yardstick for choosing between designs (TEST never is).

    ``closed`` mirrors the TEST setting (rows of the seven gold classes, predictions
    restricted to them); ``open`` is the service's question on every row, 其他 included,
    where a message of another remit wrongly called 城乡建设 costs precision.
    """
    rows = load_dev(Path(shared_dir), path)
    closed_rows = [(m, label) for m, label in rows if label in GOLD_LABELS]
    closed_pred = [
        r.label
        for r in clf.predict_many(
            [m.body for m, _ in closed_rows], titles=[m.title for m, _ in closed_rows], allowed=GOLD_LABELS
        )
    ]
    closed_gold = [label for _, label in closed_rows]
    open_pred = [r.label for r in clf.predict_many([m.body for m, _ in rows], titles=[m.title for m, _ in rows])]
    open_gold = [label for _, label in rows]
    return {
        "closed": {
            "n": len(closed_gold),
            "accuracy": round(sum(g == p for g, p in zip(closed_gold, closed_pred, strict=True)) / len(closed_gold), 4),
            **f1_report(closed_gold, closed_pred, GOLD_LABELS),
            "in_scope": binary_report(closed_gold, closed_pred, IN_SCOPE),
        },
        "open": {
            "n": len(open_gold),
            "accuracy": round(sum(g == p for g, p in zip(open_gold, open_pred, strict=True)) / len(open_gold), 4),
            **f1_report(open_gold, open_pred, (*GOLD_LABELS, OTHER)),
            "in_scope": binary_report(open_gold, open_pred, IN_SCOPE),
        },
    }
