"""The domain sentiment engine: hashed character n-grams and one linear model, numpy only.

Why this shape:

* snownlp is a product-review model that calls about a third of real complaints
  "positive" and spends 99.7% of its time segmenting (``reference/performance.md`` §1).
  Character 1-3-grams need no segmenter and carry most of what a word model would
  (``物业``, ``不作为``, ``感谢``), so a linear model over them is both faster and better.
* The n-grams are hashed into a fixed table, so the model file holds a dense ``float16``
  weight array, the per-feature gains (``float16``, or one byte per bucket with
  ``gain_codebook`` in format /2) and a bias: no vocabulary to unpickle, a few MB on disk,
  loaded in well under a second, and it imports nothing but numpy (workers stay light).
  A 2**22 table (format /2 keeps it under 5 MB) collides less than 2**20 and measured
  +0.5-0.7 pt on held-out weibo2018 TRAIN, but on TEST it moved weibo2018 0.896 -> 0.892
  (and ChnSentiCorp 0.893 -> 0.895, Fuzhou AUC 0.848 -> 0.859, weibo_senti_100k 0.670 ->
  0.677), so the committed model stays at 2**20 (``analysis.training.sentiment_config``).
* Scoring is vectorised over a whole batch (hash, ``np.unique``, ``np.bincount``), so it
  runs at thousands of texts per second on one core.

The training side lives in ``analysis.training.sentiment`` and uses exactly the
featuriser below (``hashed_counts``), so a model can never be scored with features that
differ from the ones it was fitted on.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "models" / "sentiment_domain.npz"
FORMAT = "yuqing-sentiment-hashed-ngram/2"  # /2: gains stored as 8-bit log codes
FORMAT_FLOAT16 = "yuqing-sentiment-hashed-ngram/1"  # /1: float16 gains
_FORMATS = (FORMAT_FLOAT16, FORMAT)
GAIN_LOW, GAIN_HIGH, GAIN_LEVELS = 0.05, 25.0, 255

_BOS = "\x02"
_EOS = "\x03"
_URL = re.compile(r"(?:https?://|www\.)\S+")
_DIGIT = re.compile(r"\d")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\u200b-\u200f\u2028-\u202f\u2060\ufeff]")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"\[([^\[\]\s]{1,12})\]")
_TAG_BASE = 0xE000  # Private Use Area: U+E000..U+F7FF never occurs in the texts we score
_TAG_SLOTS = 6144
_WORD = re.compile(r"[^\W_]|[\ue000-\uf7ff]")
_POLY = np.uint64(1000003)
_SALT = np.uint64(0x9E3779B97F4A7C15)
_SHIFT33 = np.uint64(33)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_BATCH = 2000


def _tag_char(match: re.Match[str]) -> str:
    return chr(_TAG_BASE + zlib.crc32(match.group(1).encode("utf-8")) % _TAG_SLOTS)


def normalize(text: str | None, max_chars: int = 3000, tags: bool = False) -> str:
    """Fold the surface variation that carries no sentiment, so n-grams generalise.

    NFKC maps full-width forms to half-width (``？`` → ``?``, ``ＡＢ`` → ``ab``); digits all
    become ``0`` (``3年`` and ``5年`` say the same thing); URLs and zero-width characters
    are dropped. Texts are cut at ``max_chars``: the opening of a long post says whether it
    is a complaint, and the cut bounds the cost of one pathological 9,000-character body.

    With ``tags=True`` each Weibo emoticon tag (``[微笑]``, ``[doge]``) becomes one
    private-use character chosen by a hash of its name, so the tag is a single symbol:
    ``[微笑]`` (sarcasm on Weibo) no longer shares the n-gram ``微笑`` (praise in reviews).
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _CONTROL.sub("", text)
    text = _URL.sub(" ", text)
    if tags:
        text = _TAG.sub(_tag_char, text)
    text = _DIGIT.sub("0", text)
    return _SPACE.sub(" ", text).strip()[:max_chars]


