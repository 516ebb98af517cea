"""The worker raises urgency from the event an item joins: a hotline matter going public, a repeat complainant."""

from __future__ import annotations

import redis
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from store import outbox
from store.models import Analysis, Item
from tests.pipeline.helpers import run_burst, seed_offices, store_items

HEATING = "南开区长虹公寓5号楼暖气不热，室温只有15度，热力公司一直不来处理"
RECORDS = [
    {
        "source": "hotline_12319",
        "source_id": "gd-1",
        "kind": "work_order",
        "title": "长虹公寓暖气不热",
        "content": HEATING,
        "published_at": "2026-11-24T08:00:00+08:00",
        "request_type": "投诉",
        "author_id": "caller-7f3a",
    },
    {
        "source": "people_liuyan",
        "source_id": "b-1",
        "kind": "message",
        "title": "长虹公寓暖气不热没人管",
        "content": HEATING + "，打了12319也没用",
        "published_at": "2026-11-24T15:00:00+08:00",
        "request_type": "投诉",
        "author_id": "caller-7f3a",
    },
    {
        "source": "hotline_12319",
        "source_id": "gd-2",
        "kind": "work_order",
        "title": "长虹公寓暖气还是不热",
        "content": HEATING + "，这是第三次反映了",
        "published_at": "2026-11-25T08:00:00+08:00",
        "request_type": "投诉",
        "author_id": "caller-7f3a",
    },
]


def test_event_context_raises_urgency_in_the_worker(
    settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    seed_offices(factory, settings)
    ids = []
    for record in RECORDS:  # one at a time, as they would arrive
        ids += store_items(factory, [record])
        outbox.dispatch(factory, redis_conn, settings)
        run_burst(redis_conn, settings)
    with factory() as session:
        events = {session.get(Item, i).event_id for i in ids}
        assert len(events) == 1 and None not in events
        rows = {a.item_id: a for a in session.scalars(select(Analysis).where(Analysis.item_id.in_(ids)))}
        call, post, third = (rows[i] for i in ids)
        assert call.urgency == 2
        # On a message board the move to a public channel is noted; the level stays.
        assert post.urgency == 2 and "热线诉求已转到公开渠道" in post.urgency_reasons
        assert "同一诉求人第2次反映" in post.urgency_reasons
        assert third.urgency == 3 and "同一诉求人第3次反映" in third.urgency_reasons
