"""snownlp's sentiment, bit for bit, at a small fraction of its time and memory.

snownlp 0.12.3 spends 99.7% of ``SnowNLP(t).sentiments`` in a second-order character HMM
segmenter built from Python dictionary look-ups on ``(char, tag)`` tuples
(reference/performance.md §2). This engine reads the *same* model files from the
installed package, without importing snownlp (whose import loads 420 MB), and redoes it:

* Every score ``log_prob`` can return is precomputed once per model entry, bit-identical,
  in integer-keyed hash tables (``snowseg_tables``).
* The Viterbi runs over those tables with 16 states ``(previous tag, tag)`` per character,
  breaking ties the way snownlp's list order and ``>`` do and copying its quirk for
  characters the model has never seen. A batch goes through numpy, every run at once
  (``snowseg_numpy``); a few short runs go through plain Python (``snowseg_python``),
  because numpy's fixed cost per call is larger than their whole Viterbi.
* Stop words and naive Bayes are replayed in Python, in snownlp's order of additions.

The tables take ~6 s to build from the marshal files (~600 MB transient), so they are
cached as an ``.npz`` named by a hash of those files; a cached load takes ~0.1 s and the
engine then holds ~60 MB.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from analysis import snowseg_tables
from analysis.snowseg_numpy import viterbi
from analysis.snowseg_python import ShortViterbi
from analysis.snowseg_tables import CJK_FIRST, SegTables, read_marshal, snownlp_dir

FORMAT = 3  # in the version string: bump when the engine's output could change
_RE_ZH = re.compile("([\u4e00-\u9fa5]+)")  # snownlp.seg's splitter, verbatim
_CHUNK_CHARS = 1 << 15  # characters per numpy batch: bounds the 512 B/char score table
SHORT_CHARS = 64  # up to this many Chinese characters per call the Python Viterbi is faster
# (measured: Python pays ~2.5 µs a character, numpy ~60 µs a call plus ~3 µs a step)
DEFAULT_CACHE_DIR = Path("var") / "models"  # <data_dir>/models for the default data_dir ./var


def segment_runs(t: SegTables, runs: list[str]) -> tuple[list[str], list[int]]:
    """Words of each Chinese run, flattened; run ``i``'s words are ``offsets[i]:offsets[i+1]``."""
    words: list[str] = []
    offsets = [0]
    i = 0
    while i < len(runs):
        j, size = i + 1, len(runs[i])
        while j < len(runs) and size + len(runs[j]) <= _CHUNK_CHARS:
            size += len(runs[j])
            j += 1
        text = "".join(runs[i:j])
        lengths = np.fromiter(map(len, runs[i:j]), dtype=np.int64, count=j - i)
        starts = np.cumsum(lengths) - lengths
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        tags = viterbi(t, t.cp2id[cps - CJK_FIRST], starts, lengths)
        begin = (tags == 0) | (tags == 3)  # Seg.seg: a word starts at 'b' or 's',
        begin[1:] |= tags[:-1] == 2  # after an 'e', and at the start of a run
        begin[starts] = True
        bounds = np.flatnonzero(begin)
        offsets.extend((np.searchsorted(bounds, starts[1:]) + len(words)).tolist())
        words.extend([text[x:y] for x, y in itertools.pairwise([*bounds.tolist(), len(text)])])
        offsets.append(len(words))
        i = j
    return words, offsets


@dataclass(frozen=True)
class BayesTables:
    """snownlp's sentiment naive Bayes with every ``log(freq(word))`` precomputed.

    ``word_logs[w]`` is ``(log P(w|neg), log P(w|pos))`` in the model's class order, or
    ``None`` for a stop word (snownlp drops those before classifying).
    """

    classes: tuple[str, ...]
    prior: tuple[float, ...]
    unknown: tuple[float, ...]
    word_logs: dict[str, tuple[float, ...] | None]

    @classmethod
    def build(cls, model: dict[str, Any], stop_words: set[str]) -> BayesTables:
        classes = tuple(model["d"])
        if len(classes) != 2:
            raise ValueError(f"expected a two-class sentiment model, got {classes!r}")
        probs = [model["d"][k] for k in classes]
        logs: dict[str, tuple[float, ...] | None] = {
            w: tuple(math.log(float(p["d"].get(w, p["none"])) / p["total"]) for p in probs)
            for w in set().union(*(p["d"] for p in probs))
        }
        logs.update(dict.fromkeys(stop_words))
        return cls(
            classes=classes,
            prior=tuple(math.log(p["total"]) - math.log(model["total"]) for p in probs),
            unknown=tuple(math.log(float(p["none"]) / p["total"]) for p in probs),
            word_logs=logs,
        )

    def positive(self, words: Iterable[str]) -> float:
        """``Sentiment.classify``: the same additions in the same order, same exp/overflow."""
        get, unknown = self.word_logs.get, self.unknown
        neg, pos = self.prior
        for word in words:
            v = get(word, unknown)
            if v is not None:
                neg += v[0]
                pos += v[1]
        tmp = (neg, pos)
        ret, prob = None, 0.0
        for k in (0, 1):
            try:
                now = 1 / (0 + math.exp(tmp[0] - tmp[k]) + math.exp(tmp[1] - tmp[k]))
            except OverflowError:
                now = 0
            if now > prob:
                ret, prob = k, now
        return float(prob) if ret is not None and self.classes[ret] == "pos" else float(1 - prob)


