"""The digest against a real database: counts, ordering, lateness, silence, hostile text, PII."""

from __future__ import annotations

import dataclasses
import email
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config import Settings
from responder.digest import (
    EMPTY_MESSAGE,
    build_digest,
    digest_slot,
    item_heat,
    mask_personal,
    period_key,
    render_digest,
    send_digest,
)
from store.models import Analysis, Assignment, Digest, Event, Item, Notification, Office

# 2026-11-26 08:00 in Tianjin: the daily digest slot.
NOW = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)
HOSTILE = "<script>alert(1)</script>"


def add_item(
    session: Session,
    key: str,
    *,
    hours_ago: float,
    title: str | None = None,
    text: str = "正文",
    metrics: dict[str, Any] | None = None,
    url: str | None = None,
) -> Item:
    item = Item(
        source="people_liuyan",
        external_id=key,
        kind="message",
        title=title if title is not None else f"标题{key}",
        content_text=text,
        url=url,
        metrics=metrics or {},
        content_hash=key,
        first_seen_at=NOW - timedelta(hours=hours_ago),
    )
    session.add(item)
    session.flush()
    return item


def analyse(
    session: Session, item: Item, topic: str, urgency: int, *, version: str = "v1", reasons: list[str] | None = None
) -> Analysis:
    analysis = Analysis(
        item_id=item.id,
        model_version=version,
        sentiment_score=0.2,
        sentiment_label="neg",
        topic=topic,
        topic_tags=[topic],
        request_type="投诉",
        urgency=urgency,
        urgency_reasons=reasons or [],
    )
    session.add(analysis)
    session.flush()
    return analysis


def office(session: Session, name: str) -> Office:
    row = Office(name=name, kind="division")
    session.add(row)
    session.flush()
    return row


def assign(
    session: Session,
    item: Item,
    where: Office,
    role: str = "主办",
    *,
    due_hours: float | None = None,
    status: str = "open",
) -> Assignment:
    row = Assignment(
        item_id=item.id,
        office_id=where.id,
        role=role,
        status=status,
        due_at=None if due_hours is None else NOW + timedelta(hours=due_hours),
    )
    session.add(row)
    session.flush()
    return row


@pytest.fixture
def populated(session: Session) -> dict[str, Item]:
    """A day with eight items in the window, two outside it, two analyses on one item."""
    items = {
        "crisis": add_item(session, "crisis", hours_ago=2, metrics={"likes": 10}),
        "hot": add_item(session, "hot", hours_ago=3, metrics={"reposts": 1000}),
        "high": add_item(session, "high", hours_ago=4, metrics={"likes": 10}),
        "low": add_item(session, "low", hours_ago=5),
        "raw": add_item(session, "raw", hours_ago=6),  # not analysed yet
        "reanalysed": add_item(session, "reanalysed", hours_ago=7),
        "at_start": add_item(session, "at_start", hours_ago=24),  # window is [start, now)
        "ordinary": add_item(session, "ordinary", hours_ago=1),
        "old": add_item(session, "old", hours_ago=30),
        "at_end": add_item(session, "at_end", hours_ago=0),
    }
    analyse(session, items["crisis"], "供热", 4, reasons=["扬言跳楼"])
    analyse(session, items["hot"], "供热", 3)
    analyse(session, items["high"], "物业管理", 3)
    analyse(session, items["low"], "物业管理", 1)
    analyse(session, items["reanalysed"], "燃气", 4, version="v1")
    analyse(session, items["reanalysed"], "供水排水", 2, version="v2")  # latest wins
    analyse(session, items["at_start"], "物业管理", 2)
    analyse(session, items["ordinary"], "供热", 2)
    analyse(session, items["old"], "供热", 4)
    analyse(session, items["at_end"], "供热", 4)
    petition, estate = office(session, "信访处"), office(session, "房地产处")
    assign(session, items["crisis"], petition)
    assign(session, items["crisis"], estate, "协办")
    assign(session, items["high"], estate)
    assign(session, items["low"], estate)
    session.commit()
    return items


