"""snownlp's segmentation model re-keyed to integer ids, with every ``log_prob`` precomputed.

snownlp's HMM looks up ``(char, tag)`` tuples in Python dictionaries; rebuilding those
look-ups as integer-keyed arrays is what lets both Viterbi paths skip them. The values are
computed with the same IEEE operations in the same order and ``math.log``, so each one is
bit-identical to what snownlp's ``log_prob`` returns. Building takes ~6 s, so the
tables are cached as ``.npz`` (see ``FastSnowSentiment.load``).
"""

from __future__ import annotations

import contextlib
import gzip
import marshal
import math
import os
from dataclasses import dataclass, fields
from importlib import util
from pathlib import Path
from typing import Any

import numpy as np

CJK_FIRST, CJK_LAST = 0x4E00, 0x9FA5  # snownlp.seg's Chinese range
NEG_INF = float("-inf")
_BOS = 4  # tag index of snownlp's ("", "BOS"): it stands for any of the 4 tag slots
MULT = 0x9E3779B97F4A7C15  # Fibonacci hashing spreads the packed-id keys
_MULT = np.uint64(MULT)
_WINDOW = np.arange(64)  # widest bucket window allowed (the model needs about 10)


def snownlp_dir() -> Path:
    """The installed snownlp package folder, found without importing (and loading) it."""
    spec = util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("snownlp is not installed; its model files are needed")
    return Path(next(iter(spec.submodule_search_locations)))


def read_marshal(path: Path) -> Any:
    """Load a snownlp ``.marshal.3`` file the way snownlp does: gzip, else plain."""
    raw = path.read_bytes()
    with contextlib.suppress(OSError):
        raw = gzip.decompress(raw)
    return marshal.loads(raw)  # noqa: S302 - the installed package's own model file


def hash_bucket(keys: np.ndarray, bits: int) -> np.ndarray:
    return (keys.view(np.uint64) * _MULT) >> np.uint64(64 - bits)