class FastSnowSentiment:
    """The same scores as ``SnowNLP(text).sentiments``, bit for bit, far faster and leaner.

    Get one with ``FastSnowSentiment.load(cache_dir)``; nothing is loaded at import time.
    """

    name = "snownlp-fast"

    def __init__(self, seg: SegTables, bayes: BayesTables, version: str) -> None:
        self.seg, self.bayes, self.version = seg, bayes, version
        self.short = ShortViterbi(seg)
        self.short_chars = SHORT_CHARS  # an attribute so tests can send any input either way

    @classmethod
    def load(cls, cache_dir: Path | str | None = None) -> FastSnowSentiment:
        """Read the tables from ``cache_dir``, or build them from snownlp's files (~6 s).

        A build is saved as ``snownlp-seg-<hash>.npz``, the hash covering the model file and
        the builder's source (``snowseg_tables``), so neither an upgraded snownlp nor an
        edited builder meets a stale cache. Pass ``settings.data_dir / "models"``; the default is that folder for
        the default data folder. An unwritable folder only costs a build at every load.
        """
        root = snownlp_dir()
        seg_file = root / "seg" / "seg.marshal.3"
        digest = hashlib.sha256(Path(snowseg_tables.__file__).read_bytes() + seg_file.read_bytes()).hexdigest()
        cache = Path(cache_dir if cache_dir is not None else DEFAULT_CACHE_DIR) / f"snownlp-seg-{digest[:16]}.npz"
        if cache.is_file():
            seg = SegTables.read(cache)
        else:
            seg = SegTables.build(read_marshal(seg_file))
            with contextlib.suppress(OSError):
                cache.parent.mkdir(parents=True, exist_ok=True)
                seg.save(cache)
        stop_words = {w.strip() for w in (root / "normal" / "stopwords.txt").read_text("utf-8").splitlines()}
        bayes = BayesTables.build(read_marshal(root / "sentiment" / "sentiment.marshal.3"), stop_words)
        return cls(seg, bayes, f"snownlp-{metadata.version('snownlp')}-fast{FORMAT}")

    def score(self, text: str) -> float:
        """Probability that ``text`` is positive, identical to snownlp's."""
        return self.bayes.positive(self._words([text])[0])

    def score_many(self, texts: Iterable[str]) -> list[float]:
        """Score a batch: one numpy Viterbi serves every run of every text, so batch.

        Calls with at most ``SHORT_CHARS`` Chinese characters in all take the Python Viterbi
        instead; both give the same words.
        """
        positive = self.bayes.positive
        return [positive(words) for words in self._words(list(texts))]

    def words(self, text: str) -> list[str]:
        """snownlp's ``SnowNLP(text).words``."""
        return self._words([text])[0]

    def words_many(self, texts: Iterable[str]) -> list[list[str]]:
        return self._words(list(texts))

    def _words(self, texts: list[str]) -> list[list[str]]:
        """Per text, ``snownlp.seg.seg``: Chinese runs through the HMM, the rest on spaces."""
        pieces = [_RE_ZH.split(text) for text in texts]
        runs = [run for parts in pieces for run in parts[1::2]]
        if sum(map(len, runs)) <= self.short_chars:
            words, offsets = self.short.segment(runs)
        else:
            words, offsets = segment_runs(self.seg, runs)
        out, run = [], 0
        for parts in pieces:
            out.append(_text_words(parts, words, offsets, run))
            run += len(parts) // 2
        return out


def _text_words(parts: list[str], words: list[str], offsets: list[int], run: int) -> list[str]:
    """Odd pieces of the split are Chinese runs. snownlp strips the others and keeps each
    stripped non-empty piece of ``str.split()``, which is just ``str.split()``."""
    out: list[str] = []
    for i, part in enumerate(parts):
        if i & 1:
            out += words[offsets[run] : offsets[run + 1]]
            run += 1
        else:
            out += part.split()
    return out