def test_counts_cover_the_window_and_the_latest_analysis(session: Session, populated: dict[str, Item]) -> None:
    content = build_digest(session, NOW)

    assert content.period == "daily:2026-11-26"
    assert content.total == 8
    assert content.urgent == 3  # crisis, hot, high — not "old", not "at_end", not v1 of "reanalysed"
    assert content.unanalysed == 1
    assert content.by_topic == (("供热", 3), ("物业管理", 3), ("供水排水", 1), ("未分析", 1))
    assert sum(count for _, count in content.by_topic) == content.total
    assert content.by_urgency == ((4, "危机", 1), (3, "高", 2), (2, "一般", 3), (1, "低", 1))
    assert [(o.office, o.lead, o.support) for o in content.by_office] == [("房地产处", 2, 1), ("信访处", 1, 0)]


def test_top_items_rank_by_urgency_then_heat(session: Session, populated: dict[str, Item]) -> None:
    top = build_digest(session, NOW).top_items

    order = [t.item_id for t in top]
    ids = {key: item.id for key, item in populated.items()}
    assert order[:3] == [ids["crisis"], ids["hot"], ids["high"]]
    assert order[-1] == ids["raw"]  # unknown urgency ranks last
    assert ids["old"] not in order and ids["at_end"] not in order
    first = top[0]
    assert first.urgency_label == "危机" and first.urgency_reasons == ("扬言跳楼",)
    assert first.offices == ("信访处（主办）", "房地产处（协办）")
    assert top[1].heat == item_heat({"reposts": 1000}) == 3000


def test_overdue_lists_late_open_assignments_whenever_the_item_came(session: Session) -> None:
    estate = office(session, "房地产处")
    old = add_item(session, "old", hours_ago=300, title="三周前的投诉")
    recent = add_item(session, "recent", hours_ago=3, title="昨天的投诉")
    assign(session, old, estate, due_hours=-200, status="acknowledged")
    assign(session, recent, estate, due_hours=-1)
    for key, status in [("done", "responded"), ("shut", "closed")]:
        assign(session, add_item(session, key, hours_ago=50), estate, due_hours=-5, status=status)
    assign(session, add_item(session, "future", hours_ago=2), estate, due_hours=+5)
    assign(session, add_item(session, "nodue", hours_ago=2), estate)
    session.commit()

    content = build_digest(session, NOW)

    assert content.overdue_total == 2
    assert [a.title for a in content.overdue] == ["三周前的投诉", "昨天的投诉"]  # most overdue first
    assert content.overdue[0].overdue_hours == 200.0
    assert content.overdue[0].due == "11-18 00:00"  # 16:00 UTC, shown in Asia/Shanghai
    _, text, html = render_digest(content)
    assert "超期未办（2 件）" in text and "三周前的投诉" in html


def test_empty_period_says_so(session: Session) -> None:
    add_item(session, "last-week", hours_ago=200)
    session.commit()

    content = build_digest(session, NOW)
    subject, text, html = render_digest(content)

    assert content.empty and content.total == 0
    assert subject == "【舆情日报】2026-11-26 本期无新增舆情"
    assert EMPTY_MESSAGE in text and EMPTY_MESSAGE in html


def test_subject_counts_new_urgent_and_overdue(session: Session, populated: dict[str, Item]) -> None:
    assign(
        session, populated["hot"], session.scalars(select(Office).where(Office.name == "信访处")).one(), due_hours=-2
    )
    session.commit()

    subject, text, html = render_digest(build_digest(session, NOW))

    assert subject == "【舆情日报】2026-11-26 新增 8 条，紧急 3 条，超期未办 1 件"
    assert "新增 8 条" in text and "<html" in html