@dataclass(frozen=True)
class KeyTable:
    """Model entries grouped by an integer key, found with one hash-bucket probe.

    ``keys`` is ordered by bucket (top bits of ``key * _MULT``) and bucket ``b`` starts at
    ``buckets[b]``. Keys are unique and sit only in their own bucket, so comparing a fixed
    window of keys from that start needs no bounds check (``keys`` ends with padding):
    one or two cache misses per query where ``searchsorted`` pays ~20. The key at
    ``keys[g]`` owns entries ``off[g]:off[g+1]`` of ``code`` (tag slots) and ``val``.
    """

    keys: np.ndarray
    buckets: np.ndarray
    off: np.ndarray
    code: np.ndarray
    val: np.ndarray

    @classmethod
    def build(cls, key: np.ndarray, code: np.ndarray, val: np.ndarray) -> KeyTable:
        uniq, group = np.unique(key, return_inverse=True)
        bits = max(1, (len(uniq) - 1).bit_length())
        bucket = hash_bucket(uniq, bits).astype(np.int64)
        perm = np.lexsort((uniq, bucket))
        rank = np.empty_like(perm)
        rank[perm] = np.arange(len(perm))
        group = rank[group]
        counts = np.bincount(bucket, minlength=1 << bits)
        if counts.max() > len(_WINDOW):
            raise ValueError(f"hash bucket of {counts.max()} keys; widen _WINDOW")
        order = np.argsort(group, kind="stable")
        return cls(
            keys=np.concatenate((uniq[perm], np.full(int(counts.max()), -1, dtype=np.int64))),
            buckets=np.concatenate(([0], np.cumsum(counts))).astype(np.int32),
            off=np.concatenate(([0], np.cumsum(np.bincount(group)))).astype(np.int32),
            code=code[order].astype(np.uint8),
            val=val[order],
        )

    def entries(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(query position, entry index) for every model entry whose key is queried."""
        width = len(self.keys) - int(self.buckets[-1])
        start = self.buckets[hash_bucket(query, (len(self.buckets) - 1).bit_length() - 1)]
        window = self.keys[start[:, None] + _WINDOW[:width]]
        hit, at = np.divmod(np.flatnonzero(window == query[:, None]), width)
        group = start[hit] + at
        first = self.off[group]
        counts = self.off[group + 1] - first
        rows = np.repeat(hit, counts)
        return rows, np.arange(len(rows)) + np.repeat(first - np.cumsum(counts) + counts, counts)


@dataclass(frozen=True)
class SegTables:
    """The segmentation model re-keyed to integer character ids.

    Id 0 is BOS and ``n_chars - 1`` "unknown"; ``cp2id`` maps U+4E00..U+9FA5 to ids.
    ``uni[c, tc]`` is the unigram-only log score. ``bi`` is keyed by ``prev * n + c`` with
    codes ``tb*4 + tc`` (the same for every ``ta``), ``tri`` by ``(prev2 * n + prev) * n + c``
    with codes ``ta*16 + tb*4 + tc``. Entries with BOS are repeated for every tag slot.
    """

    cp2id: np.ndarray
    uni: np.ndarray
    not_found: np.ndarray
    bi: KeyTable
    tri: KeyTable

    def save(self, path: Path) -> None:
        """Write atomically: several workers may build the same cache at once."""
        arrays = {name: getattr(self, name) for name in ("cp2id", "uni", "not_found")}
        for name in ("bi", "tri"):
            arrays.update({f"{name}_{f.name}": getattr(getattr(self, name), f.name) for f in fields(KeyTable)})
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            np.savez(fh, **arrays)
        os.replace(tmp, path)

    @classmethod
    def read(cls, path: Path) -> SegTables:
        with np.load(path, allow_pickle=False) as data:
            bi, tri = (
                KeyTable(**{f.name: data[f"{name}_{f.name}"] for f in fields(KeyTable)}) for name in ("bi", "tri")
            )
            return cls(cp2id=data["cp2id"], uni=data["uni"], not_found=data["not_found"], bi=bi, tri=tri)

    @classmethod
    def build(cls, model: dict[str, Any]) -> SegTables:
        """Precompute every value of snownlp's ``log_prob``, exactly.

        ``log_prob(s1, s2, s3) = log(uni + bi + tri)``, ``uni = l1 * (U(s3) / total)``,
        ``bi = (l2 * B(s2, s3)) / U(s2)``, ``tri = (l3 * T(s1, s2, s3)) / B(s1, s2)``, a zero
        denominator giving 0 and an absent key counting 0. Where T is absent the value is
        that of (s2, s3) for any s1; where B(s2, s3) is absent too, that of s3 alone.
        """
        status = tuple(model["status"])
        if len(status) != 4 or any(model[k]["none"] != 0 for k in ("uni", "bi", "tri")):
            raise ValueError("expected snownlp's 4-tag model with NormalProb counts")
        l1, l2, l3, total = model["l1"], model["l2"], model["l3"], model["uni"]["total"]
        uni, bi, tri = model["uni"]["d"], model["bi"]["d"], model["tri"]["d"]
        chars = sorted({c for c, _ in uni} - {""})
        ids = {"": 0, **{c: i for i, c in enumerate(chars, start=1)}}
        n = len(chars) + 2
        tag = {**{t: i for i, t in enumerate(status)}, "BOS": _BOS}
        pid = {s: ids[s[0]] * 5 + tag[s[1]] for s in uni}  # (char, tag) -> id * 5 + tag
        count = np.zeros(n * 5)
        count[list(pid.values())] = [uni[s] for s in pid]

        def ids_of(table: dict, i: int) -> np.ndarray:
            return np.fromiter((pid[k[i]] for k in table), dtype=np.int64, count=len(table))

        def counts(table: dict) -> np.ndarray:
            return np.fromiter(table.values(), dtype=np.float64, count=len(table))

        b2, b3, t1, t2, t3 = ids_of(bi, 0), ids_of(bi, 1), ids_of(tri, 0), ids_of(tri, 1), ids_of(tri, 2)
        b_order = np.argsort(b2 * (n * 5) + b3)
        b_keys, b_counts = (b2 * (n * 5) + b3)[b_order], counts(bi)[b_order]

        def bigram(p: np.ndarray, q: np.ndarray) -> np.ndarray:  # B(p, q)
            at = np.minimum(np.searchsorted(b_keys, p * (n * 5) + q), len(b_keys) - 1)
            return np.where(b_keys[at] == p * (n * 5) + q, b_counts[at], 0.0)

        def div(num: np.ndarray, den: np.ndarray) -> np.ndarray:  # y09_2047.div
            return np.divide(num, den, out=np.zeros_like(num), where=den != 0)

        def uni_bi(p2: np.ndarray, p3: np.ndarray) -> np.ndarray:
            return l1 * (count[p3] / total) + div(l2 * bigram(p2, p3), count[p2])

        b2, b3 = b2[b3 % 5 != _BOS], b3[b3 % 5 != _BOS]  # (BOS, BOS) is only a denominator
        bi_key, bi_src, (tb, tc) = _any_slot((b2 // 5) * n + b3 // 5, [b2 % 5, b3 % 5])
        tri_key, tri_src, (ta, tb3, tc3) = _any_slot(((t1 // 5) * n + t2 // 5) * n + t3 // 5, [t1 % 5, t2 % 5, t3 % 5])
        tri_x = uni_bi(t2, t3) + div(l3 * counts(tri), bigram(t1, t2))
        cp2id = np.full(CJK_LAST - CJK_FIRST + 1, n - 1, dtype=np.int64)
        for c, i in ids.items():
            if len(c) == 1 and CJK_FIRST <= ord(c) <= CJK_LAST:
                cp2id[ord(c) - CJK_FIRST] = i
        uni_tab = _logs(l1 * (count.reshape(n, 5)[:, :4].ravel() / total)).reshape(n, 4)
        return cls(
            cp2id=cp2id,
            uni=uni_tab,
            not_found=np.isneginf(uni_tab).all(axis=1),
            bi=KeyTable.build(bi_key, tb * 4 + tc, _logs(uni_bi(b2, b3))[bi_src]),
            tri=KeyTable.build(tri_key, ta * 16 + tb3 * 4 + tc3, _logs(tri_x)[tri_src]),
        )


def _logs(x: np.ndarray) -> np.ndarray:
    """``math.log`` elementwise (numpy's SIMD log may differ in the last bit); log 0 = -inf."""
    return np.fromiter((math.log(v) if v else NEG_INF for v in x.tolist()), np.float64, len(x))


def _any_slot(key: np.ndarray, slots: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Repeat each row once per tag slot 0-3 where its slot is BOS: (keys, source rows, slots)."""
    rows = np.arange(len(key))
    for i in range(len(slots)):
        reps = np.where(slots[i] == _BOS, 4, 1)
        pick = np.repeat(np.arange(len(reps)), reps)
        within = np.arange(len(pick)) - np.repeat(np.cumsum(reps) - reps, reps)
        slots = [s[pick] for s in slots]
        slots[i] = np.where(slots[i] == _BOS, within, slots[i])
        rows = rows[pick]
    return key[rows], rows, slots
