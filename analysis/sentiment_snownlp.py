"""The reference sentiment engine: snownlp 0.12.3 itself, imported only when first used.

This is the only module in the project that imports snownlp. snownlp unpickles about
420 MB of model when it is imported, so the import happens inside ``_classify`` on the
first call and never at import time of this module (DESIGN §7.1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import metadata


class SnowNLPSentiment:
    """``SnowNLP(text).sentiments``: the probability that ``text`` is positive.

    ``.sentiments`` is literally ``snownlp.sentiment.classify(doc)``; ``SnowNLP(doc)`` also
    builds a BM25 index that sentiment never reads and that raises ``ZeroDivisionError``
    on ``""``. We call ``classify`` directly, so the score is the same for every non-empty
    text and the empty text gets the model's prior instead of an exception.
    """

    name = "snownlp"

    def __init__(self) -> None:
        self._classify_fn: Callable[[str], float] | None = None

    @property
    def version(self) -> str:
        """The installed snownlp version, read from package metadata (no model load)."""
        return f"snownlp-{metadata.version('snownlp')}"

    @classmethod
    def load(cls) -> SnowNLPSentiment:
        """An engine with the model already in memory, so the first score is not slow."""
        engine = cls()
        engine._classify()
        return engine

    def _classify(self) -> Callable[[str], float]:
        if self._classify_fn is None:
            from snownlp import sentiment

            self._classify_fn = sentiment.classify
        return self._classify_fn

    def score(self, text: str) -> float:
        """Probability that ``text`` is positive, exactly as snownlp computes it."""
        return float(self._classify()(text))

    def score_many(self, texts: Iterable[str]) -> list[float]:
        """Score each text in turn; snownlp has no batch path."""
        classify = self._classify()
        return [float(classify(text)) for text in texts]

    def words(self, text: str) -> list[str]:
        """snownlp's segmentation of ``text`` (``SnowNLP(text).words``), for parity checks."""
        self._classify()
        from snownlp import seg

        return list(seg.seg(text))