def test_hostile_crawled_text_is_escaped_and_never_linked(session: Session) -> None:
    item = add_item(session, "x", hours_ago=1, title=HOSTILE, url="javascript:alert(1)")
    analyse(session, item, "物业管理", 3, reasons=['<img src=x onerror="alert(2)">'])
    session.add(Event(key="e1", title=f"事件{HOSTILE}", first_seen_at=NOW - timedelta(hours=1), heat=5))
    session.commit()

    _, text, html = render_digest(build_digest(session, NOW))

    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html
    assert "javascript:" not in html
    assert HOSTILE in text  # the plain-text part is not HTML: shown as written


def test_safe_links_are_kept(session: Session) -> None:
    item = add_item(session, "ok", hours_ago=1, url="https://liuyan.people.com.cn/threads/content?tid=1&x=2")
    analyse(session, item, "供热", 2)
    session.commit()

    _, _, html = render_digest(build_digest(session, NOW))

    assert 'href="https://liuyan.people.com.cn/threads/content?tid=1&amp;x=2"' in html


def test_phone_and_id_numbers_are_masked_everywhere(session: Session) -> None:
    title = "业主13812345678反映暖气不热，身份证120101199001011234"
    item = add_item(session, "pii", hours_ago=1, title=title)
    analyse(session, item, "供热", 3, reasons=["来电人 139 8765 4321 称要上访"])
    untitled = add_item(session, "weibo", hours_ago=2, title="", text="x" * 55 + "13912345678 后面的话")
    analyse(session, untitled, "供热", 2)
    session.commit()

    _, text, html = render_digest(build_digest(session, NOW))

    for body in (text, html):
        assert "13812345678" not in body and "138****5678" in body
        assert "120101199001011234" not in body and "120***********1234" in body
        assert "8765" not in body and "139****4321" in body
        assert "1391234" not in body  # a number cut by truncation is masked before the cut


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("电话13812345678。", "电话138****5678。"),
        ("+86 138-1234-5678", "+86 138****5678"),
        ("8613812345678", "86138****5678"),
        ("１３８１２３４５６７８", "138****5678"),
        ("12010119900101123X", "120***********123X"),
        ("120101900101123", "120********1123"),
        ("订单号 2026112612345678901", "订单号 2026112612345678901"),  # 19 digits: neither
        ("12345678901", "12345678901"),  # not a mobile prefix
    ],
)
def test_mask_personal(raw: str, masked: str) -> None:
    assert mask_personal(raw) == masked


def test_new_events_in_the_window(session: Session) -> None:
    for key, hours, heat in [("a", 2, 10.0), ("b", 3, 50.0), ("old", 40, 99.0)]:
        session.add(
            Event(key=key, title=f"事件{key}", topic="供热", first_seen_at=NOW - timedelta(hours=hours), heat=heat)
        )
    session.commit()

    content = build_digest(session, NOW)

    assert content.events_total == 2
    assert [e.title for e in content.events] == ["事件b", "事件a"]


def test_period_keys() -> None:
    assert period_key(NOW) == "daily:2026-11-26"
    assert period_key(datetime(2026, 11, 25, 16, 30, tzinfo=UTC)) == "daily:2026-11-26"  # 00:30 local
    assert period_key(NOW, 24 * 7) == "weekly:2026-W48"
    assert period_key(NOW, 6) == "6h:2026-11-26T08"
    with pytest.raises(ValueError):
        period_key(NOW.replace(tzinfo=None))


def outbox_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.replace(data_dir=tmp_path, mail=dataclasses.replace(settings.mail, backend="outbox", recipients=()))


