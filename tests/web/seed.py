"""Seed the console's tables directly with the ORM: offices, users, analysed and routed items.

The console reads what the pipeline writes; seeding rows by hand keeps these tests about
the console (the pipeline has its own end-to-end tests) and makes every value known.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from config.rules import load_rule_file
from store.accounts import create_user, ensure_offices
from store.models import Analysis, Assignment, Event, Item, Office, User
from store.types import utcnow

PASSWORD = "马上-整改-2026-correct"
MODEL = "test-1"


@dataclass
class Seeded:
    offices: dict[str, Office]
    duty: User
    office_user: User
    manager: User
    items: dict[str, Item] = field(default_factory=dict)


@dataclass(frozen=True)
class Spec:
    """One item with its analysis and assignments; ``due_hours`` is relative to ``now``."""

    key: str
    title: str
    content: str
    topic: str
    tags: tuple[str, ...]
    request_type: str
    urgency: int
    sentiment: str = "neg"
    score: float = 0.1
    reasons: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    due_hours: float | None = 24.0
    age_hours: float = 1.0
    source: str = "people_liuyan"
    kind: str = "message"
    district: str | None = None
    content_html: str | None = None
    triage_status: str = "routed"


SPECS: tuple[Spec, ...] = (
    Spec("gas", "河西区友谊路某小区燃气管道泄漏 居民闻到浓烈燃气味",
         "楼道里燃气味很重，已经有老人头晕，燃气公司电话打不通！",
         "燃气", ("漏气",), "求助", 4, reasons=("燃气泄漏：现实危险",), lead=("信访处",), support=("供热燃气处",),
         due_hours=5, age_hours=2, district="河西区"),
    Spec("gas-weibo", "友谊路小区燃气泄漏 有人头晕送医", "转发扩散：河西区友谊路小区燃气泄漏，有老人头晕送医。",
         "燃气", ("漏气",), "举报", 4, reasons=("燃气泄漏：现实危险", "微博热度高"), lead=("宣传处",),
         support=("供热燃气处",), due_hours=5, age_hours=1.5, source="weibo", kind="post", district="河西区"),
    Spec("heat", "南开区华苑小区连续三天暖气不热 室温仅14度",
         "供暖以来室温只有14度，热力公司一直推脱，老人孩子冻得生病。",
         "供热", ("温度不达标",), "投诉", 3, reasons=("一栋楼以上停热或不达标",), lead=("信访处",),
         support=("供热燃气处",), due_hours=72, age_hours=5, district="南开区"),
    Spec("wages", "某建筑公司拖欠农民工工资两个月未发", "我们在工地干了两个月，包工头一直拖欠工资，找项目部也没人管。",
         "农民工工资", ("欠薪",), "求助", 2, lead=("信访处",), support=("执法监督处",), due_hours=-3, age_hours=30,
         source="hotline", kind="work_order"),
    Spec("parking", "小区物业乱收停车费 业主质疑收费依据", "物业今年突然把地面停车费涨到每月300元，没有公示收费依据。",
         "物业管理", ("物业收费",), "投诉", 2, lead=("信访处",), support=("房地产处",), due_hours=240, age_hours=8,
         source="enorth_zmljl"),
    Spec("facade", "和平区老旧小区外墙脱落砸坏车辆", "昨晚大风，3号楼外墙保温层大块脱落，砸坏两辆车，幸好没砸到人。",
         "房屋质量与安全", ("外墙脱落",), "举报", 3, reasons=("现实危险：外墙脱落",), due_hours=None, age_hours=3,
         district="和平区", triage_status="new"),
    Spec("fund", "咨询住房公积金提取需要哪些材料", "请问租房提取公积金需要准备哪些材料？可以网上办理吗？",
         "住房公积金", ("提取",), "咨询", 1, sentiment="neu", score=0.5, lead=("住房保障处",), due_hours=48,
         age_hours=6, source="tjcac_zmhd"),
    Spec("praise", "感谢质量安全处及时处理工地夜间施工扰民", "上周反映的工地夜间施工问题，第二天就有人来处理了，点赞！",
         "建筑施工扰民", ("夜间施工",), "表扬", 1, sentiment="pos", score=0.93, lead=("宣传处",),
         support=("质量安全处",), due_hours=120, age_hours=20),
)  # fmt: skip


def seed_console(session: Session, rules_dir: Path, now: datetime | None = None) -> Seeded:
    """Offices from routing.yaml, a duty officer, a 信访处 officer, a manager and the SPECS items."""
    now = now or utcnow()
    offices = ensure_offices(session, load_rule_file(rules_dir, "routing")["offices"])
    seeded = Seeded(
        offices=offices,
        duty=create_user(session, "duty", PASSWORD, "duty", display_name="值班员王敏"),
        office_user=create_user(
            session, "xinfang", PASSWORD, "office", display_name="信访处李强", office=offices["信访处"]
        ),
        manager=create_user(session, "leader", PASSWORD, "manager", display_name="带班领导赵军"),
    )
    event = Event(
        key="gas-youyilu", title="河西区友谊路小区燃气泄漏", topic="燃气", first_seen_at=now - timedelta(hours=2),
        last_seen_at=now - timedelta(hours=1.5), item_count=2, heat=3.0,
    )  # fmt: skip
    session.add(event)
    session.flush()
    for spec in SPECS:
        in_event = event if spec.key.startswith("gas") else None
        seeded.items[spec.key] = add_item(session, offices, spec, now, event=in_event)
    session.flush()
    return seeded


def add_item(
    session: Session, offices: dict[str, Office], spec: Spec, now: datetime, event: Event | None = None
) -> Item:
    """One item, its current analysis (after an older superseded one) and its assignments."""
    published = now - timedelta(hours=spec.age_hours)
    item = Item(
        source=spec.source, external_id=f"ext-{spec.key}", kind=spec.kind, url=f"https://example.gov.cn/t/{spec.key}",
        title=spec.title, content_text=spec.content, content_html=spec.content_html, published_at=published,
        first_seen_at=published + timedelta(minutes=5), crawled_at=published + timedelta(minutes=5),
        district=spec.district, content_hash=hashlib.sha256(spec.content.encode()).hexdigest(),
        triage_status=spec.triage_status, event_id=event.id if event else None, author_name="网友",
    )  # fmt: skip
    session.add(item)
    session.flush()
    # A stale analysis from an older model: the console must show the latest one only.
    session.add(Analysis(item_id=item.id, model_version="old-0", sentiment_score=0.5, sentiment_label="neu",
                         topic="其他", topic_tags=[], request_type="咨询", urgency=1, urgency_reasons=[]))  # fmt: skip
    session.flush()
    session.add(Analysis(
        item_id=item.id, model_version=MODEL, sentiment_score=spec.score, sentiment_label=spec.sentiment,
        topic=spec.topic, topic_tags=list(spec.tags), request_type=spec.request_type, urgency=spec.urgency,
        urgency_reasons=list(spec.reasons), entities={"district": spec.district} if spec.district else {},
        explanation={"topic": f"命中关键词：{'、'.join(spec.tags)}"},
    ))  # fmt: skip
    due = now + timedelta(hours=spec.due_hours) if spec.due_hours is not None else None
    for role, names in (("主办", spec.lead), ("协办", spec.support)):
        for name in names:
            session.add(Assignment(
                item_id=item.id, event_id=item.event_id, office_id=offices[name].id, role=role, status="open",
                due_at=due, sla_rule_id="hotline-complaint-15wd", decided_by=["board-grievance"],
                reasons=["board-grievance: 热线或留言板上的投诉、举报、求助"], created_at=published,
            ))  # fmt: skip
    session.flush()
    return item
