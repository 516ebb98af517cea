"""Read-side queries shared by the queue page and the JSON API, so both show one truth.

An item may have several analyses (one per model version); the current one is the
latest row, picked in SQL with a ``max(id)`` sub-select rather than in Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from math import ceil
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from store.models import Analysis, Assignment, Item, Office, User
from web.policy import scope_items

T = TypeVar("T")
OPEN_STATUSES = ("open", "acknowledged", "responded")


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

    @property
    def lead(self) -> list[Assignment]:
        return [a for a in self.item.assignments if a.role == "主办"]

    @property
    def support(self) -> list[Assignment]:
        return [a for a in self.item.assignments if a.role != "主办"]

    @property
    def deadline(self) -> datetime | None:
        """The earliest deadline still running: what the duty officer has to beat."""
        dues = [a.due_at for a in self.item.assignments if a.due_at and a.status in OPEN_STATUSES]
        return min(dues) if dues else None


def parse_page(args: Mapping[str, str], default_per_page: int = 50, max_per_page: int = 200) -> tuple[int, int]:
    def number(name: str, default: int) -> int:
        raw = args.get(name, "")
        return int(raw) if raw.isdigit() and int(raw) > 0 else default

    return min(number("page", 1), 10_000), min(number("per_page", default_per_page), max_per_page)


def latest_analysis_ids() -> Any:
    return select(Analysis.item_id, func.max(Analysis.id).label("analysis_id")).group_by(Analysis.item_id).subquery()


def _queue_query(user: User, filters: QueueFilters) -> Select[Any]:
    latest = latest_analysis_ids()
    query = (
        select(Item, Analysis)
        .outerjoin(latest, latest.c.item_id == Item.id)
        .outerjoin(Analysis, Analysis.id == latest.c.analysis_id)
    )
    if filters.urgency is not None:
        query = query.where(Analysis.urgency == filters.urgency)
    if filters.topic:
        query = query.where(Analysis.topic == filters.topic)
    if filters.status:
        query = query.where(Item.triage_status == filters.status)
    if filters.office:
        routed = select(Assignment.item_id).join(Office).where(Office.name == filters.office)
        query = query.where(Item.id.in_(routed))
    return scope_items(query, user)


def queue_page(session: Session, user: User, filters: QueueFilters, page: int, per_page: int) -> Page[QueueRow]:
    """Items by urgency (highest first, unanalysed last), then newest first."""
    query = _queue_query(user, filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    newest = func.coalesce(Item.published_at, Item.first_seen_at)
    ordered = (
        query.order_by(Analysis.urgency.desc().nulls_last(), newest.desc(), Item.id.desc())
        .options(selectinload(Item.assignments).selectinload(Assignment.office))
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    rows = [QueueRow(item, analysis) for item, analysis in session.execute(ordered).all()]
    return Page(rows=rows, page=page, per_page=per_page, total=total)


def current_analysis(session: Session, item_id: int) -> Analysis | None:
    return session.scalar(select(Analysis).where(Analysis.item_id == item_id).order_by(Analysis.id.desc()).limit(1))


def offices(session: Session) -> list[Office]:
    """Offices in the order routing.yaml created them."""
    return list(session.scalars(select(Office).order_by(Office.id)))