def test_one_digest_per_period_goes_to_the_outbox(session: Session, settings: Settings, tmp_path: Path) -> None:
    settings = outbox_settings(settings, tmp_path)
    analyse(session, add_item(session, "a", hours_ago=1, title="电梯停运"), "物业管理", 3)
    session.commit()

    first = send_digest(session, settings, NOW)
    analyse(session, add_item(session, "b", hours_ago=0.5), "供热", 4)  # arrives after the digest went
    session.commit()
    second = send_digest(session, settings, NOW + timedelta(minutes=30))

    files = sorted((tmp_path / "outbox").glob("*.eml"))
    assert first.created and not second.created
    assert first.recipients == ("outbox",) and first.ok
    assert first.item_count == second.item_count == 1
    assert len(files) == 1 and str(files[0]) == first.deliveries[0].location
    assert session.scalar(select(func.count(Digest.id))) == 1
    assert session.scalar(select(func.count(Notification.id))) == 1
    parsed = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert parsed["Subject"] == first.subject == "【舆情日报】2026-11-26 新增 1 条，紧急 1 条"
    assert parsed["X-Yuqing-Digest"] == "daily:2026-11-26"
    printed = str(second)
    assert "daily:2026-11-26" in printed and "nothing sent twice" in printed and str(files[0]) in printed
    assert "2026-11-25T08:00:00+08:00 .. 2026-11-26T08:00:00+08:00" in printed


def test_digest_row_keeps_counts_not_crawled_text(session: Session, settings: Settings, tmp_path: Path) -> None:
    analyse(session, add_item(session, "a", hours_ago=1, title="业主13812345678投诉"), "供热", 2)
    session.commit()

    send_digest(session, outbox_settings(settings, tmp_path), NOW)

    digest = session.scalars(select(Digest)).one()
    assert digest.period == "daily:2026-11-26" and digest.item_count == 1
    assert digest.summary["by_topic"] == {"供热": 1}
    assert "13812345678" not in str(digest.summary)
    row = session.scalars(select(Notification)).one()
    assert "13812345678" not in row.body_text and "13812345678" not in (row.body_html or "")


def test_digest_slot_is_the_latest_scheduled_hour() -> None:
    shanghai = ZoneInfo("Asia/Shanghai")
    assert digest_slot(NOW) == datetime(2026, 11, 26, 8, tzinfo=shanghai)
    assert digest_slot(NOW + timedelta(hours=6, minutes=37)) == datetime(2026, 11, 26, 8, tzinfo=shanghai)
    assert digest_slot(NOW - timedelta(minutes=1)) == datetime(2026, 11, 25, 8, tzinfo=shanghai)
    assert digest_slot(NOW, hour=7) == datetime(2026, 11, 26, 7, tzinfo=shanghai)


def test_late_and_early_runs_keep_the_scheduled_window(session: Session, settings: Settings, tmp_path: Path) -> None:
    """A manual run at 14:37 makes the 08:00 digest, not a second one with a shifted window."""
    settings = outbox_settings(settings, tmp_path)
    analyse(session, add_item(session, "before-slot", hours_ago=1), "供热", 2)
    analyse(session, add_item(session, "after-slot", hours_ago=-3), "供热", 2)  # 11:00 local, next period
    session.commit()

    early = send_digest(session, settings, NOW - timedelta(hours=1))  # 07:00: yesterday's slot
    late = send_digest(session, settings, NOW + timedelta(hours=6, minutes=37))
    scheduled = send_digest(session, settings, NOW)

    assert early.period == "daily:2026-11-25" and early.item_count == 0 and early.created
    assert late.period == "daily:2026-11-26" and late.item_count == 1 and late.created
    assert scheduled.period == "daily:2026-11-26" and not scheduled.created
    assert late.window == ("2026-11-25T08:00:00+08:00", "2026-11-26T08:00:00+08:00")
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 2


def test_the_scheduler_adds_the_weekly_report_on_its_weekday(session: Session, settings: Settings) -> None:
    from yuqing_cli.scheduler import Scheduler

    monday = datetime(2026, 11, 30, 0, 30, tzinfo=UTC)  # 08:30 in Tianjin, a Monday
    scheduler = Scheduler(settings)
    scheduler.send_digest_if_due(monday)
    scheduler.send_digest_if_due(monday + timedelta(days=1))
    session.expire_all()
    periods = sorted(session.scalars(select(Digest.period)))
    assert periods == ["daily:2026-11-30", "daily:2026-12-01", "weekly:2026-W49"]
