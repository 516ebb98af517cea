"""Real crawls of the sample site on 127.0.0.1 into the real database, one child process each."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from crawlers.run import CrawlError, run_crawl
from crawlers.sample_site import load_messages, serve_sample_site
from crawlers.sources import SourceConfigError
from store.models import CrawlRun, FetchAttempt, Item, ItemRevision, Source, Task
from store.queue import queue
from store.types import utcnow
from tests.crawlers.faulty_site import FaultySite

pytestmark = pytest.mark.timeout(180)

MESSAGES = {m["tid"]: m for m in load_messages()["messages"]}
FORUM_TIDS = {
    fid: sorted((t for t, m in MESSAGES.items() if m["fid"] == fid), reverse=True) for fid in ("5001", "5002")
}
SOURCE = "people_liuyan"


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def items_by_tid(session: Session) -> dict[int, Item]:
    return {int(i.external_id): i for i in session.scalars(select(Item).where(Item.source == SOURCE))}


def outcomes(session: Session, run_id: int) -> dict[str, int]:
    rows = session.execute(
        select(FetchAttempt.outcome, func.count()).where(FetchAttempt.run_id == run_id).group_by(FetchAttempt.outcome)
    )
    return dict(rows.all())


def assert_items_match_site(items: dict[int, Item], site_url: str, started: datetime) -> None:
    """Every demo message is stored once, normalised as sources.md §7 says."""
    assert set(items) == set(MESSAGES)
    for tid, m in MESSAGES.items():
        item = items[tid]
        assert item.kind == "message" and item.url == f"{site_url}/threads/content?tid={tid}"
        assert item.title == m["subject"] and item.content_text == m["content"]
        assert item.request_type_raw == m["typeName"] and item.domain == m["domainName"]
        assert item.status_raw == m["stateInfo"]
        assert item.target_org == {"5001": "天津市委书记", "5002": "天津市市长"}[m["fid"]]
        assert item.author_name == m["nickName"] and item.metrics == {"likes": m["favNum"]}
        assert item.published_at is not None
        assert abs(item.published_at - (started - timedelta(minutes=m["age_minutes"]))) < timedelta(minutes=3)
        answer = m["answer"]
        assert item.reply_text == (answer["content"] if answer else None)
        assert item.reply_org == (answer["organization"] if answer else None)
        assert (item.replied_at is not None) == bool(answer)
        assert item.raw["list"]["tid"] == tid and item.raw["detail"]["title"] == m["subject"]
        assert item.raw["detail_fetch"]["encoding"] == ("gb18030" if m.get("charset") else "utf-8")
    assert {item.status for item in items.values()} == {"pending", "processing", "replied"}
    assert items[6121766].district == items[6121830].district == items[6122133].district == "河西区"
    assert items[6121219].district is None  # names two districts
    assert items[6120340].content_text.startswith("书记您好：我是和平区南营门街道")  # served as GBK
    assert items[6120966].title == "河北区老旧小区顶层房屋漏水多年无人维修"  # GB2312 behind a utf-8 header


def test_crawling_twice_stores_each_message_once(
    settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis, sample_site: str
) -> None:
    started = utcnow()
    first = run_crawl(settings, SOURCE, sample_site)
    assert first["status"] == "ok", first
    assert (first["stored"], first["duplicate"], first["errors"]) == (36, 0, 0)
    assert (first["pages"], first["details"]) == (6, 36)  # 2 forums × (2 pages + the empty one)
    with factory() as session:
        items = items_by_tid(session)
        assert_items_match_site(items, sample_site, started)
        tasks = session.scalars(select(Task).where(Task.kind == "analyse")).all()
        assert sorted(t.subject_id for t in tasks) == sorted(i.id for i in items.values())
        assert {t.state for t in tasks} == {"enqueued"}  # dispatched, not just written
        assert outcomes(session, first["run_id"]) == {"ok": 43}
        run = session.get(CrawlRun, first["run_id"])
        assert run is not None and run.status == "ok" and run.finished_at is not None
        assert run.stats["stored"] == 36
        source = session.scalar(select(Source).where(Source.key == SOURCE))
        assert source is not None and source.last_crawled_at is not None
        assert source.watermark == {fid: tids[0] for fid, tids in FORUM_TIDS.items()}
    jobs = queue(redis_conn, "analysis", settings).get_jobs()
    assert sorted(task_id for job in jobs for task_id in job.args[0]) == sorted(t.id for t in tasks)

    second = run_crawl(settings, SOURCE, sample_site)
    assert second["status"] == "ok", second
    assert (second["stored"], second["duplicate"], second["details"]) == (0, 0, 0)
    assert second["pages"] == 2 and second["requests"] == 3  # robots.txt + the first page of each forum
    with factory() as session:
        assert count(session, Item) == 36 and count(session, Task) == 36

    with factory.begin() as session:
        source = session.scalar(select(Source).where(Source.key == SOURCE))
        assert source is not None
        source.watermark = {}
    third = run_crawl(settings, SOURCE, sample_site)
    assert (third["stored"], third["duplicate"], third["revised"]) == (0, 36, 0), third
    with factory() as session:
        assert count(session, Item) == 36
        assert count(session, Task) == 36  # nothing new to analyse
        assert count(session, ItemRevision) == 0


def test_broken_pages_lose_nothing_and_are_recorded(settings: Settings, factory: sessionmaker[Session]) -> None:
    page_two_of_5002 = ("5002", str(FORUM_TIDS["5002"][9]))
    site = FaultySite(
        error_tids={6121158},
        garbage_tids={6120902},
        blocked_tids={6121520},
        robots_denied_tids={6121030},
        broken_list_cursors={page_two_of_5002},
        blank_tids={6122011},
    )
    server, url = serve_sample_site(app=site)
    try:
        first = run_crawl(settings, SOURCE, url)
        site.healthy = True
        second = run_crawl(settings, SOURCE, url)
    finally:
        server.stop()

    assert first["status"] == "partial", first
    assert first["stored"] == 16 + 10  # all of 5001 but the blank message, the first page of 5002
    assert first["list_failures"] == 1 and first["detail_failures"] == 4
    assert first["errors"] == 1 and list(first["rejected"]) == ["6122011"]  # bad data: reported, not retried
    assert first["watermark_advanced"] == {"5001": FORUM_TIDS["5001"][0]}
    assert "5002" in first["watermark_held"]
    assert site.hits["/threads/content?tid=6121158"] == 3  # first try + 2 retries with backoff
    assert site.hits["/threads/content?tid=6121030"] == 0  # robots.txt said no
    with factory() as session:
        # 35 rows: robots.txt, 5 list pages, 16 detail pages (one answered 3 times), one robots denial.
        assert outcomes(session, first["run_id"]) == {
            "ok": 28, "http_error": 2, "gave_up": 1, "parse_error": 2, "soft_block": 1, "robots_denied": 1,
        }  # fmt: skip
        reasons = dict(
            session.execute(
                select(FetchAttempt.url, FetchAttempt.reason).where(
                    FetchAttempt.run_id == first["run_id"], FetchAttempt.outcome == "gave_up"
                )
            ).all()
        )
        assert reasons == {f"{url}/threads/content?tid=6121158": "500 Internal Server Error after 3 attempts"}
        items = items_by_tid(session)
        for tid, outcome in ((6121158, "failed"), (6120902, "parse_error"), (6121520, "soft_block"),
                             (6121030, "failed")):  # fmt: skip
            item, m = items[tid], MESSAGES[tid]
            assert item.content_text == m["content"] and item.title == m["subject"], tid
            assert item.status_raw == m["stateInfo"] and item.target_org == "天津市委书记"
            assert item.reply_text == (m["answer"]["content"] if m["answer"] else None)
            assert item.raw["detail"] is None and item.raw["detail_fetch"]["outcome"] == outcome
        run = session.get(CrawlRun, first["run_id"])
        assert run is not None and run.status == "partial" and run.error

    assert second["status"] == "ok", second
    assert (second["stored"], second["duplicate"]) == (9, 10)  # 5002 re-walked from the top
    with factory() as session:
        assert set(items_by_tid(session)) == set(MESSAGES) - {6122011}
        assert count(session, Task) == 35
        source = session.scalar(select(Source).where(Source.key == SOURCE))
        assert source is not None
        assert source.watermark == {fid: tids[0] for fid, tids in FORUM_TIDS.items()}


def test_max_pages_bounds_the_walk_and_reports_the_gap(
    settings: Settings, factory: sessionmaker[Session], sample_site: str
) -> None:
    oldest = {fid: tids[-1] for fid, tids in FORUM_TIDS.items()}
    with factory.begin() as session:
        session.add(Source(key=SOURCE, name="人民网领导留言板", kind="message", watermark=oldest))
    capped = settings.replace(crawl=dataclasses.replace(settings.crawl, max_pages=1))
    summary = run_crawl(capped, SOURCE, sample_site)
    assert (summary["pages"], summary["stored"]) == (2, 20)  # one page of ten per forum
    assert summary["status"] == "partial" and set(summary["gaps"]) == {"5001", "5002"}
    with factory() as session:
        run = session.get(CrawlRun, summary["run_id"])
        assert run is not None and "max_pages=1" in (run.error or "")
        source = session.scalar(select(Source).where(Source.key == SOURCE))
        assert source is not None and source.watermark == {fid: tids[0] for fid, tids in FORUM_TIDS.items()}


def test_unreachable_queue_does_not_lose_items(
    settings: Settings, factory: sessionmaker[Session], sample_site: str
) -> None:
    offline = settings.replace(redis=dataclasses.replace(settings.redis, url="redis://127.0.0.1:1/0"))
    summary = run_crawl(offline, SOURCE, sample_site)
    assert summary["stored"] == 36 and summary["dispatched"] == 0 and summary["dispatch_errors"] >= 1
    with factory() as session:
        tasks = session.scalars(select(Task)).all()
        assert len(tasks) == 36
        # Leased but never queued: the sweeper hands them out again when the lease expires.
        assert all(t.state in ("pending", "enqueued") and (t.state == "pending" or t.lease_until) for t in tasks)


def test_bad_configuration_fails_fast(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(SourceConfigError, match="unknown source"):
        run_crawl(settings, "no_such_source")
    with pytest.raises(SourceConfigError, match="sample site"):
        run_crawl(settings, SOURCE)  # sources.yaml says "sample:" and no URL was given
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  broken:\n    name: x\n    spider: no_such_spider\n    base_url: http://127.0.0.1:9\n",
        encoding="utf-8",
    )
    with pytest.raises(CrawlError, match="no_such_spider"):
        run_crawl(settings.replace(rules_dir=tmp_path), "broken")
