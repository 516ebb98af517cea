"""Store normalised items: deduplicate on (source, external id), keep revisions, queue analysis."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Item, ItemRevision, Task
from store.outbox import add_task
from store.types import utcnow

KINDS = ("message", "post", "comment", "work_order")
LOCAL_TZ = ZoneInfo("Asia/Shanghai")
# Fields copied as they are from the normalised record onto the item row.
PLAIN_FIELDS = (
    "kind",
    "parent_id",
    "url",
    "title",
    "content_html",
    "author_name",
    "author_id",
    "target_org",
    "domain",
    "status",
    "status_raw",
    "reply_org",
    "reply_text",
    "district",
)


class ItemError(ValueError):
    """A record that cannot be stored; the message says which field and why."""


@dataclass(frozen=True)
class SaveResult:
    item_id: int
    outcome: str  # stored / duplicate / updated / revised


def content_hash(title: str | None, content: str) -> str:
    return hashlib.sha256(f"{title or ''}\x1f{content}".encode()).hexdigest()


def parse_time(value: Any, field: str = "published_at") -> datetime | None:
    """Accept aware datetimes, unix seconds and ISO strings; naive values are Beijing time."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(float(value), UTC)
    elif isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return datetime.fromtimestamp(int(text), UTC)
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as exc:
            raise ItemError(f"{field}: not a date/time: {value!r}") from exc
    else:
        raise ItemError(f"{field}: not a date/time: {value!r}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=LOCAL_TZ)
    return parsed.astimezone(UTC)


def validate(record: dict[str, Any]) -> None:
    for key in ("source", "source_id", "kind"):
        if not str(record.get(key) or "").strip():
            raise ItemError(f"{key}: required")
    if record["kind"] not in KINDS:
        raise ItemError(f"kind: must be one of {', '.join(KINDS)}, got {record['kind']!r}")
    if not (record.get("content") or record.get("title")):
        raise ItemError("content: an item needs a title or content")


def save_item(session: Session, record: dict[str, Any], analyse: bool = True) -> SaveResult:
    """Insert or update one normalised record and, when its text is new, queue its analysis.

    Runs inside the caller's transaction so the item and its task commit together.
    """
    validate(record)
    source = str(record["source"]).strip()
    external_id = str(record["source_id"]).strip()
    text = str(record.get("content") or "")
    title = record.get("title")
    digest = content_hash(title, text)
    now = utcnow()
    item = session.scalar(select(Item).where(Item.source == source, Item.external_id == external_id))
    if item is None:
        item = Item(source=source, external_id=external_id, content_text=text, content_hash=digest, revision=1)
        _apply(item, record, now)
        session.add(item)
        session.flush()
        if analyse:  # a new item has no task yet: insert without looking
            session.add(Task(kind="analyse", subject_id=item.id, version="1", state="pending"))
        return SaveResult(item.id, "stored")
    changed_fields = _apply(item, record, now)
    if item.content_hash == digest:
        return SaveResult(item.id, "updated" if changed_fields else "duplicate")
    session.add(
        ItemRevision(
            item_id=item.id,
            revision=item.revision,
            content_hash=item.content_hash,
            title=item.title,
            content_text=item.content_text,
            raw=item.raw,
            captured_at=item.crawled_at,
        )
    )
    item.revision += 1
    item.title = title
    item.content_text = text
    item.content_hash = digest
    session.flush()
    if analyse:
        add_task(session, "analyse", item.id, str(item.revision))
    return SaveResult(item.id, "revised")


def _apply(item: Item, record: dict[str, Any], now: datetime) -> bool:
    """Copy the record's fields onto the row; True when something other than text changed."""
    changed = False
    values: dict[str, Any] = {field: record.get(field) for field in PLAIN_FIELDS if field in record}
    if "request_type" in record:
        values["request_type_raw"] = record.get("request_type")
    for field in ("author_meta", "metrics", "raw"):
        if field in record:
            values[field] = dict(record.get(field) or {})
    if "published_at" in record:
        values["published_at"] = parse_time(record.get("published_at"))
    if "replied_at" in record:
        values["replied_at"] = parse_time(record.get("replied_at"), "replied_at")
    for field, value in values.items():
        if getattr(item, field) != value:
            setattr(item, field, value)
            changed = field not in ("raw",) or changed
    if item.title is None and record.get("title"):
        item.title = record["title"]
    item.crawled_at = now
    return changed
