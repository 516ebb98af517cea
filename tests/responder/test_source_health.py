"""Source health: blocked, changed, failing and silent sources alert once a day; healthy ones never."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from responder.source_health import SourceHealthRules, check_sources
from store.models import Alert, CrawlRun, Item, Source

NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)  # 10:00 in Tianjin


def _source(
    session: Session, key: str, runs: list[tuple[str, dict[str, int], str | None]], item_age_h: float | None
) -> None:
    source = Source(key=key, name=f"来源{key}", kind="message", enabled=True, watermark={})
    session.add(source)
    session.flush()
    for i, (status, fetches, error) in enumerate(runs):  # oldest first
        started = NOW - timedelta(hours=len(runs) - i)
        session.add(CrawlRun(source_id=source.id, started_at=started, finished_at=started + timedelta(minutes=1),
                             status=status, stats={"fetches": fetches}, error=error))  # fmt: skip
    if item_age_h is not None:
        session.add(Item(source=key, external_id=f"{key}-1", kind="message", content_text="x", content_hash="h",
                         first_seen_at=NOW - timedelta(hours=item_age_h)))  # fmt: skip
    session.flush()


def test_each_problem_alerts_once_per_day_and_healthy_sources_stay_quiet(session: Session) -> None:
    ok = {"ok": 12}
    _source(session, "healthy", [("ok", ok, None)] * 3, item_age_h=2)
    _source(session, "walled", [("ok", ok, None), ("partial", {"ok": 1, "login_wall": 2}, "login")], item_age_h=1)
    _source(session, "changed", [("partial", {"ok": 3, "parse_error": 9}, "no div.liuyan_box03")], item_age_h=1)
    _source(session, "broken", [("failed", {}, "connection refused")] * 3, item_age_h=5)
    _source(session, "quiet", [("ok", ok, None)], item_age_h=100)
    _source(session, "never_crawled", [], item_age_h=None)
    session.commit()
    rules = SourceHealthRules(silent_hours=72)
    raised = check_sources(session, rules, NOW)
    session.commit()
    found = sorted((a.detail["source"], a.detail["problem"]) for a in raised)
    assert found == [("broken", "failing"), ("changed", "layout"), ("quiet", "silent"), ("walled", "blocked")]
    quiet = next(a for a in raised if a.detail["source"] == "quiet")
    assert quiet.title == "【采集异常】来源quiet" and quiet.detail["reasons"] == ["已100小时没有新内容"]
    assert check_sources(session, rules, NOW + timedelta(hours=3)) == []  # same day in Tianjin: once
    again = check_sources(session, rules, NOW + timedelta(days=1))
    assert len(again) == 4  # still wrong the next day: said again
    session.commit()
    assert len(list(session.scalars(select(Alert)))) == 8
