"""TEST figures for any sentiment engine, and the rule that keeps a worse model out.

One function measures every engine (the domain model, the benchmark baseline, snownlp)
on the same TEST parts with the same thresholds, so the figures in
``bench/results/quality.json`` and ``yuqing train`` are comparable. Only TEST parts are
read here; nothing in this module is used for fitting or model selection.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from analysis.training.sentiment_datasets import (
    FUZHOU,
    HOTEL,
    WEIBO_100K,
    WEIBO_TEST,
    data_path,
    read_rows,
    strip_emoticons,
)

FUZHOU_COMPLAINT = ("投诉", "举报")
FUZHOU_ENQUIRY = ("咨询", "建议", "求助")
HEADLINE_METRICS = (
    "weibo2018_test_accuracy",
    "chnsenticorp_test_accuracy",
    "weibo_senti_100k_subset_accuracy",
    "fuzhou_complaint_auc",
)


class Scorer(Protocol):
    def score_many(self, texts: list[str]) -> list[float]: ...


def roc_auc(labels: Sequence[int] | np.ndarray, scores: Sequence[float] | np.ndarray) -> float:
    """Area under the ROC curve (rank formulation, ties averaged); numpy only."""
    y = np.asarray(labels, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    bounds = np.flatnonzero(np.diff(sorted_s)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(s)]])
    for a, b in zip(starts, ends, strict=True):
        ranks[order[a:b]] = (a + b + 1) / 2.0
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def sentiment_test_sets(shared_dir: Path) -> dict[str, tuple[list[str], list[int]]]:
    """The polarity TEST parts as ``name -> (texts, labels)``; absent files are left out."""
    sets: dict[str, tuple[list[str], list[int]]] = {}
    weibo = read_rows(data_path(shared_dir, WEIBO_TEST))
    if weibo:
        sets["weibo2018_test"] = ([r["text"] for r in weibo], [int(r["label"]) for r in weibo])
    hotel = [r for i, r in enumerate(read_rows(data_path(shared_dir, HOTEL))) if i % 5 == 0 and r["review"].strip()]
    if hotel:
        sets["chnsenticorp_test"] = ([r["review"] for r in hotel], [int(r["label"]) for r in hotel])
    senti = read_rows(data_path(shared_dir, WEIBO_100K))
    if senti:
        sets["weibo_senti_100k_subset"] = (
            [strip_emoticons(r["review"]) for r in senti],
            [int(r["label"]) for r in senti],
        )
    return sets


def fuzhou_test_set(shared_dir: Path) -> tuple[list[str], list[str], list[int]]:
    """Fuzhou 12345 appeals: (titles, contents, 1 = 投诉/举报, 0 = 咨询/建议/求助)."""
    rows = [r for r in read_rows(data_path(shared_dir, FUZHOU)) if r["nature"] in FUZHOU_COMPLAINT + FUZHOU_ENQUIRY]
    return (
        [r["title"] for r in rows],
        [r["content"] for r in rows],
        [int(r["nature"] in FUZHOU_COMPLAINT) for r in rows],
    )


def evaluate_sentiment(scorer: Scorer, shared_dir: Path) -> dict[str, Any]:
    """TEST figures for any engine with ``score_many`` (P(positive) in [0, 1]).

    Accuracy uses the 0.5 threshold; AUC uses the score itself. On Fuzhou the
    positive class is *complaint* and the ranking score is the negativity ``1 - score``;
    ``fuzhou_complaint_auc`` scores title + content (what the service sees for a hotline
    record), ``fuzhou_complaint_auc_content`` the body alone (no 投诉/咨询 in a title to lean
    on). Missing datasets give ``None`` and are listed under ``missing``.
    """
    shared_dir = Path(shared_dir)
    report: dict[str, Any] = {"n": {}, "missing": []}
    sets = sentiment_test_sets(shared_dir)
    for name in ("weibo2018_test", "chnsenticorp_test", "weibo_senti_100k_subset"):
        if name not in sets:
            report[f"{name}_accuracy"] = report[f"{name}_auc"] = None
            report["missing"].append(name)
            continue
        texts, labels = sets[name]
        scores = np.asarray(scorer.score_many(texts), dtype=np.float64)
        y = np.asarray(labels)
        report[f"{name}_accuracy"] = round(float(((scores > 0.5) == (y == 1)).mean()), 4)
        report[f"{name}_auc"] = round(roc_auc(y, scores), 4)
        report["n"][name] = len(y)
    titles, contents, labels = fuzhou_test_set(shared_dir)
    if labels:
        joined = [f"{t}\n{c}" for t, c in zip(titles, contents, strict=True)]
        neg_joined = 1.0 - np.asarray(scorer.score_many(joined), dtype=np.float64)
        neg_content = 1.0 - np.asarray(scorer.score_many(contents), dtype=np.float64)
        report["fuzhou_complaint_auc"] = round(roc_auc(labels, neg_joined), 4)
        report["fuzhou_complaint_auc_content"] = round(roc_auc(labels, neg_content), 4)
        report["n"]["fuzhou"] = len(labels)
    else:
        report["fuzhou_complaint_auc"] = report["fuzhou_complaint_auc_content"] = None
        report["missing"].append("fuzhou")
    return report


def regressions(new: dict[str, Any], old: dict[str, Any], tolerance: float = 0.005) -> list[str]:
    """Headline figures where ``new`` is worse than ``old`` by more than ``tolerance``.

    For ``yuqing train``: switch a retrained model on only when this is empty. The
    tolerance absorbs float16 rounding and sampling noise (one weibo2018 TEST row is 0.002).
    """
    worse = []
    for key in HEADLINE_METRICS:
        a, b = new.get(key), old.get(key)
        if a is not None and b is not None and a < b - tolerance:
            worse.append(f"{key}: {b} -> {a}")
    return worse
