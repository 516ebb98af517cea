"""The same Viterbi in plain Python, for a few short runs such as one short post.

numpy's Viterbi costs some 30 numpy calls for the look-ups plus a few per step whatever
the batch size, which for one 30-character text is most of the time. Plain Python pays
per character instead, and these keep that small (all exact, checked against numpy):

* The look-ups probe the same hash tables through ``memoryview`` (no copy, no extra
  memory) and nearly always find at most one entry per table (1.25 bigram and 1.1
  trigram entries per key on average).
* Without a trigram entry a score does not depend on the tag ``ta`` two back, so the best
  of the 4 predecessors of ``(tb, tc)`` is ``max_ta prob[ta, tb] + score[tb, tc]``: 12
  comparisons and 16 additions per character instead of 64 additions. Rounding is
  monotonic, so this is bit for bit the maximum numpy takes over the 4 sums.
* At a run's first two characters only slot ``ta = 3`` (BOS) is reachable, so the step
  is 16 additions and BOS's fan-out of trigram entries over all slots costs nothing.
* No back-pointers are stored: the walk back recomputes the 4 sums of the one state on
  the path and takes the first equal to its best, which is numpy's first ``argmax``.

Unknown characters (snownlp scores them with slot 3 only) take a slower general step.
"""

from __future__ import annotations

import operator

from analysis.snowseg_tables import CJK_FIRST, MULT, NEG_INF, KeyTable, SegTables

_MASK64 = (1 << 64) - 1
_START = [NEG_INF] * 15 + [0.0]  # only (BOS, BOS) is reachable before the first character
_FINAL_ORDER = tuple(tb * 4 + tc for tc in range(4) for tb in range(4))  # snownlp's max() order
_IN_FINAL_ORDER = operator.itemgetter(*_FINAL_ORDER)
_NOT_FOUND = (NEG_INF,) * 48 + (0.0,) * 16  # slot ta = 3 only, as in snowseg_numpy
# Seg.seg starts a word at 'b' (0) or 's' (3), or after an 'e' (2): by state tb*4 + tc
_STARTS_WORD = tuple(tc in (0, 3) or tb == 2 for tb in range(4) for tc in range(4))

# What one position looked up: its character id, then the ranges of its bigram entries
# (codes tb*4 + tc, for any ta) and trigram entries (codes ta*16 + tb*4 + tc) in the
# tables' code/val arrays. The walk back rebuilds the scores on the path from these.
_Step = tuple[int, int, int, int, int]


