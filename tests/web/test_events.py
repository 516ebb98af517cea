"""事件: the channel timeline of one event, the list of events that grew, and the links to them."""

from __future__ import annotations

from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import AuditLog, Event, Item
from store.types import utcnow
from tests.web.conftest import csrf_token, login, release, text
from tests.web.seed import Seeded, Spec, add_item


def gas_event(seeded: Seeded) -> int:
    event_id = seeded.items["gas"].event_id
    assert event_id is not None
    return event_id


def test_event_page_lists_its_items_in_time_order(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    event = session.get(Event, gas_event(seeded))
    assert event is not None
    # The oldest item arrives last (highest id): the page must order by time, not by id.
    call = Spec("gas-call", "12319来电：友谊路小区楼道燃气味重", "来电人称楼道燃气味很重。", "燃气", ("漏气",),
                "求助", 3, lead=("信访处",), age_hours=3, source="hotline", kind="work_order")  # fmt: skip
    add_item(session, seeded.offices, call, utcnow(), event=event)
    event.item_count = 3
    event.channels = {  # as analysis.grouping keeps it: count, first and last time per channel (UTC)
        "people_liuyan": {"count": 1, "first": "2026-11-25T01:00:00+00:00", "last": "2026-11-25T01:00:00+00:00"},
        "weibo": {"count": 1, "first": "2026-11-25T03:30:00+00:00", "last": "2026-11-25T03:30:00+00:00"},
        "hotline": {"count": 1, "first": "2026-11-25T00:10:00+00:00", "last": "2026-11-25T00:10:00+00:00"},
    }
    event.heat = 12.0
    event_id = event.id
    session.commit()

    login(client)
    page = text(client.get(f"/events/{event_id}"))
    assert "河西区友谊路小区燃气泄漏" in page
    timeline = page[page.index('id="timeline"') :]
    order = [timeline.index(title) for title in ("12319来电：友谊路小区楼道燃气味重", "河西区友谊路某小区燃气管道泄漏",
                                                 "友谊路小区燃气泄漏 有人头晕送医")]  # fmt: skip
    assert order == sorted(order)
    links = [f'href="/items/{seeded.items[key].id}"' for key in ("gas", "gas-weibo")]
    for needle in ("12319热线", "工单", "人民网领导留言板", "微博", "博文", "紧急", "特急", *links):
        assert needle in timeline, needle
    side = page[page.index("渠道时间线") :]
    assert '12319热线</td><td class="num">1</td><td>11-25 08:10</td>' in side  # Beijing time
    assert side.index("12319热线") < side.index("人民网领导留言板") < side.index("微博")  # who took it up first
    assert "<dt>条数</dt><dd>3</dd>" in page and "<dt>热度</dt><dd>12</dd>" in page
    assert client.get("/events/999999").status_code == 404


def test_event_list_shows_grown_recent_events_hottest_first(
    client: FlaskClient, seeded: Seeded, session: Session
) -> None:
    now = utcnow()

    def event(key: str, title: str, count: int, heat: float, days_ago: float) -> None:
        seen = now - timedelta(days=days_ago)
        session.add(Event(key=key, title=title, topic="供热", first_seen_at=seen - timedelta(days=1),
                          last_seen_at=seen, item_count=count, heat=heat, channels={"weibo": count}))  # fmt: skip

    event("hot", "华苑小区大面积停暖", 6, 40.0, 1)
    event("single", "只有一条的事件", 1, 99.0, 0.5)
    event("stale", "两个月前的事件", 5, 80.0, 45)
    session.commit()
    login(client)
    page = text(client.get("/events"))
    assert page.index("华苑小区大面积停暖") < page.index("河西区友谊路小区燃气泄漏")  # heat 40 before heat 3
    assert "只有一条的事件" not in page and "两个月前的事件" not in page
    assert "共 <strong>2</strong> 个" in page
    assert "微博 6" in page


def test_queue_and_item_page_link_to_the_event(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    link = f'href="/events/{gas_event(seeded)}"'
    assert link in text(client.get("/queue"))
    assert link in text(client.get(f"/items/{seeded.items['gas'].id}"))
    assert 'href="/events"' in text(client.get("/queue"))  # in the main navigation


def test_office_staff_see_only_their_items_of_an_event(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    lonely = Spec("other", "与信访处无关的事件条目", "内容", "燃气", (), "咨询", 1, lead=("宣传处",))
    other_event = Event(key="other", title="宣传处的事件", item_count=1)
    session.add(other_event)
    session.flush()
    add_item(session, seeded.offices, lonely, utcnow(), event=other_event)
    other_id = other_event.id
    session.commit()

    login(client, "xinfang")
    assert client.get("/events").status_code == 403
    page = text(client.get(f"/events/{gas_event(seeded)}"))
    assert "河西区友谊路某小区燃气管道泄漏" in page  # 信访处 leads it
    assert "友谊路小区燃气泄漏 有人头晕送医" not in page  # 宣传处 / 供热燃气处 only
    assert "仅显示分派给本处室的条目" in page and "<dt>条数</dt><dd>1</dd>" in page
    assert client.get(f"/events/{other_id}").status_code == 404  # nothing of theirs: no existence leak


# ---------------------------------------------------------------- merge and split
def other_event(session: Session, seeded: Seeded, key: str = "gas-dup") -> int:
    """A second event about the same gas leak, as grouping might have left it apart."""
    spec = Spec(key, "友谊路燃气泄漏后续：已停气", "友谊路小区燃气泄漏后已停气抢修。", "燃气", ("漏气",), "求助", 3,
                lead=("信访处",), age_hours=1, source="tjcac_zmhd")  # fmt: skip
    event = Event(key=key, title="友谊路燃气泄漏后续", topic="燃气", item_count=1, heat=1.0)
    session.add(event)
    session.flush()
    add_item(session, seeded.offices, spec, utcnow(), event=event)
    event_id = event.id
    session.commit()
    return event_id


def test_routers_merge_an_event_and_its_old_link_redirects(
    client: FlaskClient, seeded: Seeded, session: Session
) -> None:
    survivor, merged = gas_event(seeded), other_event(session, seeded)
    login(client)
    page = text(client.get(f"/events/{merged}"))
    assert "合并到事件 #" in page and "移出此事件" not in page  # one item: nothing to move out
    token = csrf_token(client, f"/events/{merged}")
    refused = client.post(f"/events/{merged}/merge", data={"target": survivor, "reason": " ", "csrf_token": token})
    assert refused.status_code == 302 and "请填写理由" in text(client.get(f"/events/{merged}"))
    done = client.post(
        f"/events/{merged}/merge", data={"target": survivor, "reason": "同一处燃气泄漏", "csrf_token": token}
    )
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/events/{survivor}")
    page = text(client.get(f"/events/{survivor}"))
    assert f"已将事件 #{merged} 合并到事件 #{survivor}" in page and "友谊路燃气泄漏后续：已停气" in page
    assert "<dt>条数</dt><dd>3</dd>" in page and "市住建委政民互动" in page  # recounted, with the new channel
    old = client.get(f"/events/{merged}")
    assert old.status_code == 302 and old.headers["Location"].endswith(f"/events/{survivor}")
    release(session)
    row = session.scalar(select(AuditLog).where(AuditLog.action == "event.merge"))
    assert row is not None and row.reason == "同一处燃气泄漏" and row.actor == "duty"
    release(session)
    again = client.post(f"/events/{merged}/merge", data={"target": survivor, "reason": "再来", "csrf_token": token})
    assert again.status_code == 302 and "已合并到事件" in text(client.get(f"/events/{survivor}"))


def test_routers_move_an_item_out_of_an_event(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    event_id, item_id = gas_event(seeded), seeded.items["gas-weibo"].id
    login(client, "leader")
    page = text(client.get(f"/events/{event_id}"))
    assert page.count("移出此事件") == 2 and f"/events/{event_id}/items/{item_id}/split" in page
    token = csrf_token(client, f"/events/{event_id}")
    done = client.post(
        f"/events/{event_id}/items/{item_id}/split", data={"reason": "微博说的是另一处", "csrf_token": token}
    )
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/events/{event_id}")
    page = text(client.get(f"/events/{event_id}"))
    assert "已将条目移出，另立为事件 #" in page and "<dt>条数</dt><dd>1</dd>" in page
    release(session)
    moved_to = session.scalar(select(Item.event_id).where(Item.id == item_id))
    assert moved_to not in (None, event_id)
    new = session.get(Event, moved_to)
    assert new is not None and new.item_count == 1 and new.key.startswith("split-")
    row = session.scalar(select(AuditLog).where(AuditLog.action == "event.split"))
    assert row is not None and row.reason == "微博说的是另一处" and row.detail["item"] == item_id
    new_id = new.id
    release(session)
    other = client.post(
        f"/events/{new_id}/items/{seeded.items['gas'].id}/split", data={"reason": "x", "csrf_token": token}
    )
    assert other.status_code == 404  # the item is not in that event


def test_merge_and_split_need_a_router_and_a_csrf_token(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    survivor, merged = gas_event(seeded), other_event(session, seeded)
    item_id = seeded.items["gas"].id
    login(client, "xinfang")
    page = text(client.get(f"/events/{survivor}"))
    assert "合并到事件 #" not in page and "移出此事件" not in page
    token = csrf_token(client, f"/events/{survivor}")
    form = {"target": survivor, "reason": "试试", "csrf_token": token}
    assert client.post(f"/events/{merged}/merge", data=form).status_code == 403
    assert client.post(f"/events/{survivor}/items/{item_id}/split", data=form).status_code == 403
    client.post("/logout", data={"csrf_token": token})
    login(client)
    no_token = {"target": survivor, "reason": "同一处燃气泄漏"}
    assert client.post(f"/events/{merged}/merge", data=no_token).status_code == 400
    assert client.post(f"/events/{survivor}/items/{item_id}/split", data={"reason": "另一处"}).status_code == 400
    release(session)
    assert session.scalar(select(Event.merged_into).where(Event.id == merged)) is None
    assert session.scalar(select(Item.event_id).where(Item.id == item_id)) == survivor
