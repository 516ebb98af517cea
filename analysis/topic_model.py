"""Small character n-gram softmax classifiers: the topic model and the stance model.

Why models beside the rules: keyword rules miss texts that never use the key word
(阶梯水价, 房本, 一分钱没拿到) and cannot break a tie between two topics both named in a
text; and a Weibo complaint often carries no complaint word at all (温乎乎的跟没开一样,
一分没见). Both models are trained by ``python -m analysis.training.topics``:

* the topic model (16 first-level topics) on the rules' confident decisions over
  thousands of unlabelled government-board messages plus the dev TRAIN lines;
* the stance model (complaint / consult / suggest) on the same board messages labelled
  by their own titles (投诉… / 咨询… / 建议…), bodies only, plus the dev TRAIN lines.

Inference needs numpy only: a model file holds the n-gram vocabulary, a float16 weight
matrix and the biases, gzip-compressed JSON written byte-for-byte reproducibly.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MODELS = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODELS / "topic_ngram_lr.json.gz"
STANCE_PATH = MODELS / "stance_ngram_lr.json.gz"
CRISIS_PATH = MODELS / "crisis_ngram_lr.json.gz"
# P(crisis) at which the pipeline suspects a crisis the patterns missed; chosen
# leave-one-batch-out on our blind batches (analysis/training/crisis.py --lobo).
CRISIS_THRESHOLD = 0.6
FORMAT = 1
NGRAMS = (1, 2, 3)
MAX_CHARS = 600  # long letters state their matter early; the tail adds noise and time
_DROP = re.compile(r"[^\u4e00-\u9fa5A-Za-z0-9]+")
_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """Keep Chinese, letters and digits (digits collapse to 0): punctuation carries no topic."""
    return _DIGITS.sub("0", _DROP.sub("", text.lower()))


def ngrams(text: str) -> list[str]:
    """Distinct character n-grams of the normalised text, in first-seen order."""
    flat = normalise(text)[:MAX_CHARS]
    seen: dict[str, None] = {}
    for n in NGRAMS:
        for i in range(len(flat) - n + 1):
            seen.setdefault(flat[i : i + n], None)
    return list(seen)


def encode(payload: dict[str, Any], weights: np.ndarray, bias: np.ndarray) -> bytes:
    """The model file's bytes: the same inputs always give the same bytes (mtime=0)."""
    body = dict(payload)
    body["format"] = FORMAT
    body["shape"] = list(weights.shape)
    body["weights"] = base64.b64encode(weights.astype("<f2").tobytes()).decode("ascii")
    body["bias"] = [round(float(b), 5) for b in bias]
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return gzip.compress(raw, compresslevel=9, mtime=0)


@dataclass(frozen=True)
class NgramModel:
    classes: tuple[str, ...]
    vocab: dict[str, int]
    weights: np.ndarray  # (features, classes) float32
    bias: np.ndarray  # (classes,)
    version: str

    @classmethod
    def load(cls, path: Path | None = None) -> NgramModel:
        """Read a model file (the topic model by default); the version is a hash of its bytes."""
        data = (path or MODEL_PATH).read_bytes()
        body = json.loads(gzip.decompress(data))
        if body.get("format") != FORMAT:
            raise ValueError(f"topic model format {body.get('format')!r}, expected {FORMAT}: retrain it")
        shape = tuple(body["shape"])
        weights = np.frombuffer(base64.b64decode(body["weights"]), dtype="<f2").reshape(shape).astype(np.float32)
        vocab = {gram: i for i, gram in enumerate(body["vocab"])}
        return cls(
            tuple(body["classes"]),
            vocab,
            weights,
            np.asarray(body["bias"], dtype=np.float32),
            f"{body.get('name', 'topic')}-lr-" + hashlib.sha256(data).hexdigest()[:8],
        )

    def _known(self, text: str) -> tuple[list[str], np.ndarray]:
        grams = [g for g in ngrams(text) if g in self.vocab]
        return grams, np.fromiter((self.vocab[g] for g in grams), dtype=np.int64, count=len(grams))

    def _logits(self, idx: np.ndarray) -> np.ndarray:
        if idx.size == 0:
            return self.bias.copy()
        return self.bias + self.weights[idx].sum(axis=0) / np.sqrt(idx.size)

    def proba(self, text: str) -> dict[str, float]:
        """Probability of each class for ``text`` (softmax over the classes)."""
        logits = self._logits(self._known(text)[1])
        exp = np.exp(logits - logits.max())
        probs = exp / exp.sum()
        return {name: float(p) for name, p in zip(self.classes, probs, strict=True)}

    def explain(self, text: str, topic: str, k: int = 5) -> tuple[str, ...]:
        """The n-grams of ``text`` that pushed hardest towards class ``topic`` (for ``hits``)."""
        if topic not in self.classes:
            return ()
        grams, idx = self._known(text)
        if idx.size == 0:
            return ()
        column = self.classes.index(topic)
        push = self.weights[idx, column] - self.weights[idx].mean(axis=1)
        order = np.argsort(-push, kind="stable")[:k]
        return tuple(grams[int(o)] for o in order if push[o] > 0)
