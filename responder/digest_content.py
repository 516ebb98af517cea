"""What a digest says: counts, the urgent items, late assignments and new events of one period.

Built from the database with personal numbers masked on the way in, so every consumer —
the email, the CLI, the stored ``Digest`` row — only ever sees masked text. Authors are
never carried: a digest goes to people who must not learn who petitioned (DESIGN §4).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from analysis.text import mask_numbers as mask_personal
from store.models import Analysis, Assignment, Event, Item, Office, Source

URGENCY_LABELS = {4: "危机", 3: "高", 2: "一般", 1: "低"}
URGENT_MIN = 3  # "紧急" in the subject counts 危机 + 高
OPEN_STATUSES = ("open", "acknowledged")
UNANALYSED = "未分析"
EMPTY_MESSAGE = "本期无新增舆情"
OUTBOX_RECIPIENT = "outbox"
TOP_ITEMS = 10
OVERDUE_ROWS = 20
NEW_EVENTS = 10
TITLE_CHARS = 60


def item_heat(metrics: dict[str, Any] | None) -> float:
    """Public reach of one item: reposts weigh most, then comments, then likes, then views.

    Sources report different subsets (DESIGN §4 ``metrics``); non-numeric values count 0.
    """
    weights = {"reposts": 3.0, "comments": 2.0, "likes": 1.0, "views": 0.01}
    total = 0.0
    for name, weight in weights.items():
        value = (metrics or {}).get(name)
        if isinstance(value, bool):
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if math.isfinite(number) and number > 0:
            total += weight * number
    return total


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from crawled data become links (no javascript:, data:, …)."""
    if url and re.match(r"https?://[^\s\"'<>]+$", url, re.IGNORECASE):
        return url
    return None


def period_key(now: datetime, period_hours: int = 24, tz: str = "Asia/Shanghai") -> str:
    """The unique key of the period ending at ``now``: daily:2026-11-26, weekly:2026-W48, 6h:…"""
    if period_hours <= 0:
        raise ValueError("period_hours must be positive")
    local = require_aware(now).astimezone(ZoneInfo(tz))
    if period_hours == 24:
        return f"daily:{local.date().isoformat()}"
    if period_hours == 24 * 7:
        year, week, _ = local.isocalendar()
        return f"weekly:{year}-W{week:02d}"
    return f"{period_hours}h:{local:%Y-%m-%dT%H}"


