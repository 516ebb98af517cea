"""Read-side queries shared by the queue page and the JSON API, so both show one truth.

An item may have several analyses (one per model version); the current one is the
latest row, picked in SQL with a ``max(id)`` sub-select rather than in Python. Officers'
corrections (``Label`` rows) overlay it: the queue filters, sorts and shows the
corrected values (``web.tags``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from math import ceil
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from store.models import Analysis, Assignment, Item, Label, Office, User
from web.policy import scope_items
from web.tags import Tags, effective_topic, effective_urgency, latest_label_values, latest_labels

T = TypeVar("T")
# Not yet 办结: what an office still has on its desk.
OPEN_STATUSES = ("open", "acknowledged", "responded")
# The response clock is running: once an office has responded it can no longer be overdue.
RUNNING_STATUSES = ("open", "acknowledged")


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


@dataclass(frozen=True)
class QueueFilters:
    """The queue's query-string filters; values that do not parse are ignored, not fatal."""

    urgency: int | None = None
    topic: str | None = None
    office: str | None = None
    status: str | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> QueueFilters:
        urgency = args.get("urgency", "")
        return cls(
            urgency=int(urgency) if urgency in {"1", "2", "3", "4"} else None,
            topic=(args.get("topic") or "").strip()[:32] or None,
            office=(args.get("office") or "").strip()[:64] or None,
            status=(args.get("status") or "").strip()[:16] or None,
        )

    def as_args(self) -> dict[str, Any]:
        pairs = {"urgency": self.urgency, "topic": self.topic, "office": self.office, "status": self.status}
        return {k: v for k, v in pairs.items() if v is not None}


@dataclass(frozen=True)
class QueueRow:
    item: Item
    analysis: Analysis | None
    labels: dict[str, Label] = field(default_factory=dict)

    @property
    def tags(self) -> Tags:
        """The values the officer sees: corrections first, then the model's."""
        return Tags(self.analysis, self.labels)

    @property
    def lead(self) -> list[Assignment]:
        return [a for a in self.item.assignments if a.role == "主办"]

    @property
    def support(self) -> list[Assignment]:
        return [a for a in self.item.assignments if a.role != "主办"]

    @property
    def deadline(self) -> datetime | None:
        """The earliest deadline still running: what the duty officer has to beat."""
        dues = [a.due_at for a in self.item.assignments if a.due_at and a.status in RUNNING_STATUSES]
        return min(dues) if dues else None


def parse_page(args: Mapping[str, str], default_per_page: int = 50, max_per_page: int = 200) -> tuple[int, int]:
    def number(name: str, default: int) -> int:
        raw = args.get(name, "")
        return int(raw) if raw.isdigit() and int(raw) > 0 else default

    return min(number("page", 1), 10_000), min(number("per_page", default_per_page), max_per_page)


def latest_analysis_ids() -> Any:
    return select(Analysis.item_id, func.max(Analysis.id).label("analysis_id")).group_by(Analysis.item_id).subquery()


def _queue_query(user: User, filters: QueueFilters) -> tuple[Select[Any], Any]:
    """The filtered, scoped query and the effective-urgency expression to sort it by."""
    latest = latest_analysis_ids()
    urgency_labels = latest_label_values("urgency")
    topic_labels = latest_label_values("topic")
    urgency = effective_urgency(urgency_labels)
    query = (
        select(Item, Analysis)
        .outerjoin(latest, latest.c.item_id == Item.id)
        .outerjoin(Analysis, Analysis.id == latest.c.analysis_id)
        .outerjoin(urgency_labels, urgency_labels.c.item_id == Item.id)
        .outerjoin(topic_labels, topic_labels.c.item_id == Item.id)
    )
    if filters.urgency is not None:
        query = query.where(urgency == filters.urgency)
    if filters.topic:
        query = query.where(effective_topic(topic_labels) == filters.topic)
    if filters.status:
        query = query.where(Item.triage_status == filters.status)
    if filters.office:
        routed = select(Assignment.item_id).join(Office).where(Office.name == filters.office)
        query = query.where(Item.id.in_(routed))
    return scope_items(query, user), urgency


def queue_page(session: Session, user: User, filters: QueueFilters, page: int, per_page: int) -> Page[QueueRow]:
    """Items by urgency as corrected (highest first, unanalysed last), then newest first."""
    query, urgency = _queue_query(user, filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    newest = func.coalesce(Item.published_at, Item.first_seen_at)
    ordered = (
        query.order_by(urgency.desc().nulls_last(), newest.desc(), Item.id.desc())
        .options(selectinload(Item.assignments).selectinload(Assignment.office))
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    pairs = session.execute(ordered).all()
    labels = latest_labels(session, (item.id for item, _ in pairs))
    rows = [QueueRow(item, analysis, labels.get(item.id, {})) for item, analysis in pairs]
    return Page(rows=rows, page=page, per_page=per_page, total=total)


def current_analysis(session: Session, item_id: int) -> Analysis | None:
    return session.scalar(select(Analysis).where(Analysis.item_id == item_id).order_by(Analysis.id.desc()).limit(1))


def display_names(session: Session, user_ids: Iterable[int | None]) -> dict[int, str]:
    """User id → display name, for "who did it" lines, in one query."""
    ids = sorted({uid for uid in user_ids if uid is not None})
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all()
    return {user_id: name for user_id, name in rows}


def offices(session: Session) -> list[Office]:
    """Offices in the order routing.yaml created them."""
    return list(session.scalars(select(Office).order_by(Office.id)))
