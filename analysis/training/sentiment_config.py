"""Hyper-parameters of the domain sentiment model, with the reason for each default.

Kept apart from the fitting code because the data side reads the per-source weights
and the model file records the whole config (``meta.json``): a model can always be
traced back to the exact settings that built it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TrainConfig:
    """Hyper-parameters; defaults are the ones ``select_config`` picked on TRAIN."""

    bits: int = 20  # 2**20 hashed buckets: two float16 arrays of 2 MB each before zip
    nmax: int = 3  # char 1-3-grams; 1-4 did not help on the TRAIN holdout
    max_chars: int = 3000
    min_df: int = 2  # buckets seen in one training text only are dropped (noise, size)
    C: float = 4.0
    nb_power: float = 0.5  # gain = idf * |NB log-count ratio| ** nb_power; 0 = plain TF-IDF
    weibo_weight: float = 3.0  # weibo2018 is 10k rows among ~90k reviews; Weibo is a real source
    gov_weight: float = 3.0  # weakly labelled government message bodies
    extra_weight: float = 5.0  # officers' corrections: in-domain gold
    seed_weight: float = 3.0  # each hand-written seed sentence
    balance: bool = True  # equal total weight for positive and negative rows
    title_weight: float = 1.0  # a weakly labelled title on its own: short texts like the questions users type
    max_iter: int = 3000
