"""The task outbox: durable work rows, leases, dispatch to RQ and the sweeper.

A stage writes its task row in the same transaction as the data it concerns, then
dispatches. RQ may lose a job (a killed worker, a Redis restart); the sweeper re-drives
any task whose lease expired, and ``complete`` only succeeds for the lease holder, so
effects happen once even when a job runs twice.
"""

from __future__ import annotations

import logging
import secrets
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import redis
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from store.models import Task
from store.queue import queue
from store.types import utcnow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TaskKind:
    """Where a kind of task runs: an RQ job named by its dotted path (no import upward)."""

    job: str
    queue: str


TASK_KINDS: dict[str, TaskKind] = {
    "analyse": TaskKind("analysis.jobs.analyse_tasks", "analysis"),
    "route": TaskKind("responder.jobs.route_tasks", "responder"),
}

OPEN_STATES = ("pending", "enqueued", "running")


def add_task(session: Session, kind: str, subject_id: int, version: str = "1") -> Task:
    """Record a unit of work; adding the same (kind, subject, version) twice is a no-op."""
    if kind not in TASK_KINDS:
        raise ValueError(f"unknown task kind {kind!r}")
    existing = session.scalar(
        select(Task).where(Task.kind == kind, Task.subject_id == subject_id, Task.version == version)
    )
    if existing is not None:
        return existing
    task = Task(kind=kind, subject_id=subject_id, version=version, state="pending")
    session.add(task)
    session.flush()
    return task


def dispatch(
    factory: sessionmaker[Session],
    connection: redis.Redis,
    settings: Settings,
    limit: int = 5000,
) -> int:
    """Enqueue pending tasks in batches; returns how many tasks were handed to RQ.

    Rows are marked ``enqueued`` with a lease *before* the RQ call: if the process dies
    in between, the lease expires and the sweeper hands them out again.
    """
    now = utcnow()
    lease = now + timedelta(seconds=settings.worker.lease_seconds)
    with factory() as session, session.begin():
        rows = session.execute(
            select(Task.id, Task.kind).where(Task.state == "pending").order_by(Task.id).limit(limit)
        ).all()
        if not rows:
            return 0
        by_kind: dict[str, list[int]] = defaultdict(list)
        for task_id, kind in rows:
            by_kind[kind].append(task_id)
        batches: list[tuple[str, list[int], str]] = []
        for kind, ids in by_kind.items():
            for start in range(0, len(ids), max(1, settings.worker.batch_size)):
                chunk = ids[start : start + settings.worker.batch_size]
                job_id = f"{kind}-{chunk[0]}-{len(chunk)}-{secrets.token_hex(4)}"
                batches.append((kind, chunk, job_id))
                session.execute(
                    update(Task)
                    .where(Task.id.in_(chunk), Task.state == "pending")
                    .values(state="enqueued", lease_until=lease, job_id=job_id, updated_at=now)
                )
    for kind, chunk, job_id in batches:
        spec = TASK_KINDS[kind]
        queue(connection, spec.queue, settings).enqueue(
            spec.job,
            chunk,
            job_id=job_id,
            job_timeout=max(60, settings.worker.lease_seconds),
            result_ttl=600,
            failure_ttl=7 * 86400,
        )
    return sum(len(c) for _, c, _ in batches)


BatchWork = Callable[[Session, list[int]], None]


def run_leased(
    factory: sessionmaker[Session], task_ids: Sequence[int], settings: Settings, work: BatchWork, what: str
) -> dict[str, int]:
    """Claim a batch, do ``work`` on it and commit its effects with the tasks' completion.

    ``work(session, task_ids)`` only writes; this function owns the lease. A batch whose
    lease was taken over is rolled back (the new holder redoes it). A batch that raises
    is redone task by task, so one bad record is recorded as failed and the rest go on.
    """
    with factory() as session:
        token, won = claim_many(session, task_ids, settings.worker.lease_seconds)
    if settings.worker.pause_after_claim:
        time.sleep(settings.worker.pause_after_claim)  # fault injection for the crash tests
    stats = {"done": 0, "failed": 0, "lost": len(task_ids) - len(won)}
    if not won:
        return stats
    with factory() as session:
        try:
            stats["done" if _commit_with(session, won, token, work) else "lost"] += len(won)
        except Exception:
            session.rollback()
            log.exception("%s batch failed; retrying task by task", what)
            for task_id in won:
                try:
                    stats["done" if _commit_with(session, [task_id], token, work) else "lost"] += 1
                except Exception:
                    session.rollback()
                    log.exception("%s task %s failed", what, task_id)
                    fail(session, task_id, token, traceback.format_exc(), settings.worker.max_attempts)
                    stats["failed"] += 1
    return stats


