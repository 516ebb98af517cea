"""Spike alerts: far more items in the last hour than is normal for that hour.

"Normal" has to respect the day's rhythm — boards are quiet at night and busy at nine —
so the last hour is compared with the largest of three expectations (DESIGN §5): the
hourly mean of the 12 hours before it, the same hour a day before and the same hour a
week before. A spike must clear both a floor of items (three complaints are never a
spike, however quiet the night) and ``sensitivity`` times that expectation. Counts use
the time people wrote (``published_at``), so a crawler catching up on a backlog is not
mistaken for a surge. One alert per scope and hour: the scheduler may check as often as
it likes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import Alert, Analysis, Item

HOUR = timedelta(hours=1)
SPIKE_LEVEL = 3
ALL = "all"


@dataclass(frozen=True)
class SpikeRules:
    min_items: int = 5
    sensitivity: float = 3.0
    scopes: tuple[str, ...] = (ALL, "topic")

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> SpikeRules:
        spec = config.get("spikes") or {}
        rules = cls(
            min_items=int(spec.get("min_items", cls.min_items)),
            sensitivity=float(spec.get("sensitivity", cls.sensitivity)),
            scopes=tuple(spec.get("scopes") or cls.scopes),
        )
        unknown = set(rules.scopes) - {ALL, "topic"}
        if unknown or rules.min_items < 1 or rules.sensitivity <= 1:
            raise ValueError(
                f"spikes: scopes must be among all/topic (got {sorted(unknown)}), "
                f"min_items ≥ 1 and sensitivity > 1 (got {rules.min_items}, {rules.sensitivity})"
            )
        return rules


@dataclass(frozen=True)
class Spike:
    scope: str  # "all" or a topic
    observed: int
    expected: float
    baselines: dict[str, float]


def find_spikes(counts: dict[str, list[int]], rules: SpikeRules) -> list[Spike]:
    """Spikes from hourly counts per scope: index 0 is the last hour, 1–12 the hours before,
    ``24`` the same hour a day before and ``168`` a week before (missing hours count 0)."""
    spikes = []
    for scope, hours in counts.items():

        def at(i: int, hours: list[int] = hours) -> int:
            return hours[i] if i < len(hours) else 0

        baselines = {
            "前12小时均值": sum(at(i) for i in range(1, 13)) / 12,
            "昨日同时段": float(at(24)),
            "上周同时段": float(at(168)),
        }
        expected = max(baselines.values())
        observed = at(0)
        if observed >= rules.min_items and observed >= rules.sensitivity * expected:
            spikes.append(Spike(scope, observed, expected, baselines))
    return spikes


def hourly_counts(session: Session, now: datetime, rules: SpikeRules) -> dict[str, list[int]]:
    """Items per hour back from ``now``, for the hours ``find_spikes`` reads, per scope."""
    wanted = [*range(0, 13), 24, 168]
    counts: dict[str, list[int]] = {}
    for hours_back in wanted:
        end = now - hours_back * HOUR
        per_scope = _count_hour(session, end - HOUR, end, rules)
        for scope, n in per_scope.items():
            counts.setdefault(scope, [0] * 169)[hours_back] = n
    return counts


def _count_hour(session: Session, start: datetime, end: datetime, rules: SpikeRules) -> Counter[str]:
    in_hour = (Item.published_at > start) & (Item.published_at <= end)
    found: Counter[str] = Counter()
    if ALL in rules.scopes:
        found[ALL] = session.scalar(select(func.count()).select_from(Item).where(in_hour)) or 0
    if "topic" in rules.scopes:
        latest = select(Analysis.item_id, func.max(Analysis.id).label("aid")).group_by(Analysis.item_id).subquery()
        rows = session.execute(
            select(Analysis.topic, func.count())
            .join(latest, latest.c.aid == Analysis.id)
            .join(Item, Item.id == Analysis.item_id)
            .where(in_hour)
            .group_by(Analysis.topic)
        ).all()
        for topic, n in rows:
            if topic:
                found[f"topic:{topic}"] = n
    return found


def raise_spikes(session: Session, rules: SpikeRules, now: datetime) -> list[Alert]:
    """Alert on every scope that spikes in the hour ending ``now``; once per scope and hour."""
    hour = now.replace(minute=0, second=0, microsecond=0)
    raised = []
    for spike in find_spikes(hourly_counts(session, now, rules), rules):
        key = f"spike:{spike.scope}:{hour:%Y%m%d%H}"
        if session.scalar(select(Alert.id).where(Alert.dedup_key == key)) is not None:
            continue
        label = "全部来源" if spike.scope == ALL else spike.scope.removeprefix("topic:")
        reasons = [f"近1小时{spike.observed}条，通常约{spike.expected:.1f}条"]
        reasons += [f"{name}{value:.1f}条" for name, value in spike.baselines.items()]
        alert = Alert(
            kind="spike",
            level=SPIKE_LEVEL,
            title=f"【热度突增】{label}：近1小时{spike.observed}条",
            detail={"scope": spike.scope, "observed": spike.observed, "expected": spike.expected, "reasons": reasons},
            dedup_key=key,
            created_at=now,
        )
        session.add(alert)
        raised.append(alert)
    return raised
