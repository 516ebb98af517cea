"""Binary character n-gram naive Bayes fitted from soft, weighted class responsibilities.

Written on numpy alone (COO arrays and ``bincount``) rather than scikit-learn: the fit is
a handful of weighted counts, training must be byte-for-byte deterministic, and the
service must not pull a large dependency in to load a table of weights.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.scope import ngrams
from analysis.training.scope_data import LABELS, Message


# --------------------------------------------------------------------------- features and NB
@dataclass
class Corpus:
    """Documents as a sparse binary matrix in COO form over a fixed vocabulary."""

    vocab: list[str]
    doc: np.ndarray  # (nnz,) document index
    feat: np.ndarray  # (nnz,) vocabulary index
    val: np.ndarray  # (nnz,) 1.0 for a body n-gram, title_weight for a title n-gram
    n_docs: int


def build_vocab(messages: Sequence[Message], min_df: int) -> list[str]:
    """N-grams present in at least ``min_df`` messages, sorted (the order is part of determinism)."""
    df: Counter = Counter()
    for m in messages:
        df.update(ngrams(m.title) | ngrams(m.body))
    return sorted(g for g, c in df.items() if c >= min_df)


def featurise(messages: Sequence[Message], vocab: Sequence[str], title_weight: float) -> Corpus:
    """The exact features ``ScopeClassifier._rows`` computes, for many messages at once."""
    index = {g: i for i, g in enumerate(vocab)}
    docs: list[np.ndarray] = []
    feats: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    for d, m in enumerate(messages):
        found: dict[int, float] = {}
        for g in ngrams(m.title):
            i = index.get(g)
            if i is not None:
                found[i] = title_weight
        for g in ngrams(m.body):
            i = index.get(g)
            if i is not None and i not in found:
                found[i] = 1.0
        feats.append(np.fromiter(found.keys(), dtype=np.int64, count=len(found)))
        vals.append(np.fromiter(found.values(), dtype=np.float64, count=len(found)))
        docs.append(np.full(len(found), d, dtype=np.int64))
    return Corpus(list(vocab), np.concatenate(docs), np.concatenate(feats), np.concatenate(vals), len(messages))


def seed_grams(word: str) -> set[str]:
    """The vocabulary n-grams standing for a lexicon word: itself up to 3 characters, else its 3-grams."""
    if len(word) <= 3:
        return {word}
    return {word[i : i + 3] for i in range(len(word) - 2)}


def seed_distribution(vocab: Sequence[str], lexicon: dict[str, dict[str, str]]) -> np.ndarray:
    """(V, C) "lexicon language model": each class spreads its mass evenly over its seed n-grams."""
    index = {g: i for i, g in enumerate(vocab)}
    dist = np.zeros((len(vocab), len(LABELS)))
    for word, info in lexicon.items():
        for gram in seed_grams(word):
            dist[index[gram], LABELS.index(info["label"])] += 1.0
    return dist / np.maximum(dist.sum(axis=0, keepdims=True), 1.0)


def fit_nb_counts(
    corpus: Corpus,
    resp: np.ndarray,
    doc_weight: np.ndarray,
    alpha: float,
    seed_dist: np.ndarray | None = None,
    pool: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial NB from (soft) class responsibilities ``resp`` (D, C), weighted per document.

    With ``seed_dist``, each class's n-gram distribution is the linear pool
    ``(1 - pool) · P_data + pool · P_lexicon`` (Melville et al. 2009). Why: the data are from
    a southern province where central heating is rare, so 暖气/供暖 occur in a handful of
    messages and plain NB learnt them as 商贸旅游 (a few 物价局 replies about heating fees) —
    for a Tianjin service that is the commonest winter complaint. Pooling keeps what the
    lexicon says true wherever the data are thin.
    """
    w = resp * doc_weight[:, None]
    n_classes = resp.shape[1]
    counts = np.zeros((len(corpus.vocab), n_classes))
    for c in range(n_classes):
        counts[:, c] = np.bincount(corpus.feat, weights=corpus.val * w[corpus.doc, c], minlength=len(corpus.vocab))
    p_data = (counts + alpha) / (counts.sum(axis=0) + alpha * len(corpus.vocab))
    if seed_dist is not None and pool > 0:
        p_data = (1.0 - pool) * p_data + pool * seed_dist
    prior = w.sum(axis=0) + 1.0
    return np.log(p_data), np.log(prior / prior.sum())


def nb_logits(corpus: Corpus, loglik: np.ndarray, logprior: np.ndarray) -> np.ndarray:
    """(D, C) unnormalised log posteriors."""
    out = np.tile(logprior, (corpus.n_docs, 1))
    for c in range(loglik.shape[1]):
        out[:, c] += np.bincount(corpus.doc, weights=corpus.val * loglik[corpus.feat, c], minlength=corpus.n_docs)
    return out


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = logits / temperature
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)
