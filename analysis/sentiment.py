"""Sentiment engines behind one interface, and the three-class label the service shows.

Engines load their models lazily (snownlp loads 420 MB at import), once per process.
"""

from __future__ import annotations

import importlib
from typing import Protocol

ENGINES = {
    "snownlp": ("analysis.sentiment_snownlp", "SnowNLPSentiment"),
    "fast": ("analysis.sentiment_fast", "FastSnowSentiment"),
    "domain": ("analysis.sentiment_domain", "DomainSentiment"),
}
NEGATIVE_TYPES = ("投诉", "举报", "求助")
NEUTRAL_TYPES = ("咨询", "建议")


class SentimentEngine(Protocol):
    name: str
    version: str

    def score(self, text: str) -> float: ...

    def score_many(self, texts: list[str]) -> list[float]: ...


def load_engine(name: str) -> SentimentEngine:
    if name not in ENGINES:
        raise ValueError(f"unknown sentiment engine {name!r}; choose one of {', '.join(ENGINES)}")
    module_name, class_name = ENGINES[name]
    cls = getattr(importlib.import_module(module_name), class_name)
    loader = getattr(cls, "load", None)
    return loader() if callable(loader) else cls()


def three_class(score: float, request_type: str) -> str:
    """neg / neu / pos for a government-service item.

    A polarity score alone mislabels this domain: review-trained models call a third of
    complaints positive and plain questions anything. The request type carries the
    stance (a complaint is negative, a thank-you positive); the score decides only when
    it is confident against that prior.
    """
    if request_type == "表扬":
        return "pos"
    if request_type in NEGATIVE_TYPES:
        return "neg"
    if request_type in NEUTRAL_TYPES:
        return "neu"
    if score >= 0.7:
        return "pos"
    if score <= 0.3:
        return "neg"
    return "neu"