class ShortViterbi:
    """Tags of short runs from the same ``SegTables``, without numpy calls per character."""

    def __init__(self, t: SegTables) -> None:
        self.n = len(t.uni)
        self.cp2id = memoryview(t.cp2id)
        self.uni = memoryview(t.uni.reshape(-1))
        self.not_found = memoryview(t.not_found)
        self.bi, self.tri = _probe(t.bi), _probe(t.tri)

    def segment(self, runs: list[str]) -> tuple[list[str], list[int]]:
        """``segment_runs`` for these runs: words flattened, run ``i``'s at ``offsets[i]:offsets[i+1]``.

        Each run's Viterbi path is walked back from its best end state. The state at ``k``
        is (tag at ``k - 1``, tag at ``k``), all ``Seg.seg`` looks at to start a word at ``k``.
        """
        fwd, steps = self._forward(runs)
        not_found, uni = self.not_found, self.uni
        b_code, b_val, t_code, t_val = self.bi[3], self.bi[4], self.tri[3], self.tri[4]
        words: list[str] = []
        offsets = [0]
        at = 0  # steps[at + k] and fwd[at + r + k + 1] are character k of run r
        for r, run in enumerate(runs):
            size, f = len(run), at + r
            ends = _IN_FINAL_ORDER(fwd[f + size])
            state = _FINAL_ORDER[ends.index(max(ends))]  # the first best, as numpy's argmax
            end, tail = size, []
            for k in range(size - 1, 0, -1):
                if _STARTS_WORD[state]:
                    tail.append(run[k:end])
                    end = k
                tb = state >> 2
                c, b_lo, b_hi, t_lo, t_hi = steps[at + k]
                if not_found[c]:
                    state = 12 + tb  # snownlp copies slot ta = 3 for an unknown character
                    continue
                plain = uni[4 * c + (state & 3)]
                for j in range(b_lo, b_hi):
                    if b_code[j] == state:
                        plain = b_val[j]
                prev, target = fwd[f + k], fwd[f + k + 1][state]
                if t_lo == t_hi:  # the first ta whose sum is the best, as numpy's argmax
                    ta = 0 if prev[tb] + plain == target else 1 if prev[4 + tb] + plain == target else \
                        2 if prev[8 + tb] + plain == target else 3  # fmt: skip
                else:
                    for ta in range(4):
                        score = plain
                        for j in range(t_lo, t_hi):
                            if t_code[j] == ta * 16 + state:
                                score = t_val[j]
                        if prev[ta * 4 + tb] + score == target:
                            break
                state = ta * 4 + tb
            tail.append(run[:end])
            tail.reverse()
            words += tail
            offsets.append(len(words))
            at += size
        return words, offsets

    def _forward(self, runs: list[str]) -> tuple[list[list[float]], list[_Step]]:
        """Best score of each state after each character, and where each step's entries are.

        Both lists run over all the runs; ``fwd`` has one more entry per run, its start.
        """
        n, cp2id, uni, not_found = self.n, self.cp2id, self.uni, self.not_found
        b_keys, b_buckets, b_off, b_code, b_val, b_shift = self.bi
        t_keys, t_buckets, t_off, t_code, t_val, t_shift = self.tri
        nn = n * n
        fwd: list[list[float]] = []
        steps: list[_Step] = []
        for run in runs:
            p = _START
            fwd.append(p)
            prev = prev2 = 0
            for ch in run:
                c = cp2id[ord(ch) - CJK_FIRST]
                pair = prev * n + c
                b_lo = b_hi = t_lo = t_hi = 0
                h = ((pair * MULT) & _MASK64) >> b_shift
                g, end = b_buckets[h], b_buckets[h + 1]
                while g < end:  # the probe of KeyTable.entries; a while loop costs less than range()
                    if b_keys[g] == pair:
                        b_lo, b_hi = b_off[g], b_off[g + 1]
                        break
                    g += 1
                key = prev2 * nn + pair
                h = ((key * MULT) & _MASK64) >> t_shift
                g, end = t_buckets[h], t_buckets[h + 1]
                while g < end:
                    if t_keys[g] == key:
                        t_lo, t_hi = t_off[g], t_off[g + 1]
                        break
                    g += 1
                steps.append((c, b_lo, b_hi, t_lo, t_hi))
                if not_found[c]:
                    p = self._unknown_step(p, b_lo, b_hi, t_lo, t_hi)
                elif prev == 0:
                    # A run's first character: only state (BOS, BOS) is live, so only the
                    # scores of (ta, tb) = (3, 3) count. BOS repeats each entry over every
                    # slot (some 27 entries here), so find those 4 codes at C speed.
                    i = 4 * c
                    first = [uni[i], uni[i + 1], uni[i + 2], uni[i + 3]]
                    for codes, vals, lo, hi, at in ((b_code, b_val, b_lo, b_hi, 12), (t_code, t_val, t_lo, t_hi, 60)):
                        if lo < hi:
                            found = codes[lo:hi].tobytes()
                            for tc in range(4):
                                j = found.find(at + tc)  # a key has each code once
                                if j >= 0:
                                    first[tc] = vals[lo + j]
                    p = [*_START[:12], 0.0 + first[0], 0.0 + first[1], 0.0 + first[2], 0.0 + first[3]]
                elif prev2 == 0:
                    # A run's second character: BOS fills slot ta = 3 and leaves slots
                    # 0-2 at -inf, so each state's best is its slot-3 sum (-inf + x is -inf)
                    # and trigram entries of the other slots (BOS repeats them) change nothing.
                    i = 4 * c
                    base = [uni[i], uni[i + 1], uni[i + 2], uni[i + 3]] * 4
                    for j in range(b_lo, b_hi):
                        base[b_code[j]] = b_val[j]
                    for j in range(t_lo, t_hi):
                        if t_code[j] >= 48:
                            base[t_code[j] - 48] = t_val[j]
                    p12, p13, p14, p15 = p[12], p[13], p[14], p[15]
                    b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15 = base
                    p = [p12 + b0, p12 + b1, p12 + b2, p12 + b3, p13 + b4, p13 + b5, p13 + b6,
                         p13 + b7, p14 + b8, p14 + b9, p14 + b10, p14 + b11, p15 + b12, p15 + b13,
                         p15 + b14, p15 + b15]  # fmt: skip
                else:
                    # the best predecessor score per tb, as > in a tree (no max(): it costs 5x more)
                    p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15 = p
                    a0, a1, a2, a3 = p0 if p0 > p4 else p4, p1 if p1 > p5 else p5, \
                        p2 if p2 > p6 else p6, p3 if p3 > p7 else p7  # fmt: skip
                    b0, b1, b2, b3 = p8 if p8 > p12 else p12, p9 if p9 > p13 else p13, \
                        p10 if p10 > p14 else p14, p11 if p11 > p15 else p15  # fmt: skip
                    m0, m1, m2, m3 = a0 if a0 > b0 else b0, a1 if a1 > b1 else b1, \
                        a2 if a2 > b2 else b2, a3 if a3 > b3 else b3  # fmt: skip
                    i = 4 * c
                    u0, u1, u2, u3 = uni[i], uni[i + 1], uni[i + 2], uni[i + 3]
                    q = [m0 + u0, m0 + u1, m0 + u2, m0 + u3, m1 + u0, m1 + u1, m1 + u2, m1 + u3,
                         m2 + u0, m2 + u1, m2 + u2, m2 + u3, m3 + u0, m3 + u1, m3 + u2, m3 + u3]  # fmt: skip
                    if b_lo < b_hi:
                        m = (m0, m1, m2, m3)
                        for j in range(b_lo, b_hi):
                            s = b_code[j]
                            q[s] = m[s >> 2] + b_val[j]
                    if t_hi - t_lo == 1:  # the usual trigram hit: one state, one slot ta
                        code = t_code[t_lo]
                        s, tb = code & 15, (code >> 2) & 3
                        plain = uni[i + (s & 3)]
                        for j in range(b_lo, b_hi):
                            if b_code[j] == s:
                                plain = b_val[j]
                        a = [plain] * 4  # the score per slot ta
                        a[code >> 4] = t_val[t_lo]
                        x, y, z, w = p[tb] + a[0], p[4 + tb] + a[1], p[8 + tb] + a[2], p[12 + tb] + a[3]
                        x, y = x if x > y else y, z if z > w else w
                        q[s] = x if x > y else y
                    elif t_lo < t_hi:
                        self._trigram_cells(p, q, c, b_lo, b_hi, t_lo, t_hi)
                    p = q
                fwd.append(p)
                prev2, prev = prev, c
        return fwd, steps

    def _trigram_cells(
        self, p: list[float], q: list[float], c: int, b_lo: int, b_hi: int, t_lo: int, t_hi: int
    ) -> None:
        """Redo the states that trigram entries touch, whose score depends on ``ta`` too."""
        b_code, b_val, t_code, t_val = self.bi[3], self.bi[4], self.tri[3], self.tri[4]
        cells: dict[int, list[float]] = {}
        for j in range(t_lo, t_hi):
            code = t_code[j]
            s = code & 15
            row = cells.get(s)
            if row is None:
                plain = self.uni[4 * c + (s & 3)]
                for k in range(b_lo, b_hi):
                    if b_code[k] == s:
                        plain = b_val[k]
                row = cells[s] = [plain] * 4
            row[code >> 4] = t_val[j]
        for s, (a0, a1, a2, a3) in cells.items():
            tb = s >> 2
            x, y = p[tb] + a0, p[4 + tb] + a1
            x = x if x > y else y
            y = p[8 + tb] + a2
            x = x if x > y else y
            y = p[12 + tb] + a3
            q[s] = x if x > y else y

    def _unknown_step(self, p: list[float], b_lo: int, b_hi: int, t_lo: int, t_hi: int) -> list[float]:
        """The full 64-score step, scores laid out as ``log_scores`` lays out an unknown character's."""
        row = list(_NOT_FOUND)
        for j in range(b_lo, b_hi):
            code, val = self.bi[3][j], self.bi[4][j]
            row[code] = row[16 + code] = row[32 + code] = row[48 + code] = val
        for j in range(t_lo, t_hi):
            row[self.tri[3][j]] = self.tri[4][j]
        return [max(p[ta * 4 + (s >> 2)] + row[ta * 16 + s] for ta in range(4)) for s in range(16)]


def _probe(table: KeyTable) -> tuple[memoryview, memoryview, memoryview, memoryview, memoryview, int]:
    """``table`` seen through memoryviews (no copy), and the shift that gives a key's bucket."""
    bits = (len(table.buckets) - 1).bit_length() - 1
    views = (memoryview(a) for a in (table.keys, table.buckets, table.off, table.code, table.val))
    return (*views, 64 - bits)
