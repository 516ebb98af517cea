"""The database path of event grouping, on the real database of the test run.

Each ``batch`` does what an analysis job does: one ``recent_index`` per batch, then per
item an analysis row and ``attach`` in the same transaction, then one commit.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from analysis.events import EventIndex, Signature, signature_for
from analysis.grouping import EventEditError, attach, attach_many, merge_events, recent_index, split_item
from analysis.jobs import analyse_tasks, analysis_values, facts_for
from analysis.pipeline import Analyser
from analysis.sentiment_snownlp import SnowNLPSentiment
from config import Settings, load_settings
from responder.alerts import raise_crisis
from responder.routing import Decision
from store import runtime
from store.accounts import create_user
from store.items import save_item
from store.models import Alert, Analysis, AuditLog, Event, Item, Task, User

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser.load(load_settings(environ={}), engine=SnowNLPSentiment())


def at(hours_ago: float) -> str:
    return (NOW - timedelta(hours=hours_ago)).isoformat()


def rec(source_id: str, content: str, hours_ago: float, source: str = "hotline", **extra: Any) -> dict[str, Any]:
    kind = {"hotline": "work_order", "weibo": "post"}.get(source, "message")
    return {
        "source": source,
        "source_id": source_id,
        "kind": kind,
        "content": content,
        "published_at": at(hours_ago),
    } | extra


def analysed(session: Session, analyser: Analyser, record: dict[str, Any]) -> tuple[Item, Signature]:
    """Store the item and its analysis row as the job does; return the row and its signature."""
    item = session.get(Item, save_item(session, record).item_id)
    assert item is not None
    result = analyser.analyse(facts_for(item), NOW, score=0.5)
    done = select(Analysis).where(Analysis.item_id == item.id, Analysis.model_version == result.model_version)
    if session.scalar(done) is not None:  # analysed before: the job keeps the row
        return item, result.signature
    session.add(Analysis(**analysis_values(item.id, result, NOW)))  # score=0.5 above: no model needed
    return item, result.signature


def batch(
    factory: sessionmaker[Session], analyser: Analyser, *records: dict[str, Any], rules_only: bool = False
) -> list[tuple[int, str | None]]:
    with factory() as session:
        index = recent_index(session, set(), NOW)
        if rules_only:
            index.judge = None
        placed = []
        for record in records:
            item, sig = analysed(session, analyser, record)
            event, reason = attach(session, index, item, sig, NOW)
            placed.append((event.id, reason))
        session.commit()
    return placed


@pytest.fixture
def statements(session: Session) -> Iterator[list[str]]:
    """SQL statements run through the session's engine while the test body runs."""
    seen: list[str] = []
    engine = session.get_bind()

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    sa_event.listen(engine, "before_cursor_execute", record)
    yield seen
    sa_event.remove(engine, "before_cursor_execute", record)


def test_three_channels_over_days_make_one_event_with_a_timeline(
    factory: sessionmaker[Session], analyser: Analyser
) -> None:
    call = rec("GD1", "来电人反映：河西区幸福里小区3号楼暖气不热，室温14度，要求热力公司处理。", 72)
    board = rec(
        "20931547", "我家住幸福里3号楼，供暖后屋里冰凉，室温不到16度。", 48, "people_liuyan", title="幸福里供暖不达标"
    )
    post = rec(
        "5100000000000001", "河西幸福里三号楼的暖气是摆设吗？孩子冻感冒了", 24, "weibo", metrics={"reposts": 300}
    )
    parking = rec("GD2", "来电人反映：河西区幸福里小区物业擅自上调停车费，不交费不让车辆进门。", 20)
    placed = [batch(factory, analyser, r)[0] for r in (call, board, post, parking)]
    assert placed[0][0] == placed[1][0] == placed[2][0] != placed[3][0]
    assert placed[0][1] is None and "幸福里" in (placed[2][1] or "")
    with factory() as session:
        event = session.get(Event, placed[0][0])
        assert event is not None and event.item_count == 3 and event.topic == "供热"
        assert set(event.channels) == {"hotline", "people_liuyan", "weibo"}
        assert event.channels["weibo"]["count"] == 1 and event.channels["weibo"]["first"].startswith(at(24)[:13])
        assert event.heat >= 300


