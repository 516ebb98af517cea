"""Urgency that only the event can tell: how fast a matter grows, who keeps coming back, where it surfaces.

One item read alone cannot show that forty people wrote about the same estate this
afternoon, that the caller has now complained for the third time, or that a matter
first phoned in to the 12319 hotline is now on a public board or Weibo. Each of these is
what turns an ordinary grievance into public opinion (舆情) that the commission must
get ahead of, so once an item has joined its event this module raises its urgency:

* **Growing fast** (DESIGN §5's "wide public heat"): at least ``BURST_ITEMS`` items of
  the event within ``BURST_WINDOW`` and at least ``BURST_RATIO`` times the event's rate
  over the day before that window → level 3.
* **From the hotline to a public channel**: the event holds an earlier hotline record
  and this item is public. On Weibo → level 3 (the complaint is going public, where it
  can spread; a question asked there is not, and keeps its level); on a message board,
  which is a petition channel of its own, the reason is recorded and the level kept
  (blind batch fresh41: five such board and estate items, all labelled 2 by their
  writers).
* **Repeat complainant**: the same author or caller has written about this matter
  before. The second time is recorded as a reason; from the third time on → level 3.

Praise and suggestions are never raised, and nothing is ever lowered: a crisis stays 4.
The rules are pure functions of the event's members so the worker and
``yuqing analyse`` decide alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

BURST_WINDOW = timedelta(hours=6)
BURST_BEFORE = timedelta(hours=24)
BURST_ITEMS = 5
BURST_RATIO = 3.0
REPEAT_RAISES_AT = 3  # the author's n-th item on the matter that raises urgency
HIGH = 3
NOT_RAISED = ("表扬", "建议")
# Only a grievance that goes public after a hotline call raises its level: a question asked on
# Weibo (租房提取是每个月都能提吗), an account's notice (【辟谣】…, 【政策解读】…) or an advert that
# the grouping puts beside hotline records is no grievance going public. The reason is recorded,
# the level kept.
GRIEVANCES = ("投诉", "求助", "举报")
# Source names say their channel; anything not named here is a public board.
HOTLINE_MARKS = ("hotline", "12319", "12345")
WEIBO_MARKS = ("weibo",)


def channel_of(source: str) -> str:
    """``hotline``, ``weibo`` or ``board``, from the source's name."""
    name = source.lower()
    if any(mark in name for mark in HOTLINE_MARKS):
        return "hotline"
    if any(mark in name for mark in WEIBO_MARKS):
        return "weibo"
    return "board"


@dataclass(frozen=True)
class Member:
    """What the rules need of one item of an event."""

    ref: str
    source: str
    author: str | None
    published_at: datetime  # kept naive UTC (see _naive), so the rules compare without converting

    def __post_init__(self) -> None:
        object.__setattr__(self, "published_at", _naive(self.published_at))


@dataclass(frozen=True)
class Raised:
    level: int
    reasons: tuple[str, ...]


def assess(item: Member, members: Sequence[Member], level: int, reasons: Sequence[str], request_type: str) -> Raised:
    """The item's urgency once its event's other members are known (``members`` may include the item)."""
    others = [m for m in members if m.ref != item.ref]
    extra: list[str] = []
    raise_to = level
    burst = _burst(item, others)
    if burst:
        extra.append(burst)
        raise_to = max(raise_to, HIGH)
    if channel_of(item.source) != "hotline" and any(
        channel_of(m.source) == "hotline" and not _after(m, item) for m in others
    ):
        extra.append("热线诉求已转到公开渠道")
        if channel_of(item.source) == "weibo" and request_type in GRIEVANCES:
            raise_to = max(raise_to, HIGH)
    if item.author:
        times = 1 + sum(1 for m in others if m.author == item.author and not _after(m, item))
        if times >= 2:
            extra.append(f"同一诉求人第{times}次反映")
        if times >= REPEAT_RAISES_AT:
            raise_to = max(raise_to, HIGH)
    if not extra or request_type in NOT_RAISED:
        return Raised(level, tuple(reasons))
    return Raised(raise_to, (*reasons, *extra))


def _after(other: Member, item: Member) -> bool:
    """Whether ``other`` came later than the item; at the same instant the later-received one is later."""
    a, b = other.published_at, item.published_at
    if a == b:
        return (len(other.ref), other.ref) > (len(item.ref), item.ref)
    return a > b


def _burst(item: Member, others: Sequence[Member]) -> str | None:
    now = item.published_at
    recent = 1 + sum(1 for m in others if now - BURST_WINDOW < m.published_at <= now)
    if recent < BURST_ITEMS:
        return None
    start = now - BURST_WINDOW
    before = sum(1 for m in others if start - BURST_BEFORE < m.published_at <= start)
    hours = BURST_WINDOW / timedelta(hours=1)
    rate_now, rate_before = recent / hours, before / (BURST_BEFORE / timedelta(hours=1))
    if rate_before and rate_now < BURST_RATIO * rate_before:
        return None
    return f"事件热度快速上升（{hours:.0f}小时内{recent}条）"


def _naive(when: datetime) -> datetime:
    """Naive times are UTC (as stored); aware ones are converted, so both kinds compare."""
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when
