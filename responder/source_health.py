"""Source-health alerts: a collector that quietly stops collecting is the worst failure of all.

A blocked crawler, a board that changed its page layout, or a source that simply went
silent all look the same on the dashboard — fewer complaints — and fewer complaints look
like good news. So the scheduler checks every enabled source after its crawls
(DESIGN §5 "source-health alerts") and tells the duty desk, at most once per source,
problem and day:

* **blocked** — the last run met a login wall or a block page (``login_wall`` /
  ``soft_block`` fetch outcomes);
* **layout** — the last run fetched pages it could not parse (``parse_error``), the usual
  sign that the site changed its markup;
* **failing** — the last ``FAILING_RUNS`` runs all failed;
* **silent** — nothing new from the source for ``silent_hours`` although it is crawled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import Alert, CrawlRun, Item, Source

FAILING_RUNS = 3
SOURCE_LEVEL = 2
BLOCK_OUTCOMES = ("login_wall", "soft_block")


@dataclass(frozen=True)
class SourceHealthRules:
    silent_hours: float = 72.0

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> SourceHealthRules:
        spec = config.get("sources") or {}
        hours = float(spec.get("silent_hours", cls.silent_hours))
        if hours <= 0:
            raise ValueError(f"sources.silent_hours must be positive, got {hours}")
        return cls(silent_hours=hours)


@dataclass(frozen=True)
class Problem:
    source: str
    name: str
    kind: str  # blocked / layout / failing / silent
    text: str


def problems_of(
    key: str, name: str, runs: list[CrawlRun], last_item_at: datetime | None, rules: SourceHealthRules, now: datetime
) -> list[Problem]:
    """What is wrong with one source, from its latest runs (newest first) and newest item."""
    finished = [r for r in runs if r.finished_at is not None]
    if not finished:
        return []
    found = []
    fetches = (finished[0].stats or {}).get("fetches") or {}
    blocked = sum(int(fetches.get(o, 0)) for o in BLOCK_OUTCOMES)
    if blocked:
        found.append(Problem(key, name, "blocked", f"最近一次采集遇到登录或拦截页面{blocked}次"))
    unparsed = int(fetches.get("parse_error", 0))
    if unparsed:
        found.append(Problem(key, name, "layout", f"最近一次采集有{unparsed}个页面无法解析，网站页面结构可能已变化"))
    if len(finished) >= FAILING_RUNS and all(r.status == "failed" for r in finished[:FAILING_RUNS]):
        error = (finished[0].error or "")[:120]
        found.append(Problem(key, name, "failing", f"连续{FAILING_RUNS}次采集失败：{error}"))
    since = last_item_at or min(r.started_at for r in finished)
    silent = _aware(now) - _aware(since)
    if silent > timedelta(hours=rules.silent_hours):
        found.append(Problem(key, name, "silent", f"已{silent / timedelta(hours=1):.0f}小时没有新内容"))
    return found


def check_sources(
    session: Session, rules: SourceHealthRules, now: datetime, timezone: str = "Asia/Shanghai"
) -> list[Alert]:
    """Alert once per source, problem and local day."""
    day = _aware(now).astimezone(ZoneInfo(timezone)).strftime("%Y%m%d")
    raised = []
    for source in session.scalars(select(Source).where(Source.enabled.is_(True)).order_by(Source.id)):
        runs = list(
            session.scalars(
                select(CrawlRun).where(CrawlRun.source_id == source.id).order_by(CrawlRun.id.desc()).limit(FAILING_RUNS)
            )
        )
        last_item = session.scalar(select(func.max(Item.first_seen_at)).where(Item.source == source.key))
        for problem in problems_of(source.key, source.name, runs, last_item, rules, now):
            key = f"source:{problem.source}:{problem.kind}:{day}"[:128]
            if session.scalar(select(Alert.id).where(Alert.dedup_key == key)) is not None:
                continue
            alert = Alert(
                kind="source",
                level=SOURCE_LEVEL,
                title=f"【采集异常】{problem.name}",
                detail={"source": problem.source, "problem": problem.kind, "reasons": [problem.text]},
                dedup_key=key,
                created_at=now,
            )
            session.add(alert)
            raised.append(alert)
    return raised


def _aware(when: datetime) -> datetime:
    """Stored naive times are UTC."""
    return when if when.tzinfo else when.replace(tzinfo=UTC)
