"""A comment that names no topic takes its post's: in one batch, and from the database."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import redis
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from analysis.pipeline import Analyser, ItemFacts
from config import Settings, load_settings
from store import outbox
from store.models import Analysis
from tests.pipeline.helpers import run_burst, seed_offices, store_items

NOW = datetime(2026, 11, 26, 8, tzinfo=UTC)
NOTICE = "【供热提示】11月15日起正式供热，试水期间请家中留人，发现暖气跑冒滴漏及时报修。"


def facts(ref: str, content: str, kind: str = "comment", **extra: object) -> ItemFacts:
    return ItemFacts(ref=ref, source="weibo", kind=kind, title="", content=content, published_at=NOW, **extra)


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser.load(load_settings(environ={}))


def test_a_comment_in_the_same_batch_takes_its_posts_topic(analyser: Analyser) -> None:
    post = facts("p1", NOTICE, kind="post")
    reply = facts("c1", "收到，已转发到我们楼群里了，那两天家里留人。", parent_ref="p1")
    ad = facts("c2", "加微信领优惠，全城最低价", parent_ref="p1")
    loose = facts("c3", "收到，已转发到我们楼群里了，那两天家里留人。")
    got = analyser.analyse_many([post, reply, ad, loose], NOW)
    assert got[0].topic == "供热"
    assert got[1].topic == "供热" and got[1].explanation["topic_decided_by"] == "parent"
    assert got[2].topic == "其他"  # an ad under the post is still an ad
    assert got[3].topic == "其他"  # without its thread nothing says what it is about


def test_the_worker_reads_the_topic_of_a_post_analysed_earlier(
    settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    seed_offices(factory, settings)
    post = {"source": "weibo", "source_id": "5200000000000001", "kind": "post", "content": NOTICE,
            "published_at": "2026-11-10T10:00:00+08:00"}  # fmt: skip
    store_items(factory, [post])
    outbox.dispatch(factory, redis_conn, settings)
    run_burst(redis_conn, settings)
    reply = {"source": "weibo", "source_id": "5200000000000002", "kind": "comment", "parent_id": post["source_id"],
             "content": "收到，已转发到楼群里了，家里留人。", "published_at": "2026-11-10T11:00:00+08:00"}  # fmt: skip
    [reply_id] = store_items(factory, [reply])
    outbox.dispatch(factory, redis_conn, settings)
    run_burst(redis_conn, settings)
    with factory() as session:
        row = session.scalar(select(Analysis).where(Analysis.item_id == reply_id))
        assert row is not None and row.topic == "供热" and row.explanation["topic_decided_by"] == "parent"


def test_the_worker_gives_a_comment_the_topic_of_its_post_in_the_same_batch(
    settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    """The worker's refs are database ids and a comment names its post by the source's id: the
    batch must match them by the source's id, or a comment crawled with its post loses the topic."""
    seed_offices(factory, settings)
    post = {"source": "weibo", "source_id": "5200000000000011", "kind": "post", "content": NOTICE,
            "published_at": "2026-11-10T10:00:00+08:00"}  # fmt: skip
    reply = {"source": "weibo", "source_id": "5200000000000012", "kind": "comment", "parent_id": post["source_id"],
             "content": "收到，已转发到楼群里了，家里留人。", "published_at": "2026-11-10T11:00:00+08:00"}  # fmt: skip
    [_, reply_id] = store_items(factory, [post, reply])
    outbox.dispatch(factory, redis_conn, settings)
    run_burst(redis_conn, settings)
    with factory() as session:
        row = session.scalar(select(Analysis).where(Analysis.item_id == reply_id))
        assert row is not None and row.topic == "供热" and row.explanation["topic_decided_by"] == "parent"
