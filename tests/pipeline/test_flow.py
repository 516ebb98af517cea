"""The whole flow on real parts: items → outbox → RQ → analysis → routing → assignments."""

from __future__ import annotations

import signal

import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from store import outbox
from store.models import Analysis, Assignment, Item, Office, Task
from tests.conftest import make_settings
from tests.pipeline.helpers import ITEMS, child_env, run_burst, seed_offices, start_worker, store_items, wait_for


def test_items_are_analysed_and_routed(
    settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    seed_offices(factory, settings)
    ids = store_items(factory)
    assert outbox.dispatch(factory, redis_conn, settings) == 3
    run_burst(redis_conn, settings)
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Analysis)) == 3
        wage = session.scalar(select(Analysis).where(Analysis.item_id == ids[1]))
        assert wage is not None and wage.urgency == 4 and wage.topic == "农民工工资"
        rows = session.execute(
            select(Item.id, Office.name, Assignment.role, Assignment.due_at)
            .join(Assignment, Assignment.item_id == Item.id)
            .join(Office, Office.id == Assignment.office_id)
        ).all()
        routed = {(i, name, role) for i, name, role, _ in rows}
        assert (ids[0], "信访处", "主办") in routed and (ids[0], "供热燃气处", "协办") in routed
        assert (ids[2], "住房保障处", "主办") in routed
        assert all(due is not None for *_, due in rows)
        assert outbox.counts(session) == {"done": 6}
        assert set(session.scalars(select(Item.triage_status).where(Item.id.in_(ids)))) == {"routed"}


def test_an_advert_is_routed_to_nobody_and_a_second_routing_adds_nothing(
    settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    """The routing job writes a batch's assignments in one insert and its triage states in one
    update per state; routing an item again (a new analysis version) keeps what it has."""
    seed_offices(factory, settings)
    advert = {
        "source": "weibo",
        "source_id": "ad-1",
        "kind": "post",
        "content": "专业疏通下水道，不通不收费，全市上门，私信咨询，加V：tj1234",
        "published_at": "2026-11-20T10:00:00+08:00",
    }
    (ad_id, heat_id, *_) = store_items(factory, [advert, *ITEMS])
    outbox.dispatch(factory, redis_conn, settings)
    run_burst(redis_conn, settings)
    with factory() as session:
        states = dict(session.execute(select(Item.id, Item.triage_status).where(Item.id.in_([ad_id, heat_id]))).all())
        assert states == {ad_id: "no_owner", heat_id: "routed"}
        before = session.scalar(select(func.count()).select_from(Assignment))
        outbox.add_tasks(session, "route", [(heat_id, "again"), (ad_id, "again")])
        session.commit()
    outbox.dispatch(factory, redis_conn, settings)
    run_burst(redis_conn, settings)
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Assignment)) == before
        assert session.scalar(select(Item.triage_status).where(Item.id == heat_id)) == "routed"


def test_worker_killed_mid_job_completes_once_after_restart(
    base_settings: Settings, settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    short_lease = make_settings(base_settings.data_dir, YUQING_WORKER__LEASE_SECONDS="2")
    seed_offices(factory, settings)
    store_items(factory)
    assert outbox.dispatch(factory, redis_conn, short_lease) == 3

    stuck = start_worker(
        child_env(settings, redis_conn, YUQING_WORKER__PAUSE_AFTER_CLAIM="120", YUQING_WORKER__LEASE_SECONDS="2")
    )

    def all_claimed() -> bool:
        with factory() as session:
            return outbox.counts(session).get("running") == 3

    try:
        wait_for(all_claimed, 60, "the first worker to claim the three tasks")
    finally:
        stuck.send_signal(signal.SIGKILL)
        stuck.wait(10)
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Analysis)) == 0

    redriven = [0]

    def swept() -> bool:
        redriven[0] += outbox.sweep(factory)
        return redriven[0] == 3

    wait_for(swept, 30, "the sweeper to re-drive the expired leases")
    assert outbox.dispatch(factory, redis_conn, settings) == 3
    second = start_worker(child_env(settings, redis_conn), burst=True)
    assert second.wait(120) == 0, second.stderr.read().decode() if second.stderr else ""
    with factory() as session:
        per_item = session.execute(select(Analysis.item_id, func.count()).group_by(Analysis.item_id)).all()
        assert sorted(n for _, n in per_item) == [1, 1, 1]
        analyse_tasks = session.scalars(select(Task).where(Task.kind == "analyse")).all()
        assert [(t.state, t.attempts) for t in analyse_tasks] == [("done", 2)] * 3
        assert outbox.counts(session) == {"done": 6}
        dupes = session.execute(
            select(Assignment.item_id, Assignment.office_id, func.count())
            .group_by(Assignment.item_id, Assignment.office_id)
            .having(func.count() > 1)
        ).all()
        assert dupes == []


def test_a_stale_lease_holder_cannot_complete(settings: Settings, factory: sessionmaker[Session]) -> None:
    from datetime import timedelta

    from store.types import utcnow

    store_items(
        factory,
        [
            {"source": "t", "source_id": "1", "kind": "message", "title": "物业", "content": "物业不作为"},
        ],
    )
    with factory() as session:
        task_id = session.scalar(select(Task.id))
        first = outbox.claim(session, task_id, lease_seconds=1)
        assert first and outbox.claim(session, task_id, lease_seconds=1) is None
        second = outbox.claim(session, task_id, 60, now=utcnow() + timedelta(seconds=5))
        assert second and second != first
        assert outbox.complete(session, task_id, first) is False
        assert outbox.complete(session, task_id, second) is True
        session.commit()