def digest_slot(now: datetime, hour: int = 8, tz: str = "Asia/Shanghai") -> datetime:
    """The latest scheduled digest time (``hour``:00 local) at or before ``now``.

    Sending aligns to it so windows tile exactly and a late or manual run produces the same
    period (and key) as the scheduled one instead of claiming the day with a shifted window.
    """
    local = require_aware(now).astimezone(ZoneInfo(tz))
    slot = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if slot > local:
        slot = (local - timedelta(days=1)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return slot


@dataclass(frozen=True)
class TopItem:
    item_id: int
    title: str
    url: str | None
    source: str
    topic: str
    request_type: str
    urgency: int
    urgency_label: str
    urgency_reasons: tuple[str, ...]
    heat: float
    first_seen: str
    offices: tuple[str, ...]


@dataclass(frozen=True)
class OverdueAssignment:
    assignment_id: int
    item_id: int
    title: str
    office: str
    role: str
    status: str
    due: str
    overdue_hours: float
    escalation_level: int


@dataclass(frozen=True)
class NewEvent:
    event_id: int
    title: str
    topic: str
    item_count: int
    heat: float


@dataclass(frozen=True)
class OfficeCount:
    office: str
    lead: int
    support: int

    @property
    def total(self) -> int:
        return self.lead + self.support


@dataclass(frozen=True)
class DigestContent:
    """Everything a digest says, already masked; counts by topic/urgency sum to ``total``."""

    period: str
    heading: str
    date_label: str
    window_start: datetime
    window_end: datetime
    tz: str
    total: int
    urgent: int
    unanalysed: int
    by_topic: tuple[tuple[str, int], ...]
    by_urgency: tuple[tuple[int, str, int], ...]
    by_office: tuple[OfficeCount, ...]
    top_items: tuple[TopItem, ...]
    overdue: tuple[OverdueAssignment, ...]
    overdue_total: int
    events: tuple[NewEvent, ...]
    events_total: int

    @property
    def empty(self) -> bool:
        return self.total == 0

    @property
    def empty_message(self) -> str:
        """Said out loud when nothing came in, so silence is never mistaken for a lost mail."""
        return EMPTY_MESSAGE if self.empty else ""

    def summary(self) -> dict[str, Any]:
        """The counts kept on the ``Digest`` row (JSON, no crawled text)."""
        return {
            "total": self.total,
            "urgent": self.urgent,
            "unanalysed": self.unanalysed,
            "by_topic": dict(self.by_topic),
            "by_urgency": {str(level): count for level, _, count in self.by_urgency},
            "by_office": {o.office: {"主办": o.lead, "协办": o.support} for o in self.by_office},
            "overdue": self.overdue_total,
            "new_events": self.events_total,
            "window": [self.window_start.isoformat(), self.window_end.isoformat()],
        }


def build_digest(session: Session, now: datetime, period_hours: int = 24, tz: str = "Asia/Shanghai") -> DigestContent:
    """Gather the digest for items first seen in ``[now - period_hours, now)``.

    Reads only. ``now`` should be the scheduled slot (e.g. 08:00) so windows tile exactly.
    """
    now = require_aware(now)
    zone = ZoneInfo(tz)
    start = now - timedelta(hours=period_hours)
    in_window = (Item.first_seen_at >= start) & (Item.first_seen_at < now)

    latest = (
        select(Analysis.item_id, func.max(Analysis.id).label("analysis_id"))
        .join(Item, Item.id == Analysis.item_id)
        .where(in_window)
        .group_by(Analysis.item_id)
        .subquery()
    )
    rows = [
        _Row(*row)
        for row in session.execute(
            select(Item.id, Item.metrics, Analysis.id, Analysis.topic, Analysis.urgency)
            .select_from(Item)
            .outerjoin(latest, latest.c.item_id == Item.id)
            .outerjoin(Analysis, Analysis.id == latest.c.analysis_id)
            .where(in_window)
        )
    ]
    topics = Counter(r.topic if r.analysis_id is not None else UNANALYSED for r in rows)
    levels = Counter(r.urgency for r in rows if r.analysis_id is not None)
    heat = {r.item_id: item_heat(r.metrics) for r in rows}
    # Unanalysed items rank last: their urgency is unknown, not low.
    ranked = sorted(rows, key=lambda r: (-(r.urgency or 0), -heat[r.item_id], r.item_id))
    overdue, overdue_total = _overdue(session, now, zone)
    events, events_total = _new_events(session, start, now)

    return DigestContent(
        period=period_key(now, period_hours, tz),
        heading=_heading(period_hours),
        date_label=now.astimezone(zone).date().isoformat(),
        window_start=start.astimezone(zone),
        window_end=now.astimezone(zone),
        tz=tz,
        total=len(rows),
        urgent=sum(c for level, c in levels.items() if level >= URGENT_MIN),
        unanalysed=topics.get(UNANALYSED, 0),
        by_topic=tuple(sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_urgency=tuple(
            (lvl, URGENCY_LABELS[lvl], levels.get(lvl, 0)) for lvl in sorted(URGENCY_LABELS, reverse=True)
        ),
        by_office=_office_counts(session, in_window),
        top_items=_top_items(session, ranked[:TOP_ITEMS], heat, zone),
        overdue=overdue,
        overdue_total=overdue_total,
        events=events,
        events_total=events_total,
    )


@dataclass(frozen=True)
class _Row:
    """One item of the window with its latest analysis (None when not analysed yet)."""

    item_id: int
    metrics: dict[str, Any]
    analysis_id: int | None
    topic: str | None
    urgency: int | None


def _heading(period_hours: int) -> str:
    return {24: "舆情日报", 24 * 7: "舆情周报"}.get(period_hours, "舆情简报")


def _display_title(item: Item) -> str:
    """Title, or the start of the text for sources without titles (Weibo)."""
    return _clip(item.title or item.content_text or "")


def _clip(text: str) -> str:
    """One line, masked *before* it is cut so a number split by the cut cannot escape masking."""
    text = mask_personal(" ".join(text.split()))
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"


def _office_counts(session: Session, in_window: ColumnElement[bool]) -> tuple[OfficeCount, ...]:
    counts = session.execute(
        select(Office.name, Assignment.role, func.count(func.distinct(Assignment.item_id)))
        .join(Assignment, Assignment.office_id == Office.id)
        .join(Item, Item.id == Assignment.item_id)
        .where(in_window)
        .group_by(Office.name, Assignment.role)
    ).all()
    per_office: dict[str, list[int]] = {}
    for name, role, count in counts:
        slot = per_office.setdefault(name, [0, 0])
        slot[0 if role == "主办" else 1] += count
    offices = [OfficeCount(name, lead, support) for name, (lead, support) in per_office.items()]
    return tuple(sorted(offices, key=lambda o: (-o.total, o.office)))


def _top_items(session: Session, ranked: list[_Row], heat: dict[int, float], zone: ZoneInfo) -> tuple[TopItem, ...]:
    if not ranked:
        return ()
    ids = [r.item_id for r in ranked]
    items = {
        i.id: i
        for i in session.scalars(
            select(Item).where(Item.id.in_(ids)).options(selectinload(Item.assignments).joinedload(Assignment.office))
        )
    }
    source_names = {key: name for key, name in session.execute(select(Source.key, Source.name))}
    analysis_ids = [r.analysis_id for r in ranked if r.analysis_id is not None]
    analyses = {a.id: a for a in session.scalars(select(Analysis).where(Analysis.id.in_(analysis_ids)))}
    result = []
    for row in ranked:
        item = items[row.item_id]
        analysis = analyses.get(row.analysis_id) if row.analysis_id is not None else None
        urgency = analysis.urgency if analysis else 0
        offices = tuple(
            f"{a.office.name}（{a.role}）" for a in sorted(item.assignments, key=lambda a: (a.role != "主办", a.id))
        )
        result.append(
            TopItem(
                item_id=item.id,
                title=_display_title(item),
                url=safe_url(item.url),
                source=source_names.get(item.source, item.source),
                topic=analysis.topic if analysis else UNANALYSED,
                request_type=analysis.request_type if analysis else "",
                urgency=urgency,
                urgency_label=URGENCY_LABELS.get(urgency, UNANALYSED),
                urgency_reasons=tuple(mask_personal(str(r)) for r in (analysis.urgency_reasons if analysis else [])),
                heat=heat[item.id],
                first_seen=f"{item.first_seen_at.astimezone(zone):%m-%d %H:%M}",
                offices=offices,
            )
        )
    return tuple(result)


def _overdue(session: Session, now: datetime, zone: ZoneInfo) -> tuple[tuple[OverdueAssignment, ...], int]:
    """Every late assignment, whenever its item came in: lateness does not expire with the window."""
    late = (Assignment.due_at < now) & Assignment.status.in_(OPEN_STATUSES)
    total = session.scalar(select(func.count(Assignment.id)).where(late)) or 0
    rows = session.scalars(
        select(Assignment)
        .where(late)
        .options(joinedload(Assignment.office), joinedload(Assignment.item))
        .order_by(Assignment.due_at, Assignment.id)
        .limit(OVERDUE_ROWS)
    ).all()
    overdue = tuple(
        OverdueAssignment(
            assignment_id=a.id,
            item_id=a.item_id,
            title=_display_title(a.item),
            office=a.office.name,
            role=a.role,
            status=a.status,
            due=f"{a.due_at.astimezone(zone):%m-%d %H:%M}",
            overdue_hours=round((now - a.due_at).total_seconds() / 3600, 1),
            escalation_level=a.escalation_level,
        )
        for a in rows
        if a.due_at is not None
    )
    return overdue, total


def _new_events(session: Session, start: datetime, now: datetime) -> tuple[tuple[NewEvent, ...], int]:
    new = (Event.first_seen_at >= start) & (Event.first_seen_at < now)
    total = session.scalar(select(func.count(Event.id)).where(new)) or 0
    events = session.scalars(select(Event).where(new).order_by(Event.heat.desc(), Event.id).limit(NEW_EVENTS)).all()
    return tuple(NewEvent(e.id, _clip(e.title), e.topic or UNANALYSED, e.item_count, e.heat) for e in events), total


def require_aware(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError(f"naive datetime {now!r}: pass an aware datetime")
    return now