def test_a_batch_that_starts_several_events_counts_each_right(
    factory: sessionmaker[Session], analyser: Analyser
) -> None:
    """One worker batch starts two events and grows one of them (the events are made together):
    each item points to its own event, and each event counts its own items."""
    records = [
        rec("GD1", "来电人反映：河西区幸福里小区3号楼暖气不热，室温14度，要求热力公司处理。", 6),
        rec("GD2", "来电人反映：南开区华苑居华里12号楼楼道内有明显燃气味，怀疑漏气。", 5),
        rec("5100000000000301", "河西幸福里三号楼的暖气是摆设吗？室温14度，孩子冻感冒了", 4, "weibo"),
    ]
    with factory() as session:
        pairs = [analysed(session, analyser, r) for r in records]
        items, sigs = [item for item, _ in pairs], [sig for _, sig in pairs]
        placed = attach_many(session, recent_index(session, set(), NOW), items, sigs, NOW)
        session.commit()
        ids = [event.id for event, _ in placed]
        assert ids[0] == ids[2] != ids[1]
        assert [e.item_count for e, _ in placed] == [2, 1, 2]
        assert [session.scalar(select(Item.event_id).where(Item.id == i.id)) for i in items] == ids


def test_a_batch_sees_what_another_worker_committed_since(factory: sessionmaker[Session], analyser: Analyser) -> None:
    batch(factory, analyser, rec("GD1", "来电人反映：南开区华苑居华里12号楼楼道内有明显燃气味，怀疑漏气。", 5))
    with factory() as session:  # another worker: its own index, same database
        item, sig = analysed(session, analyser, rec("GD2", "来电人反映：北辰区果园新村7号楼厨房有燃气味。", 4))
        other, _ = attach(session, EventIndex(), item, sig, NOW)
        session.commit()
        other_id = other.id
    later = rec("5100000000000009", "北辰果园新村这两天老闻到煤气味，心里发慌", 3, "weibo")
    assert batch(factory, analyser, later)[0][0] == other_id


def test_a_rolled_back_batch_leaves_nothing_to_join(factory: sessionmaker[Session], analyser: Analyser) -> None:
    text = "来电人反映：和平区新华南里小区自来水发黄有异味，已持续三天。"
    with factory() as session:
        index = recent_index(session, set(), NOW)
        item, sig = analysed(session, analyser, rec("GD1", text, 6))
        attach(session, index, item, sig, NOW)
        session.rollback()
    placed = batch(factory, analyser, rec("GD2", text, 5))
    with factory() as session:
        event = session.get(Event, placed[0][0])
        assert placed[0][1] is None and event is not None and event.item_count == 1
        assert session.scalar(select(Item).where(Item.external_id == "GD1")) is None


def test_analysing_an_item_again_keeps_its_event_and_counts_it_once(
    factory: sessionmaker[Session], analyser: Analyser
) -> None:
    record = rec("GD1", "来电人反映：红桥区芥园里小区2号楼电梯停运一个月，物业拖延维修。", 5)
    first = batch(factory, analyser, record)
    second = batch(factory, analyser, record)
    assert first[0][0] == second[0][0]
    with factory() as session:
        event = session.get(Event, first[0][0])
        assert event is not None and event.item_count == 1


def test_a_comment_on_a_post_older_than_the_window_joins_its_event(
    factory: sessionmaker[Session], analyser: Analyser
) -> None:
    post = rec("5100000000000100", "西青杨柳青镇柳口路旁的村子半夜被强拆了", 24 * 120, "weibo")
    ((post_event, _),) = batch(factory, analyser, post)
    with factory() as session:  # the post came in four months ago: outside every window
        row = session.scalar(select(Item).where(Item.external_id == post["source_id"]))
        assert row is not None
        row.first_seen_at = NOW - timedelta(days=120)
        session.commit()
    runtime.cached("event_index", dict).clear()  # a fresh worker process
    comment = rec("5100000000000101", "太吓人了", 1, "weibo", kind="comment", parent_id=post["source_id"])
    ((event_id, reason),) = batch(factory, analyser, comment)
    assert event_id == post_event and reason and "同一帖子" in reason


