"""总览: what came in over the last seven days, by day, urgency, sentiment, topic and office.

Urgency, sentiment and topic count the values officers see, corrections included: a
manager must not read a different story on the dashboard than the duty desk acted on.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import Analysis, Assignment, Item, Office
from store.types import utcnow
from web.charts import BarChart, bar_chart
from web.db import get_session, handles
from web.labels import SENTIMENT_LABELS, URGENCY_CLASSES, URGENCY_LABELS
from web.policy import requires
from web.queries import RUNNING_STATUSES, latest_analysis_ids
from web.tags import effective_topic, effective_urgency, latest_label_values

bp = Blueprint("dashboard", __name__)
WINDOW_DAYS = 7
SENTIMENT_KEYS = ("neg", "neu", "pos")  # also the bars' CSS classes


@bp.route("/dashboard")
@requires("view_dashboard")
def index() -> ResponseReturnValue:
    session = get_session()
    now = utcnow()
    since = now - timedelta(days=WINDOW_DAYS)
    return render_template(
        "dashboard.html",
        since=since,
        now=now,
        charts=_charts(session, since, now),
        overdue=_overdue_by_office(session, now),
    )


def _charts(session: Session, since: datetime, now: datetime) -> list[BarChart]:
    when = func.coalesce(Item.published_at, Item.first_seen_at)
    latest = latest_analysis_ids()
    # Officers' corrections count as they show in the queue: the newest label wins.
    urgency_label, sentiment_label, topic_label = (latest_label_values(f) for f in ("urgency", "sentiment", "topic"))
    in_window = (
        select(
            Item.id.label("item_id"),
            effective_urgency(urgency_label).label("urgency"),
            func.coalesce(sentiment_label.c.value, Analysis.sentiment_label).label("sentiment_label"),
            effective_topic(topic_label).label("topic"),
        )
        .outerjoin(latest, latest.c.item_id == Item.id)
        .outerjoin(Analysis, Analysis.id == latest.c.analysis_id)
        .outerjoin(urgency_label, urgency_label.c.item_id == Item.id)
        .outerjoin(sentiment_label, sentiment_label.c.item_id == Item.id)
        .outerjoin(topic_label, topic_label.c.item_id == Item.id)
        .where(when >= since)
        .subquery()
    )

    def grouped(column: Any) -> dict[Any, int]:
        rows = session.execute(select(column, func.count()).group_by(column)).all()
        return {key: count for key, count in rows}

    urgency = grouped(in_window.c.urgency)
    sentiment = grouped(in_window.c.sentiment_label)
    topics = sorted(grouped(in_window.c.topic).items(), key=lambda kv: (-kv[1], str(kv[0])))
    office_rows = session.execute(
        select(Office.name, Assignment.role, func.count())
        .join(Assignment, Assignment.office_id == Office.id)
        .where(Assignment.item_id.in_(select(in_window.c.item_id)))
        .group_by(Office.name, Assignment.role)
    ).all()
    by_office: Counter[str] = Counter()
    for name, role, count in office_rows:
        by_office[f"{name}（{role}）"] += count
    return [
        _daily_chart(session, since, now),
        bar_chart(
            "紧急程度",
            [(f"{lvl} {URGENCY_LABELS[lvl]}", urgency.get(lvl, 0), URGENCY_CLASSES[lvl]) for lvl in (4, 3, 2, 1)],
        ),
        bar_chart("情感倾向", [(SENTIMENT_LABELS[k], sentiment.get(k, 0), k) for k in SENTIMENT_KEYS]),
        bar_chart("主题", [(str(topic or "未分析"), count, "topic") for topic, count in topics]),
        bar_chart("处室分派", [(name, count, "office") for name, count in by_office.most_common()]),
    ]


def _daily_chart(session: Session, since: datetime, now: datetime) -> BarChart:
    """Items per local calendar day; bucketed in Python so SQLite and PostgreSQL agree."""
    tz = handles().tz
    when = func.coalesce(Item.published_at, Item.first_seen_at)
    stamps = session.scalars(select(when).where(when >= since))
    days: Counter[str] = Counter(stamp.astimezone(tz).strftime("%m-%d") for stamp in stamps if stamp)
    labels = [(now - timedelta(days=offset)).astimezone(tz).strftime("%m-%d") for offset in range(WINDOW_DAYS, -1, -1)]
    labels = list(dict.fromkeys(labels))
    return bar_chart("每日新增", [(label, days.get(label, 0), "day") for label in labels])


def _overdue_by_office(session: Session, now: datetime) -> list[tuple[str, int]]:
    rows = session.execute(
        select(Office.name, func.count())
        .join(Assignment, Assignment.office_id == Office.id)
        .where(Assignment.due_at < now, Assignment.status.in_(RUNNING_STATUSES))
        .group_by(Office.name)
        .order_by(func.count().desc())
    ).all()
    return [(name, count) for name, count in rows]
