"""Fit the domain sentiment model: NB-weighted TF-IDF over hashed n-grams, then L2 logistic regression.

Why this recipe: per-bucket gain = smoothed IDF × |NB log-count ratio|^``nb_power`` (an
NB-SVM-style interpolation: n-grams that separate the classes are stretched before the
linear fit, which helps most where a source is small, like weibo2018), sublinear TF and
L2-normalised rows, exactly as ``analysis.sentiment_domain`` scores them. The featuriser
is the inference one (``hashed_counts``), so a model is never scored with features that
differ from the ones it was fitted on. The Weibo expert and its router
(``fit_expert``) are heads of the same kind over the same counts, so adding them costs
one more pass of the fitter, not a second featuriser.

scikit-learn is needed here (training), never at inference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analysis.sentiment_domain import FORMAT, DomainSentiment, Expert, LinearHead, hashed_counts, write_model
from analysis.training.sentiment_config import TrainConfig
from analysis.training.sentiment_datasets import Row


def count_matrix(texts: Sequence[str], config: TrainConfig) -> Any:
    """Sparse (texts × buckets) count matrix from the inference featuriser, in chunks."""
    import scipy.sparse as sp

    blocks = []
    for start in range(0, len(texts), 5000):
        chunk = texts[start : start + 5000]
        doc, bucket, count = hashed_counts(chunk, config.bits, config.nmax, config.max_chars)
        blocks.append(sp.csr_matrix((count.astype(np.float64), (doc, bucket)), shape=(len(chunk), 1 << config.bits)))
    return sp.vstack(blocks, format="csr")


def fit_head(
    rows: Sequence[Row],
    counts: Any,
    *,
    C: float,
    nb_power: float,
    min_df: int,
    balance: bool,
    max_iter: int,
) -> tuple[np.ndarray, np.ndarray, float]:
    """Fit one head's gains and logistic-regression weights: ``(weight, gain, bias)`` float64.

    A neutral row (target 0.5) enters the fit twice, as 0 and as 1 with half its weight
    each: the loss is then minimised at 0.5, which teaches the model that question
    wording alone is neither praise nor complaint.
    """
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    target = np.array([row.target for row in rows])
    weight = np.array([row.weight for row in rows])
    soft = target == 0.5
    y = np.concatenate([target[~soft], np.zeros(soft.sum()), np.ones(soft.sum())]).astype(np.int64)
    w = np.concatenate([weight[~soft], weight[soft] / 2, weight[soft] / 2])
    order = np.concatenate([np.flatnonzero(~soft), np.flatnonzero(soft), np.flatnonzero(soft)])
    if len(np.unique(y)) < 2:
        raise ValueError("training needs both positive and negative examples")
    if balance:
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
    gain = idf * np.abs(ratio) ** nb_power
    gain[df < min_df] = 0.0
    # The model is scored with float16 gains; fit with the same rounded values.
    gain = gain.astype(np.float16).astype(np.float64)

    features = counts.copy()
    features.data = 1.0 + np.log(features.data)
    features = features @ sp.diags(gain)
    norm = np.sqrt(np.asarray(features.multiply(features).sum(axis=1)).ravel())
    norm[norm == 0] = 1.0
    features = (sp.diags(1.0 / norm) @ features).tocsr()[order]

    model = LogisticRegression(C=C, max_iter=max_iter)
    model.fit(features, y, sample_weight=w)
    return model.coef_.ravel().astype(np.float64), gain, float(model.intercept_[0])


def fit(rows: Sequence[Row], config: TrainConfig, counts: Any = None) -> tuple[np.ndarray, np.ndarray, float]:
    """The general head, fitted on every row: ``(weight, gain, bias)``."""
    if counts is None:
        counts = count_matrix([row.text for row in rows], config)
    return fit_head(
        rows,
        counts,
        C=config.C,
        nb_power=config.nb_power,
        min_df=config.min_df,
        balance=config.balance,
        max_iter=config.max_iter,
    )


def fit_expert(rows: Sequence[Row], config: TrainConfig, counts: Any) -> Expert | None:
    """The Weibo expert (weibo2018 rows only) and its router (Weibo rows vs all others).

    The router is plain TF-IDF (no NB stretch: it separates sources, not sentiment), all
    rows weigh the same and the two sides are balanced, so P(Weibo) is not pulled down
    by Weibo being a tenth of the data. Returns None when there are no Weibo rows.
    """
    weibo = np.array([row.source == "weibo2018_train" for row in rows])
    if not config.weibo_expert or weibo.sum() == 0 or weibo.all():
        return None
    expert_rows = [row for row, is_weibo in zip(rows, weibo, strict=True) if is_weibo]
    head = fit_head(
        expert_rows,
        counts[np.flatnonzero(weibo)],
        C=config.expert_C,
        nb_power=config.expert_nb_power,
        min_df=config.min_df,
        balance=config.balance,
        max_iter=config.max_iter,
    )
    route_rows = [Row(row.text, float(is_weibo), 1.0, row.source) for row, is_weibo in zip(rows, weibo, strict=True)]
    router = fit_head(
        route_rows,
        counts,
        C=config.router_C,
        nb_power=0.0,
        min_df=config.router_min_df,
        balance=True,
        max_iter=config.max_iter,
    )
    return Expert(LinearHead.of(*_rounded(head)), LinearHead.of(*_rounded(router)), config.gate_low, config.gate_high)


def _rounded(head: tuple[np.ndarray, np.ndarray, float]) -> tuple[np.ndarray, np.ndarray, float]:
    """The float16 values the model file will hold, so a dev model scores like a saved one."""
    weight, gain, bias = head
    return weight.astype(np.float16), gain.astype(np.float16), bias


@dataclass(frozen=True)
class FittedModel:
    """Everything one training run produces, before and after it is written to a file."""

    weight: np.ndarray
    gain: np.ndarray
    bias: float
    expert: Expert | None

    def scorer(self, config: TrainConfig) -> DomainSentiment:
        """An in-memory model (for model selection) that scores as the saved file will."""
        weight, gain, bias = _rounded((self.weight, self.gain, self.bias))
        return DomainSentiment(weight, gain, bias, {"bits": config.bits, "nmax": config.nmax}, "dev", self.expert)


def fit_model(rows: Sequence[Row], config: TrainConfig, counts: Any = None) -> FittedModel:
    """General head plus, when configured and possible, the Weibo expert and router."""
    if counts is None:
        counts = count_matrix([row.text for row in rows], config)
    weight, gain, bias = fit(rows, config, counts)
    return FittedModel(weight, gain, bias, fit_expert(rows, config, counts))


def save(out: Path, model: FittedModel, config: TrainConfig, info: dict[str, Any]) -> None:
    """Write the model file: float16 arrays per head, biases and the whole config in ``meta``."""
    meta: dict[str, Any] = {"format": FORMAT, "bias": model.bias, **asdict(config), "training": info}
    arrays = {"weight": model.weight.astype(np.float16), "gain": model.gain.astype(np.float16)}
    if model.expert is not None:
        for name, head in (("weibo", model.expert.head), ("router", model.expert.router)):
            arrays[f"{name}_weight"] = head.weight.astype(np.float16)
            arrays[f"{name}_gain"] = head.gain.astype(np.float16)
            meta[f"{name}_bias"] = head.bias
    write_model(out, arrays, meta)