def test_heat_counts_people_and_a_repeat_post_by_one_of_them_at_a_fifth(
    factory: sessionmaker[Session], analyser: Analyser
) -> None:
    """Weeks apart (past the 30-day window), a policy asked about is one event; the same
    person asking again adds persistence, not breadth."""
    asks = [
        ("21050001", "申请的人才租房补贴审核通过两个月了还没到账，问了只说等通知。", 24 * 50, "U1"),
        ("21050002", "人才租房补贴还是没发，上个月问过一次了，到底卡在哪个环节？", 24 * 10, "U1"),
        ("21050003", "我的人才租房补贴也三个月没到了，是不是停发了？", 24 * 2, "U2"),
    ]
    placed = [
        batch(factory, analyser, rec(ref, text, hours, "people_liuyan", author_id=author))[0]
        for ref, text, hours, author in asks
    ]
    assert len({event_id for event_id, _ in placed}) == 1 and "人才" in (placed[1][1] or "")
    with factory() as session:
        event = session.get(Event, placed[0][0])
        assert event is not None and event.item_count == 3 and event.heat == pytest.approx(2.2)


def test_an_item_is_compared_with_few_members_and_attach_runs_no_scan(
    session: Session, analyser: Analyser, statements: list[str]
) -> None:
    index = EventIndex()
    for n in range(3000):  # three thousand other matters in the window
        text = f"来电人反映：第{n}号小区{n % 40}号楼电梯故障，物业{n % 7}天未修。编号{n}"
        index.seed(signature_for(f"s{n}", "物业管理", NOW - timedelta(hours=n % 300), text), f"ev-s{n}")
    item, sig = analysed(session, analyser, rec("GD1", "来电人反映：河西区幸福里小区3号楼暖气不热，室温14度。", 1))
    assert len(index.candidates(sig)) <= 40
    statements.clear()
    attach(session, index, item, sig, NOW)
    assert len(statements) <= 3, statements  # look up the event by key, insert it, update the item


def test_analysis_jobs_group_the_same_matter_across_batches(factory: sessionmaker[Session], settings: Settings) -> None:
    """The real job, two batches apart: the second finds the first through the process's index."""
    records = [
        rec("GD1", "来电人反映：东丽区万新村雪莲北里小区自昨晚起全面停暖，换热站设备故障，室温12度。", 12),
        rec("5100000000000200", "东丽雪莲北里停暖一整天了，零下八度的天，换热站坏了也不说什么时候修好", 2, "weibo"),
    ]
    events = []
    for record in records:
        with factory() as session:
            item_id = save_item(session, record).item_id
            session.commit()
            task_id = session.scalar(select(Task.id).where(Task.subject_id == item_id, Task.kind == "analyse"))
        assert analyse_tasks([task_id])["done"] == 1
        with factory() as session:
            events.append(session.scalar(select(Item.event_id).where(Item.id == item_id)))
    assert events[0] is not None and events[0] == events[1]


# ---------------------------------------------------------------- merge and split by hand
HEAT_CALL = "来电人反映：河西区幸福里小区3号楼暖气不热，室温14度，要求热力公司处理。"
HEAT_POST = "河西幸福里三号楼的暖气是摆设吗？孩子冻感冒了"
PARKING_CALL = "来电人反映：河西区幸福里小区物业擅自上调停车费，不交费不让车辆进门。"


def officer(session: Session) -> User:
    user = session.scalar(select(User).where(User.username == "duty-events"))
    return user or create_user(session, "duty-events", "long enough password 1", "duty", "值班员")


