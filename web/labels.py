"""Chinese labels for codes stored in English, and the template filters that use them.

The database keeps stable English codes (``neg``, ``open``, ``duty``); everything an
officer reads is Chinese, so the mapping lives in one place for templates and the API.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import Flask

from analysis.text import mask_numbers
from config.rules import RuleFileError, load_rule_file
from responder.alerts import KIND_NAMES as ALERT_KIND_LABELS
from store.accounts import ROLE_NAMES
from store.types import utcnow
from web.db import handles

URGENCY_LABELS = {4: "特急", 3: "紧急", 2: "一般", 1: "较低"}
URGENCY_CLASSES = {4: "u4", 3: "u3", 2: "u2", 1: "u1"}
SENTIMENT_LABELS = {"neg": "负面", "neu": "中性", "pos": "正面"}
TRIAGE_LABELS = {
    "new": "待分拣",
    "routed": "已分派",
    "acknowledged": "已签收",
    "responded": "已回应",
    "closed": "已办结",
    "ignored": "已忽略",
    "no_owner": "无责任处室",
}
ASSIGNMENT_LABELS = {"open": "待办", "acknowledged": "已签收", "responded": "已回应", "closed": "已办结"}
KIND_LABELS = {"message": "留言", "post": "博文", "comment": "评论", "work_order": "工单"}
# How an office answered the public; stored as the code, shown as the label.
RESPONSE_CHANNELS = {
    "board": "留言板回复",
    "phone": "电话回访",
    "weibo": "微博回应",
    "letter": "书面答复",
    "other": "其他",
}
ACTION_LABELS = {
    "route": "分派",
    "reroute": "重新分派",
    "item.route": "分派",
    "item.reroute": "重新分派",
    "acknowledge": "签收",
    "respond": "回应",
    "close": "办结",
    "assignment.acknowledge": "签收",
    "assignment.respond": "登记回复",
    "assignment.close": "办结",
    "item.correct": "更正标签",
    "escalate": "升级督办",
    "reveal": "查看来电人信息",
    "login": "登录",
    "logout": "退出",
    "login_failed": "登录失败",
    "login_throttled": "登录被限流",
    "mfa_failed": "动态验证码错误",
    "mfa_reset": "重置动态验证码",
    "sign_alert": "签收预警",
    "raise_alert": "发出人工预警",
    "event.merge": "合并事件",
    "event.split": "移出事件",
}
# Keys of audit details and analysis explanations, as the officer reads them.
DETAIL_LABELS = {
    "before": "调整前",
    "after": "调整后",
    "topic": "主题",
    "sentiment": "情感",
    "urgency": "紧急程度",
    "request_type": "诉求类型",
    "routing": "分派",
    "entities": "识别信息",
    "keywords": "关键词",
    "field": "字段",
    "model": "模型原值",
    "office": "处室",
    "channel": "回复渠道",
    "response": "回复编号",
}
# Codes that appear as values in audit details (statuses, sentiments, channels, field names).
AUDIT_CODES = {
    **ASSIGNMENT_LABELS,
    **SENTIMENT_LABELS,
    **RESPONSE_CHANNELS,
    **{k: v for k, v in DETAIL_LABELS.items() if k in ("sentiment", "topic", "urgency", "request_type")},
}
ENTITY_LABELS = {"district": "区", "address": "地址", "organisation": "单位", "organization": "单位"}
# Sources that may run before sources.yaml lists them (reference/sources.md §7).
FALLBACK_SOURCES = {
    "people_liuyan": "人民网领导留言板",
    "enorth_zmljl": "北方网政民零距离",
    "tjcac_zmhd": "市住建委政民互动",
    "weibo": "微博",
    "hotline": "12319热线",
    "hotline_12319": "12319热线",
}


def source_names(rules_dir: Path) -> dict[str, str]:
    """Source key → display name: sources.yaml first, the known sources as fallback."""
    names = dict(FALLBACK_SOURCES)
    try:
        sources = load_rule_file(rules_dir, "sources").get("sources") or {}
    except RuleFileError:
        return names
    for key, spec in sources.items():
        if isinstance(spec, dict) and spec.get("name"):
            names[str(key)] = str(spec["name"])
    return names


def topic_names(rules_dir: Path) -> tuple[str, ...]:
    """First-level topics in the order topics.yaml lists them, for the queue filter."""
    try:
        topics = load_rule_file(rules_dir, "topics").get("topics") or []
    except RuleFileError:
        return ()
    names = [str(t["name"]) for t in topics if isinstance(t, dict) and t.get("name")]
    if "其他" not in names:
        names.append("其他")
    return tuple(names)


def local_time(value: datetime | str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """Render a UTC time (a datetime, or ISO text as JSON columns keep it) in the commission's time zone."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return "—"
    if value is None:
        return "—"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(handles().tz).strftime(fmt)


def time_left(due: datetime | None, now: datetime | None = None) -> str:
    """ "剩余 3小时" / "超期 2天": the clock an officer acts on, rounded to what matters."""
    if due is None:
        return ""
    delta = due - (now or utcnow())
    seconds = abs(int(delta.total_seconds()))
    if seconds >= 86400:
        amount = f"{seconds // 86400}天"
    elif seconds >= 3600:
        amount = f"{seconds // 3600}小时"
    else:
        amount = f"{max(seconds // 60, 1)}分钟"
    return ("剩余 " if delta.total_seconds() >= 0 else "超期 ") + amount


def is_overdue(due: datetime | None, status: str = "open") -> bool:
    """Past due with the clock still running: a responded or closed task is never overdue."""
    return due is not None and status in ("open", "acknowledged") and due < utcnow()


def audit_value(value: Any) -> str:
    """An audit detail value as the officer reads it: status, sentiment and field codes in Chinese."""
    if isinstance(value, str):
        return AUDIT_CODES.get(value, value)
    return as_text(value)


def as_text(value: Any) -> str:
    """Show a JSON value from an analysis as plain text (escaped by the template)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return "、".join(as_text(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def reason_text(value: Any) -> str:
    """Routing reasons are stored as "rule-id: why"; the officer needs the why."""
    text = as_text(value)
    rule, sep, why = text.partition(": ")
    if not sep or " " in rule:
        return text
    return f"人工分派：{why}" if rule == "manual" else why


def init_app(app: Flask) -> None:
    app.add_template_filter(local_time, "localtime")
    app.add_template_filter(audit_value, "audit_value")
    app.add_template_filter(time_left, "time_left")
    app.add_template_filter(as_text, "as_text")
    app.add_template_filter(reason_text, "reason_text")
    app.add_template_filter(mask_numbers, "masked")  # phone and ID numbers in public text
    app.add_template_global(is_overdue, "is_overdue")
    app.jinja_env.globals.update(
        URGENCY_LABELS=URGENCY_LABELS,
        URGENCY_CLASSES=URGENCY_CLASSES,
        SENTIMENT_LABELS=SENTIMENT_LABELS,
        TRIAGE_LABELS=TRIAGE_LABELS,
        ASSIGNMENT_LABELS=ASSIGNMENT_LABELS,
        KIND_LABELS=KIND_LABELS,
        RESPONSE_CHANNELS=RESPONSE_CHANNELS,
        ENTITY_LABELS=ENTITY_LABELS,
        ACTION_LABELS=ACTION_LABELS,
        DETAIL_LABELS=DETAIL_LABELS,
        ROLE_NAMES=ROLE_NAMES,
        ALERT_KIND_LABELS=ALERT_KIND_LABELS,
    )

    @app.template_filter("source_name")
    def _source_name(key: str) -> str:
        return handles().source_names.get(key, key)
