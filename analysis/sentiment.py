"""Sentiment engines behind one interface, and the three-class label the service shows.

Engines load their models lazily (snownlp loads 420 MB at import), once per process.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Protocol

from analysis.urgency import ASKING, DRILL, HAZARD, crisis_reasons

ENGINES = {
    "snownlp": ("analysis.sentiment_snownlp", "SnowNLPSentiment"),
    "fast": ("analysis.sentiment_fast", "FastSnowSentiment"),
    "domain": ("analysis.sentiment_domain", "DomainSentiment"),
}
NEGATIVE_TYPES = ("投诉", "举报", "求助")
# 其他 is passed for what states facts and asks nothing: a government notice, a drill.
NEUTRAL_TYPES = ("咨询", "建议", "其他")


class SentimentEngine(Protocol):
    name: str
    version: str

    def score(self, text: str) -> float: ...

    def score_many(self, texts: list[str]) -> list[float]: ...


DOMAIN_MODEL_FILE = "sentiment_domain.npz"


def load_engine(name: str, model_dir: Path | None = None) -> SentimentEngine:
    """Load an engine once per process.

    ``model_dir`` (the data folder's ``models/``) holds what a deployment builds or
    trains: the fast engine's table cache, and a domain model that ``yuqing train``
    switched on, which takes precedence over the committed one.
    """
    if name not in ENGINES:
        raise ValueError(f"unknown sentiment engine {name!r}; choose one of {', '.join(ENGINES)}")
    module_name, class_name = ENGINES[name]
    cls = getattr(importlib.import_module(module_name), class_name)
    if name == "fast":
        return cls.load(model_dir)
    if name == "domain":
        trained = model_dir / DOMAIN_MODEL_FILE if model_dir else None
        return cls.load(trained if trained and trained.exists() else None)
    return cls.load()


# An official debunking is neutral news; a crisis or a present hazard (or a rumour of
# one) is negative whatever its request type — the same patterns urgency uses.
DEBUNK = re.compile(r"辟谣|系谣言|纯属谣言|(?<![别又])是谣言|不信谣|不传谣|不实信息|消息不实")
GRIEF = re.compile(r"心酸|寒心|太惨|惨不忍睹|吓死")


def three_class(score: float, request_type: str, text: str = "") -> str:
    """neg / neu / pos for a government-service item.

    A polarity score alone mislabels this domain: review-trained models call a third of
    complaints positive and plain questions anything. The request type carries the
    stance (a complaint, report or plea for help is negative, a thank-you positive, a
    plain question or suggestion neutral). ``text`` adds what the type cannot say: news
    of a crisis or a present hazard (or a rumour of one) is negative, an official
    debunking neutral. The score decides only for an unknown type (any engine's score
    in [0, 1] works).
    """
    if request_type == "表扬":
        return "pos"
    if text and DEBUNK.search(text):
        return "neu"
    if request_type in NEGATIVE_TYPES:
        return "neg"
    if text and (crisis_reasons(text) or GRIEF.search(text)):
        return "neg"
    hazard = text and HAZARD.search(text) and not DRILL.search(text)
    if hazard and not (request_type in NEUTRAL_TYPES and ASKING.search(text)):
        return "neg"
    if request_type in NEUTRAL_TYPES:
        return "neu"
    if score >= 0.7:
        return "pos"
    if score <= 0.3:
        return "neg"
    return "neu"