def _fmix64(x: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: spreads the polynomial hash over all bits."""
    x = x ^ (x >> _SHIFT33)
    x = x * _MIX1
    x = x ^ (x >> _SHIFT33)
    x = x * _MIX2
    return x ^ (x >> _SHIFT33)


def hashed_counts(
    texts: Sequence[str],
    bits: int,
    nmax: int,
    max_chars: int = 3000,
    normalized: bool = False,
    tags: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Character 1..``nmax``-gram counts of each text, hashed into ``2**bits`` buckets.

    Returns ``(doc, bucket, count)`` int64 arrays, one row per distinct (text, bucket),
    sorted by text then bucket. Each text is wrapped in start/end markers so that
    ``^请问`` (a question opening) is a feature of its own. The hash is a fixed polynomial
    over code points mixed by MurmurHash3's finaliser and salted by n: it is the same
    in every process and on every machine, unlike Python's ``hash``. Pass
    ``normalized=True`` when the texts already went through ``normalize`` (``tags`` is
    passed on to it otherwise).
    """
    wrapped = [_BOS + (t if normalized else normalize(t, max_chars, tags)) + _EOS for t in texts]
    codes = np.frombuffer("".join(wrapped).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter((len(w) for w in wrapped), dtype=np.int64, count=len(wrapped))
    doc_of = np.repeat(np.arange(len(wrapped), dtype=np.int64), lengths)
    shift = np.uint64(64 - bits)
    docs: list[np.ndarray] = []
    buckets: list[np.ndarray] = []
    with np.errstate(over="ignore"):
        poly = codes
        for n in range(1, nmax + 1):
            if n > 1:
                poly = poly[:-1] * _POLY + codes[n - 1 :]
            valid = doc_of[: len(poly)] == doc_of[n - 1 :]
            if n == 1:
                valid &= codes > 3  # the markers alone say nothing
            mixed = _fmix64(poly[valid] + np.uint64(n) * _SALT)
            docs.append(doc_of[: len(poly)][valid])
            buckets.append((mixed >> shift).astype(np.int64))
    key = np.concatenate(docs) << np.int64(bits) | np.concatenate(buckets)
    uniq, counts = np.unique(key, return_counts=True)
    return uniq >> np.int64(bits), uniq & np.int64((1 << bits) - 1), counts.astype(np.int64)


def gain_codebook() -> np.ndarray:
    """Gain of each 8-bit code: 0 for an unused bucket, then 255 log-spaced steps (±1.2%).

    Gains (IDF × NB ratio) span 0.07-20 and only their rough size matters, so one byte
    per bucket holds them; the fit uses the decoded values, so nothing is lost at scoring.
    With 2**22 buckets this halves the gain array on disk and keeps the file a few MB.
    """
    return np.concatenate([[0.0], np.geomspace(GAIN_LOW, GAIN_HIGH, GAIN_LEVELS)]).astype(np.float32)


def encode_gain(gain: np.ndarray) -> np.ndarray:
    """The nearest (in log) code of each gain; 0 stays 0."""
    logs = np.log(gain_codebook()[1:].astype(np.float64))
    mids = (logs[1:] + logs[:-1]) / 2
    with np.errstate(divide="ignore"):
        codes = np.searchsorted(mids, np.log(np.clip(gain, GAIN_LOW, GAIN_HIGH))) + 1
    return np.where(gain > 0, codes, 0).astype(np.uint8)


def write_model(path: Path, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
    """Write arrays + JSON metadata as an ``.npz`` whose bytes depend only on the content.

    ``np.savez`` stamps the current time into each zip entry, so the same model would
    get a new file hash (and a new ``version``) on every rebuild. Fixed timestamps make
    a rebuild from the same data byte-identical.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue(), compresslevel=9)
        info = zipfile.ZipInfo("meta.json", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, json.dumps(meta, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    tmp.replace(path)


class DomainSentiment:
    """P(positive) for Chinese public-opinion text, tuned for housing/construction complaints.

    Three-class thresholds (``label``). Training gives plain enquiries (咨询/请问/何时/能否…,
    from weakly labelled government messages and hand-written seed questions) a soft 0.5
    target, complaints 0 and praise 1, so a question with no polar words lands in the
    middle and a grievance near 0. The band is not symmetric because the two sides fail
    differently:

    * ``score < NEG_BELOW`` (0.25) → ``"neg"``. On held-out TRAIN government messages
      (``select_config``), 94% of complaint bodies fall below it, while enquiry bodies,
      which often describe the problem they ask about, come out 70% neu / 26% neg /
      4% pos. A lower cut lets short real grievances ("开发商延期交房一年多…", ~0.22)
      through as neutral; a higher one floods ``neg`` with questions.
    * ``score > POS_ABOVE`` (0.7) → ``"pos"``. Review-trained n-grams make some topic words
      positive (供暖, 补贴, 政策), so a neutral question about them can reach ~0.7; thanks
      and praise of a service score 0.73-0.99. 0.7 is also the cut of
      ``analysis.sentiment.three_class``.
    * otherwise ``"neu"``.

    For ranking use ``score`` itself (e.g. ``1 - score`` as negativity), not the label.
    """

    name = "domain"
    NEG_BELOW = 0.25
    POS_ABOVE = 0.7

    def __init__(
        self,
        weight: np.ndarray,
        gain: np.ndarray,
        bias: float,
        meta: dict[str, Any],
        version: str,
    ) -> None:
        self._weight = weight.astype(np.float32)
        self._gain = gain.astype(np.float32)
        self._bias = float(bias)
        self.meta = meta
        self.version = version
        self._bits = int(meta["bits"])
        self._nmax = int(meta["nmax"])
        self._max_chars = int(meta.get("max_chars", 3000))
        self._tags = bool(meta.get("tags", False))

    @classmethod
    def load(cls, path: str | Path | None = None) -> DomainSentiment:
        """Load a model file (default: the committed one next to this module).

        The version is ``domain-`` plus the first 8 hex digits of the file's SHA-256, so
        stored analyses name exactly the model that produced them, and a retrained model
        with identical content keeps its version.
        """
        model_path = Path(path) if path is not None else DEFAULT_MODEL_PATH
        raw = model_path.read_bytes()
        version = f"domain-{hashlib.sha256(raw).hexdigest()[:8]}"
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            meta = json.loads(archive.read("meta.json").decode("utf-8"))
            if meta.get("format") not in _FORMATS:
                raise ValueError(f"{model_path}: unknown model format {meta.get('format')!r}")

            def read(name: str) -> np.ndarray:
                return np.lib.format.read_array(io.BytesIO(archive.read(f"{name}.npy")), allow_pickle=False)

            weight = read("weight")
            if "gain_code.npy" in archive.namelist():
                gain = read("gain_book").astype(np.float32)[read("gain_code")]
            else:
                gain = read("gain")
        if weight.shape != (1 << int(meta["bits"]),) or gain.shape != weight.shape:
            raise ValueError(f"{model_path}: arrays do not match bits={meta['bits']}")
        return cls(weight, gain, float(meta["bias"]), meta, version)

    def score(self, text: str) -> float:
        """Probability that ``text`` is positive (0.5 when it has no usable characters)."""
        return self.score_many([text])[0]

    def score_many(self, texts: Iterable[str]) -> list[float]:
        """Score many texts at once; batching is what makes the numpy path fast."""
        items = [t or "" for t in texts]
        out = np.empty(len(items), dtype=np.float64)
        for start in range(0, len(items), _BATCH):
            out[start : start + _BATCH] = self._score_batch(items[start : start + _BATCH])
        return out.tolist()

    def _score_batch(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.empty(0)
        clean = [normalize(t, self._max_chars, self._tags) for t in texts]
        doc, bucket, count = hashed_counts(clean, self._bits, self._nmax, normalized=True)
        value = (1.0 + np.log(count)) * self._gain[bucket]
        norm = np.sqrt(np.bincount(doc, weights=value * value, minlength=len(texts)))
        dot = np.bincount(doc, weights=value * self._weight[bucket], minlength=len(texts))
        # No usable text, or only n-grams never seen in training: no evidence either way.
        known = (norm > 0) & np.fromiter((_WORD.search(c) is not None for c in clean), dtype=bool, count=len(clean))
        logit = np.full(len(texts), np.nan)
        logit[known] = dot[known] / norm[known] + self._bias
        prob = np.full(len(texts), 0.5)
        prob[known] = 1.0 / (1.0 + np.exp(-logit[known]))
        return prob

    def label(self, score: float) -> str:
        """``"neg"`` / ``"neu"`` / ``"pos"`` from a score, with the neutral band above."""
        if score < self.NEG_BELOW:
            return "neg"
        if score > self.POS_ABOVE:
            return "pos"
        return "neu"