def test_merging_moves_items_recounts_keeps_a_stub_and_audits(
    factory: sessionmaker[Session], analyser: Analyser
) -> None:
    (heat, _), (parking, _) = batch(
        factory, analyser, rec("GD1", HEAT_CALL, 30), rec("GD2", PARKING_CALL, 20, author_id="U1")
    )
    post = rec("5100000000000300", HEAT_POST, 10, "weibo", metrics={"reposts": 30, "comments": 5})
    ((post_event, _),) = batch(factory, analyser, post)
    assert heat == post_event != parking
    with factory() as session:
        with pytest.raises(EventEditError, match="理由"):
            merge_events(session, heat, parking, officer(session), "  ")
        with pytest.raises(EventEditError, match="自己"):
            merge_events(session, heat, heat, officer(session), "同一事项")
        kept = merge_events(session, heat, parking, officer(session), "同一小区的物业纠纷，按一件事督办")
        session.commit()
        assert kept.id == heat
    with factory() as session:
        kept, stub = session.get(Event, heat), session.get(Event, parking)
        assert kept is not None and stub is not None
        assert stub.merged_into == heat and stub.item_count == 0 and stub.channels == {}
        assert kept.item_count == 3 and kept.heat == pytest.approx(3 + 35)
        assert set(kept.channels) == {"hotline", "weibo"} and kept.channels["hotline"]["count"] == 2
        assert kept.channels["hotline"]["first"].startswith(at(30)[:13])
        assert kept.channels["hotline"]["last"].startswith(at(20)[:13])
        assert set(session.scalars(select(Item.event_id).where(Item.external_id.in_(["GD1", "GD2"])))) == {heat}
        row = session.scalar(select(AuditLog).where(AuditLog.action == "event.merge"))
        assert row is not None and row.reason == "同一小区的物业纠纷，按一件事督办" and row.actor == "duty-events"
        assert row.detail["from"] == parking and row.detail["into"] == heat and row.detail["items"] == 1
        with pytest.raises(EventEditError, match="已合并到事件"):
            merge_events(session, parking, heat, officer(session), "再合并一次")
    # A worker's index learns of the merge at its next sync: a later item like the merged
    # one joins the survivor, never the stub.
    again = rec("GD3", "来电人反映：河西区幸福里小区物业擅自上调停车费，不交费不让车辆进门，已经一个月了。", 2)
    assert batch(factory, analyser, again)[0][0] == heat


def test_an_item_that_ties_two_events_merges_them_in_the_database(
    factory: sessionmaker[Session], analyser: Analyser
) -> None:
    """Two posts name the estate by its brand alone and do not find each other; a later one
    names 星耀五洲小区 and both problems: its event takes the other in, as an officer's merge
    would (stub, recount, an audit row by "system" that other workers' indexes apply). The
    rules alone: the pair judge joins these two posts at once (0.95), and the merge is what is
    tested here, whatever a retrained judge makes of the first two."""
    board = "people_liuyan"
    first = rec("L1", "融创星耀五洲交房三个月了，开发商还是没通正式水电，装修一直没法开工。", 240, board)
    second = rec("L2", "星耀五洲的25栋负一楼面积比同户型少了十几平，开发商拒绝说明。", 200, board)
    ((a, _),) = batch(factory, analyser, first, rules_only=True)
    ((b, _),) = batch(factory, analyser, second, rules_only=True)
    assert a != b
    tie = rec("5100000000000400", "星耀五洲小区交房后问题一堆：临时水电、负一楼面积缩水，开发商拖着不整改", 10, "weibo")
    ((kept, reason),) = batch(factory, analyser, tie, rules_only=True)
    assert kept in (a, b) and reason and "同一地点" in reason
    with factory() as session:
        survivor, stub = session.get(Event, kept), session.get(Event, a if kept == b else b)
        assert survivor is not None and stub is not None and stub.merged_into == kept
        assert survivor.item_count == 3 and stub.item_count == 0
        assert set(session.scalars(select(Item.event_id).where(Item.external_id.in_(["L1", "L2"])))) == {kept}
        row = session.scalar(select(AuditLog).where(AuditLog.action == "event.merge"))
        assert row is not None and row.actor == "system" and row.detail["into"] == kept
    later = rec("L3", "星耀五洲负一楼面积缩水的事开发商还是不给说法", 2, board)
    assert batch(factory, analyser, later)[0][0] == kept


