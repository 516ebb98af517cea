"""Crisis items alert at once, once per event; alerts are sent once, through the real channel."""

from __future__ import annotations

import email
from pathlib import Path

import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from responder.alerts import send_pending
from store import outbox
from store.models import Alert, Notification
from tests.pipeline.helpers import run_burst, seed_offices, store_items

CRISIS = [
    {"source": "people_liuyan", "source_id": "c1", "kind": "message", "title": "再不发工资就跳楼",
     "content": "宏达建筑公司在河西区梅江工地拖欠我们工人工资半年，再不给就从楼顶跳下去", "request_type": "投诉",
     "published_at": "2026-11-25T09:00:00+08:00"},
    {"source": "weibo", "source_id": "c2", "kind": "post",
     "content": "河西区梅江工地宏达建筑公司拖欠工人工资半年，工人扬言跳楼，现场很多人围观",
     "published_at": "2026-11-25T10:00:00+08:00"},
    {"source": "people_liuyan", "source_id": "c3", "kind": "message", "title": "请问公租房怎么申请",
     "content": "请问公租房申请需要什么条件？", "published_at": "2026-11-25T11:00:00+08:00"},
]  # fmt: skip


def test_a_crisis_event_alerts_once_and_is_sent_once(
    settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    seed_offices(factory, settings)
    store_items(factory, CRISIS)
    outbox.dispatch(factory, redis_conn, settings)
    run_burst(redis_conn, settings)
    with factory() as session:
        alerts = list(session.scalars(select(Alert)))
        assert [(a.kind, a.level) for a in alerts] == [("crisis", 4)], "one alert for the event, none for the question"
        assert "跳楼" in " ".join(alerts[0].detail["reasons"])
        sent = send_pending(session, settings)
        assert [a.id for a in sent] == [alerts[0].id]
        assert send_pending(session, settings) == []  # nothing twice
        row = session.scalar(select(Notification))
        assert row is not None and row.sent_at is not None and row.location
        assert session.scalar(select(func.count()).select_from(Notification)) == 1
    message = email.message_from_bytes(Path(row.location).read_bytes(), policy=email.policy.default)
    assert "危机预警" in str(message["Subject"])
    assert "跳楼" in message.get_body(("plain",)).get_content()
