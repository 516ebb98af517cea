"""Watch-lists, spikes and re-notification of unsigned alerts, on the real database and channel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from responder.alert_rules import AlertRules, RenotifyStep
from responder.alerts import renotify_unsigned
from responder.spikes import SpikeRules, find_spikes, raise_spikes
from responder.watch import WatchError, WatchGroup
from store import outbox
from store.models import Alert, Analysis, Item, Notification
from tests.pipeline.helpers import run_burst, seed_offices, store_items

NOW = datetime(2026, 12, 2, 10, 30, tzinfo=UTC)


def test_watch_terms_follow_the_search_box_syntax() -> None:
    gas = WatchGroup.parse({"name": "燃气安全", "terms": ["燃气", "煤气", "+泄漏", "!演练"]})
    assert gas.match("小区燃气管道泄漏，味道很大") == ("燃气", "泄漏")
    assert gas.match("燃气管道老化") == ()  # the required word is missing
    assert gas.match("燃气泄漏应急演练") == ()  # an excluded word
    crane = WatchGroup.parse({"name": "塔吊", "terms": ["/塔吊.{0,4}(倒|歪)/"], "level": 4})
    assert crane.match("工地塔吊有点歪了") == ("塔吊有点歪",) and crane.level == 4
    assert WatchGroup.parse({"name": "只有必需词", "terms": ["+建委", "+记者"]}).match("建委回应记者") == (
        "建委",
        "记者",
    )
    with pytest.raises(WatchError, match="bad pattern"):
        WatchGroup.parse({"name": "坏", "terms": ["/([/"]})
    with pytest.raises(WatchError, match="non-empty"):
        WatchGroup.parse({"name": "空", "terms": []})


def test_the_shipped_alert_rules_load(settings: Settings) -> None:
    rules = AlertRules.load(settings)
    assert {g.name for g in rules.watch} >= {"媒体关注", "燃气安全"}
    assert rules.spikes.min_items >= 1 and [s.notify for s in rules.renotify] == ["处室负责人", "带班领导"]


WATCHED = [
    {"source": "people_liuyan", "source_id": "w1", "kind": "message", "title": "红桥区丁字沽小区燃气泄漏",
     "content": "红桥区丁字沽三号路小区楼道燃气泄漏，味道很大，燃气公司还没来", "request_type": "求助",
     "published_at": "2026-11-25T09:00:00+08:00"},
    {"source": "weibo", "source_id": "w2", "kind": "post",
     "content": "红桥区丁字沽三号路小区楼道燃气泄漏，味道很大，燃气公司还没来，急急急",
     "published_at": "2026-11-25T09:20:00+08:00"},
    {"source": "people_liuyan", "source_id": "w3", "kind": "message", "title": "燃气安全宣传进社区",
     "content": "社区组织燃气安全宣传和泄漏应急演练，居民积极参加", "request_type": "表扬",
     "published_at": "2026-11-25T10:00:00+08:00"},
]  # fmt: skip


def test_a_watch_group_alerts_once_per_event(
    settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    seed_offices(factory, settings)
    store_items(factory, WATCHED)
    outbox.dispatch(factory, redis_conn, settings)
    run_burst(redis_conn, settings)
    with factory() as session:
        watch = list(session.scalars(select(Alert).where(Alert.kind == "watch")))
        assert [a.detail["group"] for a in watch] == ["燃气安全"], "the repost joins the post's event; 演练 is excluded"
        assert "命中关注词：燃气、泄漏" in watch[0].detail["reasons"]


def test_spikes_need_the_floor_and_the_ratio_over_every_baseline() -> None:
    rules = SpikeRules(min_items=5, sensitivity=3.0)
    quiet = [0] * 169
    assert find_spikes({"all": [9, *quiet[1:]]}, rules)[0].expected == 0
    assert find_spikes({"all": [4, *quiet[1:]]}, rules) == []  # under the floor
    busy_yesterday = [9, *quiet[1:]]
    busy_yesterday[24] = 4  # the same hour a day before: 9 is not 3 × 4
    assert find_spikes({"all": busy_yesterday}, rules) == []
    steady = [12] + [4] * 12 + [0] * 156
    assert find_spikes({"all": steady}, rules)[0].baselines["前12小时均值"] == 4


def _add(session: Session, n: int, when: datetime, topic: str, prefix: str) -> None:
    for i in range(n):
        item = Item(source="people_liuyan", external_id=f"{prefix}{i}", kind="message", title=f"{topic}{i}",
                    content_text="暖气不热", content_hash=f"{prefix}{i}",
                    published_at=when - timedelta(minutes=i), first_seen_at=when)  # fmt: skip
        session.add(item)
        session.flush()
        session.add(Analysis(item_id=item.id, model_version="t", sentiment_score=0.1, sentiment_label="neg",
                             topic=topic, topic_tags=[], request_type="投诉", urgency=2, urgency_reasons=[],
                             entities={}, keywords_hit=[], explanation={}))  # fmt: skip


def test_a_surge_of_one_topic_raises_one_spike_alert_per_hour(session: Session) -> None:
    _add(session, 8, NOW - timedelta(minutes=5), "供热", "h")  # last hour
    _add(session, 3, NOW - timedelta(hours=5), "供热", "b")  # earlier today
    _add(session, 2, NOW - timedelta(minutes=10), "物业管理", "p")
    session.commit()
    rules = SpikeRules(min_items=5, sensitivity=3.0, scopes=("all", "topic"))
    raised = raise_spikes(session, rules, NOW)
    session.commit()
    assert sorted(a.detail["scope"] for a in raised) == ["all", "topic:供热"]
    assert raise_spikes(session, rules, NOW + timedelta(minutes=10)) == []  # same hour: once
    heat = next(a for a in raised if a.detail["scope"] == "topic:供热")
    assert heat.detail["observed"] == 8 and heat.title.startswith("【热度突增】供热")


def test_unsigned_alerts_climb_the_ladder_once_per_step(session: Session, settings: Settings) -> None:
    steps = (RenotifyStep(30, "处室负责人"), RenotifyStep(120, "带班领导"))
    old = Alert(kind="watch", level=3, title="【媒体关注】记者来电", detail={}, dedup_key="w:1",
                created_at=NOW - timedelta(minutes=40))  # fmt: skip
    signed = Alert(kind="watch", level=3, title="已签", detail={}, dedup_key="w:2",
                   created_at=NOW - timedelta(hours=5), signed_at=NOW - timedelta(hours=4))  # fmt: skip
    fresh = Alert(kind="spike", level=3, title="刚发", detail={}, dedup_key="w:3", created_at=NOW)
    session.add_all([old, signed, fresh])
    session.commit()
    assert renotify_unsigned(session, settings, steps, NOW) == 1
    assert renotify_unsigned(session, settings, steps, NOW) == 0
    # 100 minutes on: the old alert reaches the second step, the fresh one its first.
    assert renotify_unsigned(session, settings, steps, NOW + timedelta(minutes=100)) == 2
    session.commit()
    subjects = [n.subject for n in session.scalars(select(Notification).order_by(Notification.id))]
    assert subjects == [
        "【未签收·报处室负责人】【媒体关注】记者来电",
        "【未签收·报带班领导】【媒体关注】记者来电",
        "【未签收·报处室负责人】刚发",
    ]
    assert session.scalar(select(func.count()).select_from(Notification)) == 3


def test_the_scheduler_sweep_raises_spikes(settings: Settings, session: Session) -> None:
    from yuqing_cli.scheduler import Scheduler

    now = datetime.now(UTC)
    _add(session, 6, now - timedelta(minutes=1), "燃气", "g")
    session.commit()
    session.close()
    Scheduler(settings).periodic_alerts(now)
    scopes = set(session.scalars(select(Alert.dedup_key).where(Alert.kind == "spike")))
    assert {k.rsplit(":", 1)[0] for k in scopes} == {"spike:all", "spike:topic:燃气"}


def test_finished_ladders_are_not_read_again(session: Session, settings: Settings) -> None:
    steps = (RenotifyStep(30, "处室负责人"),)
    stale = Alert(kind="watch", level=3, title="三天前", detail={}, dedup_key="w:old",
                  created_at=NOW - timedelta(days=3))  # fmt: skip
    recent = Alert(kind="watch", level=3, title="一小时前", detail={}, dedup_key="w:new",
                   created_at=NOW - timedelta(hours=1))  # fmt: skip
    session.add_all([stale, recent])
    session.commit()
    assert renotify_unsigned(session, settings, steps, NOW) == 1
    session.commit()
    assert [n.subject for n in session.scalars(select(Notification))] == ["【未签收·报处室负责人】一小时前"]
