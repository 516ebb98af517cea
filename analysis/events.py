"""Group items about one concrete matter into events, incrementally.

An item joins an event when it is a near-copy of a member, or when it names the same
place or company, concerns the same topic and says enough of the same things, within a
time window. Look-alikes stay apart: the same estate with a different problem (another
topic), or the same problem at another site (different estate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

NEAR_DUPLICATE = 0.55
SAME_MATTER = 0.08
WINDOW = timedelta(days=14)
_NON_WORD = re.compile(r"[^\u4e00-\u9fa5A-Za-z0-9]+")


@dataclass(frozen=True)
class Signature:
    item_ref: str
    topic: str
    published_at: datetime
    shingles: frozenset[str]
    places: frozenset[str]
    companies: frozenset[str]
    districts: frozenset[str] = frozenset()


def shingles(text: str, size: int = 3) -> frozenset[str]:
    clean = _NON_WORD.sub("", text)
    if len(clean) <= size:
        return frozenset({clean}) if clean else frozenset()
    return frozenset(clean[i : i + size] for i in range(len(clean) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller text found in the larger: a repost quoting a post scores high."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_matter(a: Signature, b: Signature) -> str | None:
    """Why two items are about the same matter, or None."""
    if abs(a.published_at - b.published_at) > WINDOW:
        return None
    overlap = jaccard(a.shingles, b.shingles)
    if overlap >= NEAR_DUPLICATE or (
        containment(a.shingles, b.shingles) >= 0.8 and min(len(a.shingles), len(b.shingles)) >= 15
    ):
        return f"内容近似（相似度{overlap:.2f}）"
    if a.topic != b.topic or a.topic == "其他":
        return None
    shared_place = a.places & b.places
    shared_company = a.companies & b.companies
    if (shared_place or shared_company) and overlap >= SAME_MATTER:
        if a.districts and b.districts and not (a.districts & b.districts):
            return None
        anchor = next(iter(shared_place or shared_company))
        return f"同一地点/单位（{anchor}）且同一问题（{a.topic}）"
    return None


@dataclass
class EventGroup:
    key: str
    members: list[Signature] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass
class EventIndex:
    """In-memory incremental grouping; the worker seeds it with recent items from the DB."""

    groups: dict[str, EventGroup] = field(default_factory=dict)
    by_item: dict[str, str] = field(default_factory=dict)

    def add(self, sig: Signature, key: str | None = None) -> tuple[str, str | None]:
        """Place an item; returns (event key, why it joined or None when it starts one)."""
        best: tuple[float, str, str] | None = None
        for group in self.groups.values():
            for member in group.members:
                reason = same_matter(sig, member)
                if reason:
                    score = jaccard(sig.shingles, member.shingles)
                    if best is None or score > best[0]:
                        best = (score, group.key, reason)
        if best is not None:
            _, group_key, reason = best
            self.groups[group_key].members.append(sig)
            self.groups[group_key].reasons.append(reason)
            self.by_item[sig.item_ref] = group_key
            return group_key, reason
        new_key = key or f"ev-{sig.item_ref}"
        self.groups[new_key] = EventGroup(new_key, [sig])
        self.by_item[sig.item_ref] = new_key
        return new_key, None

    def size(self, key: str) -> int:
        return len(self.groups[key].members) if key in self.groups else 0