def test_a_merged_event_does_not_alert_again(factory: sessionmaker[Session], analyser: Analyser) -> None:
    """Crisis and watch dedup keys are per event of the item (``item.event_id``): after a merge
    the items point at the survivor, and the merged event's alert now stands for the survivor."""
    (first, _), (second, _) = batch(factory, analyser, rec("GD1", HEAT_CALL, 30), rec("GD2", PARKING_CALL, 20))
    decision = Decision(lead=("信访处",), support=(), division=None, fired=())
    with factory() as session:
        crisis = session.scalar(select(Item).where(Item.external_id == "GD2"))
        analysis = session.scalar(select(Analysis).where(Analysis.item_id == crisis.id))
        analysis.urgency = 4
        assert raise_crisis(session, crisis, analysis, decision, NOW) is not None  # the other event alerts
        session.flush()
        merge_events(session, first, second, officer(session), "同一事件")
        session.commit()
    with factory() as session:
        items = list(session.scalars(select(Item).where(Item.external_id.in_(["GD1", "GD2"]))))
        assert {i.event_id for i in items} == {first}
        alert = session.scalar(select(Alert))
        assert alert is not None and alert.event_id == first and alert.dedup_key == f"crisis:event:{first}"
        for item in items:
            analysis = session.scalar(select(Analysis).where(Analysis.item_id == item.id))
            analysis.urgency = 4
            assert raise_crisis(session, item, analysis, decision, NOW) is None
        assert session.scalar(select(func.count()).select_from(Alert)) == 1


def test_splitting_moves_one_item_out_and_the_index_keeps_it_apart(
    factory: sessionmaker[Session], analyser: Analyser
) -> None:
    call = rec("GD1", HEAT_CALL, 40)
    board = rec(
        "20931547", "我家住幸福里3号楼，供暖后屋里冰凉，室温不到16度。", 30, "people_liuyan", title="幸福里供暖"
    )
    post = rec("5100000000000400", HEAT_POST, 20, "weibo", metrics={"reposts": 12})
    placed = batch(factory, analyser, call, board, post)
    event_id = placed[0][0]
    assert {e for e, _ in placed} == {event_id}
    with factory() as session:
        index = recent_index(session, set(), NOW)  # the worker's index holds all three under one key
        post_item = session.scalar(select(Item).where(Item.external_id == post["source_id"]))
        assert post_item is not None and index.by_item[str(post_item.id)] == index.by_item[str(post_item.id - 2)]
        with pytest.raises(EventEditError, match="理由"):
            split_item(session, post_item.id, officer(session), "")
        new = split_item(session, post_item.id, officer(session), "微博说的是另一栋楼")
        session.commit()
        new_id, new_key, post_id = new.id, new.key, post_item.id
    with factory() as session:
        old, new = session.get(Event, event_id), session.get(Event, new_id)
        assert old is not None and new is not None and new_id != event_id
        assert old.item_count == 2 and set(old.channels) == {"hotline", "people_liuyan"} and old.heat == 2
        assert new.item_count == 1 and set(new.channels) == {"weibo"} and new.heat == 13 and new.merged_into is None
        row = session.scalar(select(AuditLog).where(AuditLog.action == "event.split"))
        assert row is not None and row.reason == "微博说的是另一栋楼" and row.detail["item"] == post_id
        with pytest.raises(EventEditError, match="只有这一条"):
            split_item(session, post_id, officer(session), "再移一次")
        index = recent_index(session, set(), NOW)  # the next sync applies the officer's split
        assert index.by_item[str(post_id)] == new_key
    # Replies to the post follow it; a copy of it joins it, not the event it was taken out of.
    comment = rec("5100000000000401", "我们楼也是！", 5, "weibo", kind="comment", parent_id=post["source_id"])
    copy = rec("5100000000000402", HEAT_POST + "！！", 4, "weibo")
    assert [e for e, _ in batch(factory, analyser, comment, copy)] == [new_id, new_id]
    near = rec("GD9", "来电人反映：河西区幸福里小区3号楼暖气不热，室温13度，要求热力公司尽快处理。", 3)
    assert batch(factory, analyser, near)[0][0] == event_id
