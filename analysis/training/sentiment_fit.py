"""Fit the domain sentiment model: NB-weighted TF-IDF over hashed n-grams, then L2 logistic regression.

Why this recipe: per-bucket gain = smoothed IDF × |NB log-count ratio|^``nb_power`` (an
NB-SVM-style interpolation: n-grams that separate the classes are stretched before the
linear fit, which helps most where a source is small, like weibo2018), sublinear TF and
L2-normalised rows, exactly as ``analysis.sentiment_domain`` scores them. The featuriser
is the inference one (``hashed_counts``), so a model is never scored with features that
differ from the ones it was fitted on.

scikit-learn is needed here (training), never at inference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from analysis.sentiment_domain import FORMAT, FORMAT_FLOAT16, encode_gain, gain_codebook, hashed_counts, write_model
from analysis.training.sentiment_config import TrainConfig
from analysis.training.sentiment_datasets import Row


def count_matrix(texts: Sequence[str], config: TrainConfig) -> Any:
    """Sparse (texts × buckets) count matrix from the inference featuriser, in chunks."""
    import scipy.sparse as sp

    blocks = []
    for start in range(0, len(texts), 5000):
        chunk = texts[start : start + 5000]
        doc, bucket, count = hashed_counts(chunk, config.bits, config.nmax, config.max_chars, tags=config.tags)
        blocks.append(sp.csr_matrix((count.astype(np.float64), (doc, bucket)), shape=(len(chunk), 1 << config.bits)))
    return sp.vstack(blocks, format="csr")


def fit(rows: Sequence[Row], config: TrainConfig, counts: Any = None) -> tuple[np.ndarray, np.ndarray, float]:
    """Fit gains and logistic-regression weights; returns ``(weight, gain, bias)`` float64.

    A neutral row (target 0.5) enters the fit twice, as 0 and as 1 with half its weight
    each: the loss is then minimised at 0.5, which teaches the model that question
    wording alone is neither praise nor complaint.
    """
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    if counts is None:
        counts = count_matrix([row.text for row in rows], config)
    target = np.array([row.target for row in rows])
    weight = np.array([row.weight for row in rows])
    soft = target == 0.5
    y = np.concatenate([target[~soft], np.zeros(soft.sum()), np.ones(soft.sum())]).astype(np.int64)
    w = np.concatenate([weight[~soft], weight[soft] / 2, weight[soft] / 2])
    order = np.concatenate([np.flatnonzero(~soft), np.flatnonzero(soft), np.flatnonzero(soft)])
    if len(np.unique(y)) < 2:
        raise ValueError("training needs both positive and negative examples")
    if config.balance:
        # Equal total weight per class puts the intercept near 0, so a text with no
        # polar words (a plain question) sits near 0.5 without its question words
        # having to carry a positive weight that then leaks into "question + 供暖".
        hard = np.arange(len(y)) < (~soft).sum()
        for cls in (0, 1):
            mask = hard & (y == cls)
            other = hard & (y != cls)
            if w[mask].sum() > w[other].sum():
                w[mask] *= w[other].sum() / w[mask].sum()

    present = counts.copy()
    present.data[:] = 1.0
    df = np.asarray(present.sum(axis=0)).ravel()
    idf = np.log((1.0 + counts.shape[0]) / (1.0 + df)) + 1.0
    pos_mass = 1.0 + present[order[y == 1]].T @ w[y == 1]
    neg_mass = 1.0 + present[order[y == 0]].T @ w[y == 0]
    ratio = np.log((pos_mass / pos_mass.sum()) / (neg_mass / neg_mass.sum()))
    gain = idf * np.abs(ratio) ** config.nb_power
    gain[df < config.min_df] = 0.0
    # The model is scored with the stored (8-bit coded or float16) gains; fit with the same values.
    if config.gain_codes:
        gain = gain_codebook()[encode_gain(gain)].astype(np.float64)
    else:
        gain = gain.astype(np.float16).astype(np.float64)

    features = counts.copy()
    features.data = 1.0 + np.log(features.data)
    features = features @ sp.diags(gain)
    norm = np.sqrt(np.asarray(features.multiply(features).sum(axis=1)).ravel())
    norm[norm == 0] = 1.0
    features = (sp.diags(1.0 / norm) @ features).tocsr()[order]

    model = LogisticRegression(C=config.C, max_iter=config.max_iter)
    model.fit(features, y, sample_weight=w)
    return model.coef_.ravel().astype(np.float64), gain, float(model.intercept_[0])


def save(
    out: Path, weight: np.ndarray, gain: np.ndarray, bias: float, config: TrainConfig, info: dict[str, Any]
) -> None:
    settings = asdict(config)
    arrays: dict[str, np.ndarray] = {"weight": weight.astype(np.float16)}
    if settings.pop("gain_codes"):
        arrays.update(gain_code=encode_gain(gain), gain_book=gain_codebook())
        meta = {"format": FORMAT, "bias": bias, **settings, "gain_codes": True, "training": info}
    else:  # the float16 layout of format /1: a rebuild of a /1 model stays byte-identical
        arrays["gain"] = gain.astype(np.float16)
        meta = {"format": FORMAT_FLOAT16, "bias": bias, **settings, "training": info}
    if not settings["tags"]:
        meta.pop("tags")  # likewise: an untouched setting adds nothing to meta.json
    write_model(out, arrays, meta)