def _commit_with(session: Session, task_ids: list[int], token: str, work: BatchWork) -> bool:
    work(session, task_ids)
    if not complete_many(session, task_ids, token):
        session.rollback()
        return False
    session.commit()
    return True


def claim(session: Session, task_id: int, lease_seconds: int, now: datetime | None = None) -> str | None:
    """Take one task; returns the lease token, or None if someone else holds it (commits)."""
    token, won = claim_many(session, [task_id], lease_seconds, now)
    return token if won else None


def claim_many(
    session: Session, task_ids: Sequence[int], lease_seconds: int, now: datetime | None = None
) -> tuple[str, list[int]]:
    """Claim a batch in one statement; returns the shared lease token and the ids won.

    One UPDATE and one commit per batch instead of per task: at hundreds of items a
    second the per-task round trips, not the analysis, were the bottleneck.
    """
    now = now or utcnow()
    token = secrets.token_hex(8)
    session.execute(
        update(Task)
        .where(
            Task.id.in_(task_ids),
            or_(Task.state.in_(("pending", "enqueued")), and_(Task.state == "running", Task.lease_until < now)),
        )
        .values(
            state="running",
            lease_token=token,
            lease_until=now + timedelta(seconds=lease_seconds),
            attempts=Task.attempts + 1,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    session.commit()
    won = list(session.scalars(select(Task.id).where(Task.id.in_(task_ids), Task.lease_token == token)))
    return token, sorted(won)


def complete_many(session: Session, task_ids: Sequence[int], token: str) -> bool:
    """Mark a whole batch done in the caller's transaction; False if any lease was lost."""
    if not task_ids:
        return True
    now = utcnow()
    result = session.execute(
        update(Task)
        .where(Task.id.in_(task_ids), Task.lease_token == token, Task.state == "running")
        .values(state="done", done_at=now, updated_at=now, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == len(task_ids)


def add_tasks(session: Session, kind: str, subjects: Sequence[tuple[int, str]]) -> None:
    """Record many tasks at once, skipping those that exist (one query, one insert)."""
    if kind not in TASK_KINDS:
        raise ValueError(f"unknown task kind {kind!r}")
    if not subjects:
        return
    ids = [s for s, _ in subjects]
    existing = set(
        session.execute(select(Task.subject_id, Task.version).where(Task.kind == kind, Task.subject_id.in_(ids))).all()
    )
    now = utcnow()
    fresh = [
        {"kind": kind, "subject_id": sid, "version": ver, "state": "pending", "attempts": 0, "created_at": now,
         "updated_at": now}
        for sid, ver in dict.fromkeys(subjects)
        if (sid, ver) not in existing
    ]  # fmt: skip
    if fresh:
        session.execute(Task.__table__.insert(), fresh)


def complete(session: Session, task_id: int, token: str) -> bool:
    """Mark one task done inside the caller's transaction; False means the lease was lost.

    The caller must roll back its effects when this returns False: another worker has
    taken the task over and will produce them.
    """
    return complete_many(session, [task_id], token)


def fail(session: Session, task_id: int, token: str, error: str, max_attempts: int) -> None:
    """Record an error; the task goes back to pending until its attempts are used up."""
    task = session.get(Task, task_id)
    if task is None or task.lease_token != token:
        return
    task.last_error = error[-4000:]
    task.state = "failed" if task.attempts >= max_attempts else "pending"
    task.lease_until = None
    task.updated_at = utcnow()
    session.commit()


def sweep(factory: sessionmaker[Session], now: datetime | None = None) -> int:
    """Return expired enqueued/running tasks to pending; returns how many were re-driven."""
    now = now or utcnow()
    with factory() as session, session.begin():
        result = session.execute(
            update(Task)
            .where(Task.state.in_(("enqueued", "running")), Task.lease_until < now)
            .values(state="pending", lease_until=None, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        count = result.rowcount or 0
    if count:
        log.warning("sweeper re-drove %d tasks whose lease expired", count)
    return count


def counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Task.state, func.count()).group_by(Task.state)).all()
    return {state: n for state, n in rows}


def wait_until_idle(
    factory: sessionmaker[Session], timeout: float, kinds: Iterable[str] | None = None, poll: float = 0.2
) -> bool:
    """Block until no task is open (for the CLI's ``--wait`` and for tests)."""
    deadline = time.monotonic() + timeout
    wanted: Sequence[str] | None = list(kinds) if kinds else None
    while time.monotonic() < deadline:
        with factory() as session:
            query = select(func.count()).select_from(Task).where(Task.state.in_(OPEN_STATES))
            if wanted:
                query = query.where(Task.kind.in_(wanted))
            if not session.scalar(query):
                return True
        time.sleep(poll)
    return False
