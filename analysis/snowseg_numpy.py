"""The Viterbi over many Chinese runs at once in numpy: the batch path.

Runs are laid out step-major so one numpy step advances every run still going; that
amortises numpy's per-call cost over a batch, which a single short text cannot do (see
``snowseg_python``).
"""

from __future__ import annotations

import numpy as np

from analysis.snowseg_tables import NEG_INF, SegTables

# snownlp gives a character the model has never seen no score: each new state (tb, tc)
# takes the score of the *last* predecessor with tag tb in its list, slot ta = 3.
_NOT_FOUND = np.full((4, 16), NEG_INF)
_NOT_FOUND[3] = 0.0
_NOT_FOUND = _NOT_FOUND.reshape(64, 1)


def log_scores(t: SegTables, cid: np.ndarray, prev: np.ndarray, prev2: np.ndarray) -> np.ndarray:
    """``log_prob`` of (tag ta two back, tb one back, tc here) as (64, positions).

    Positions are the last axis so every numpy loop runs along a long contiguous row.
    """
    n, size = len(t.uni), len(cid)
    scores = np.empty((16, 4, size))
    scores[:] = t.uni[cid].T
    scores = scores.reshape(64, size)
    unknown = np.flatnonzero(t.not_found[cid])
    if unknown.size:
        scores[:, unknown] = _NOT_FOUND
    pair = prev * n + cid
    rows, at = t.bi.entries(pair)
    scores.reshape(4, 16, size)[:, t.bi.code[at], rows] = t.bi.val[at]
    rows, at = t.tri.entries(prev2 * (n * n) + pair)
    scores[t.tri.code[at], rows] = t.tri.val[at]
    return scores


_WIDE = 48  # from this many live runs the unrolled max/first-argmax beats ndarray.argmax
_PY_BACKTRACK = 4096  # below this many characters a Python walk beats numpy's call overhead
_U8 = (np.uint8(0), np.uint8(1), np.uint8(2), np.uint8(3))


def _wide_step(prob: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One Viterbi step for many runs: elementwise max and first argmax over ``ta``."""
    c0, c1, c2, c3 = (prob[i, :, None, :] + scores[i] for i in range(4))
    best = np.maximum(np.maximum(c0, c1), np.maximum(c2, c3))
    arg = np.where(c2 == best, _U8[2], _U8[3])
    arg = np.where(c1 == best, _U8[1], arg)
    return best, np.where(c0 == best, _U8[0], arg)


def viterbi(t: SegTables, cid: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Best tag per character of each run (runs are concatenated in ``cid``).

    Runs are sorted longest first and laid out step-major, so step ``k`` of all runs still
    going is one contiguous slice. A state is (tb, tc), its predecessors are compared in
    ascending ``ta`` as snownlp meets them, and the first maximum wins as with its ``>``,
    also among all -inf (which follows unknown characters and can win in the end).
    """
    size = len(cid)
    prev, prev2 = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
    prev[1:] = cid[:-1]
    prev[starts] = 0
    prev2[1:] = prev[:-1]
    prev2[starts] = 0
    order = np.argsort(-lengths, kind="stable")
    lens, firsts = lengths[order], starts[order]
    n_runs, max_len = len(lens), int(lens[0])
    active = n_runs - np.cumsum(np.bincount(lens, minlength=max_len + 1))[:max_len]
    off = np.concatenate(([0], np.cumsum(active)))
    step = np.repeat(np.arange(max_len), active)
    src = firsts[np.arange(size) - off[step]] + step
    ids = cid[src]
    scores = log_scores(t, ids, prev[src], prev2[src]).reshape(4, 4, 4, size)
    off, live = off.tolist(), [*active.tolist(), 0]

    back = np.empty((4, 4, size), dtype=np.uint8)
    prob = np.full((4, 4, n_runs), NEG_INF)
    prob[3, 3] = 0.0  # the (BOS, BOS) start state; BOS scores are the same in every slot
    last = np.empty_like(prob)
    for k in range(max_len):
        a, b, now, done = off[k], off[k + 1], live[k], live[k + 1]
        if now < _WIDE:
            cand = prob[:, :, None, :now] + scores[..., a:b]
            prob = np.maximum.reduce(cand, axis=0)
            back[..., a:b] = cand.argmax(axis=0)
        else:
            prob, back[..., a:b] = _wide_step(prob[..., :now], scores[..., a:b])
        if done < now:
            last[..., done:now] = prob[..., done:]
    best = last.transpose(1, 0, 2).reshape(16, n_runs).argmax(axis=0)  # max() in (tc, tb) order
    final = (best % 4) * 4 + best // 4
    back = back.reshape(16, size)
    back[:, t.not_found[ids]] = 3  # snownlp copies slot 3 even when every slot is -inf
    if size < _PY_BACKTRACK:
        tags = _backtrack_py(back, final, off, lens.tolist())
    else:
        tags = _backtrack_np(back, final, off, live)
    out = np.empty_like(tags)
    out[src] = tags
    return out


def _backtrack_np(back: np.ndarray, final: np.ndarray, off: list[int], live: list[int]) -> np.ndarray:
    """Follow the back-pointers of all runs at once, one numpy step per position."""
    tags = np.empty(back.shape[1], dtype=np.uint8)
    state = np.empty(len(final), dtype=np.int64)
    cols = np.arange(len(final))
    for k in range(len(off) - 2, -1, -1):
        a, now, done = off[k], live[k], live[k + 1]
        state[done:now] = final[done:now]
        cur = state[:now]
        tags[a : a + now] = cur & 3
        state[:now] = back[cur, cols[:now] + a] * 4 + (cur >> 2)
    return tags


def _backtrack_py(back: np.ndarray, final: np.ndarray, off: list[int], lens: list[int]) -> np.ndarray:
    """The same walk in plain Python: cheaper than numpy's per-call cost on a few runs."""
    rows = back.T.tolist()
    tags = [0] * len(rows)
    for run, (state, length) in enumerate(zip(final.tolist(), lens, strict=True)):
        for k in range(length - 1, -1, -1):
            col = off[k] + run
            tags[col] = state & 3
            state = rows[col][state] * 4 + (state >> 2)
    return np.array(tags, dtype=np.uint8)
