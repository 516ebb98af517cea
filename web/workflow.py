"""An assignment's life after routing: 签收 → 回复 → 办结, each step with an audit row.

The transitions are plain functions over a session (no Flask), so the rules are tested
without a request and every caller (form, future API) enforces the same ones:

- 签收 (acknowledge) only from ``open``; it stamps ``acknowledged_at``.
- 回复 (respond) from any state but ``closed``; it records a ``Response`` and sets
  ``responded``. Replying to an unsigned task signs it too: a reply proves receipt.
- 办结 (close) only after at least one recorded response, because the ledger must show
  *what* the office did, not just that it ticked a box.

The item's ``triage_status`` follows its lead (主办) offices: it is as far along as the
least advanced of them, so "已办结" in the queue means every lead office finished.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from store.accounts import audit
from store.models import Assignment, Item, Response, User

STATUS_ORDER = ("open", "acknowledged", "responded", "closed")
# Item statuses the workflow may move; new / ignored / no_owner belong to triage.
WORKFLOW_ITEM_STATUSES = {"routed", "acknowledged", "responded", "closed"}
ITEM_STATUS_FOR = {"open": "routed", "acknowledged": "acknowledged", "responded": "responded", "closed": "closed"}
MAX_TEXT = 4000
CLOCK_SKEW = timedelta(minutes=5)  # a "published at" typed to the minute may run ahead a little


class TransitionError(ValueError):
    """A step the assignment's state does not allow; the message is shown to the officer."""


def acknowledge(
    session: Session, assignment: Assignment, actor: User, now: datetime, remote_addr: str | None = None
) -> None:
    if assignment.status == "closed":
        raise TransitionError("该任务已办结，无需签收")
    if assignment.status != "open":
        raise TransitionError("该任务已签收")
    before = assignment.status
    assignment.status = "acknowledged"
    assignment.acknowledged_at = now
    _audit(session, assignment, actor, "assignment.acknowledge", before, remote_addr)
    sync_item_status(assignment.item)


def respond(
    session: Session,
    assignment: Assignment,
    actor: User,
    text: str,
    channel: str,
    now: datetime,
    published_at: datetime | None = None,
    remote_addr: str | None = None,
) -> Response:
    """Record a reply to the public; ``published_at`` is when it went out, if not now."""
    text = text.strip()
    if not text:
        raise TransitionError("请填写回复内容")
    if len(text) > MAX_TEXT:
        raise TransitionError(f"回复内容不能超过{MAX_TEXT}字")
    if assignment.status == "closed":
        raise TransitionError("该任务已办结，不能再登记回复")
    if published_at is not None and published_at > now + CLOCK_SKEW:
        raise TransitionError("发布时间不能晚于当前时间")
    before = assignment.status
    if assignment.acknowledged_at is None:
        assignment.acknowledged_at = now
    assignment.status = "responded"
    response = Response(
        assignment=assignment,  # also appends to assignment.responses, which close() checks
        text=text,
        channel=channel,
        published_at=published_at,
        user_id=actor.id,
        created_at=now,
    )
    session.add(response)
    session.flush()
    _audit(
        session, assignment, actor, "assignment.respond", before, remote_addr,
        extra={"channel": channel, "response": response.id},
    )  # fmt: skip
    sync_item_status(assignment.item)
    return response


def close(session: Session, assignment: Assignment, actor: User, now: datetime, remote_addr: str | None = None) -> None:
    if assignment.status == "closed":
        raise TransitionError("该任务已办结")
    if assignment.status != "responded" or not assignment.responses:
        raise TransitionError("请先登记回复，再办结")
    before = assignment.status
    assignment.status = "closed"
    assignment.closed_at = now
    _audit(session, assignment, actor, "assignment.close", before, remote_addr)
    sync_item_status(assignment.item)


def sync_item_status(item: Item) -> None:
    """Move the item's triage status to the least advanced of its lead offices' statuses."""
    if item.triage_status not in WORKFLOW_ITEM_STATUSES or not item.assignments:
        return
    leads = [a for a in item.assignments if a.role == "主办"] or list(item.assignments)
    slowest = min(leads, key=lambda a: STATUS_ORDER.index(a.status) if a.status in STATUS_ORDER else 0)
    item.triage_status = ITEM_STATUS_FOR.get(slowest.status, "routed")


def _audit(
    session: Session,
    assignment: Assignment,
    actor: User,
    action: str,
    before: str,
    remote_addr: str | None,
    extra: dict[str, object] | None = None,
) -> None:
    detail = {"office": assignment.office.name, "before": before, "after": assignment.status, **(extra or {})}
    audit(session, actor, action, "assignment", assignment.id, detail=detail, remote_addr=remote_addr)
