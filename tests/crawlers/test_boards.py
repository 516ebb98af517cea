"""The HTML board spiders (北方网《政民零距离》, the commission's 政民互动) against the sample site."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from crawlers.run import run_crawl
from crawlers.sample_site import create_app, serve_sample_site
from crawlers.sample_site.boards import load_board
from store.models import CrawlRun, FetchAttempt, Item, Source

pytestmark = pytest.mark.timeout(180)

ENORTH = {str(m["id"]).zfill(9): m for m in load_board("enorth")["messages"]}
TJCAC = {str(m["id"]): m for m in load_board("tjcac")["letters"]}
GARBAGE = "<html><body><div class='maintain'>系统升级维护中，请稍后访问</div></body></html>"


class FaultyBoards:
    """Breaks chosen paths: a maintenance page instead of a detail or list page, a lying header."""

    def __init__(self, *, garbage: Iterable[str] = (), utf8_header: Iterable[str] = ()) -> None:
        self.app = create_app()
        self.garbage = set(garbage)
        self.utf8_header = set(utf8_header)
        self.healthy = False

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if not self.healthy and path in self.garbage:
            data = GARBAGE.encode("gbk")
            start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(data)))])
            return [data]
        if path in self.utf8_header:  # the server claims utf-8 in front of the GBK page (w3lib#155)

            def lying(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
                fixed = [(k, "text/html; charset=utf-8" if k == "Content-Type" else v) for k, v in headers]
                return start_response(status, fixed, *args)

            return self.app(environ, lying)
        return self.app(environ, start_response)


def board_items(session: Session, source: str) -> dict[str, Item]:
    return {i.external_id: i for i in session.scalars(select(Item).where(Item.source == source))}


def outcomes(session: Session, run_id: int) -> dict[str, int]:
    rows = session.execute(
        select(FetchAttempt.outcome, func.count()).where(FetchAttempt.run_id == run_id).group_by(FetchAttempt.outcome)
    )
    return dict(rows.all())


def near(value: datetime | None, started: datetime, age_minutes: int) -> bool:
    return value is not None and abs(value - (started - timedelta(minutes=age_minutes))) < timedelta(minutes=3)


def test_enorth_gbk_board_is_parsed_and_crawled_incrementally(
    settings: Settings, factory: sessionmaker[Session], sample_site: str
) -> None:
    started = datetime.now(UTC)
    first = run_crawl(settings, "enorth_zmljl", sample_site)
    assert first["status"] == "ok", first
    assert (first["stored"], first["pages"], first["details"]) == (12, 3, 12)
    with factory() as session:
        items = board_items(session, "enorth_zmljl")
        assert set(items) == set(ENORTH)
        for page_id, m in ENORTH.items():
            item = items[page_id]
            assert item.kind == "message" and item.url.startswith(f"{sample_site}/system/")
            assert item.url.endswith(f"/{page_id}.shtml")
            assert item.content_text == m["content"] and item.author_name == m["author"]
            assert item.target_org == m["target"] and item.request_type_raw == m["type"]
            assert item.status_raw == m["status"] and near(item.published_at, started, m["age_minutes"])
            assert item.raw["detail_fetch"]["encoding"] == "gb18030"  # GBK, declared gb2312, no header charset
            reply = m["reply"]
            assert item.reply_text == (reply["content"] if reply else None)
            assert item.reply_org == (reply["org"] if reply else None)
            assert near(item.replied_at, started, reply["age_minutes"]) if reply else item.replied_at is None
            assert item.raw["satisfaction"] == (reply["satisfaction"] if reply else None)
        assert {i.status for i in items.values()} == {"pending", "processing", "replied"}
        assert items["037368190"].author_name == "网民张喆"  # 喆 is GBK, not GB2312
        assert items["037368279"].title == "河北区某小区物业擅自涨停车费"  # the raw <script> is dropped
        assert items["037368144"].district == "河西区"  # from 留言对象 河西区政府
        source = session.scalar(select(Source).where(Source.key == "enorth_zmljl"))
        assert source is not None and source.name == "北方网政民零距离"
        assert source.watermark == {"board": max(m["id"] for m in ENORTH.values())}

    second = run_crawl(settings, "enorth_zmljl", sample_site)
    assert (second["stored"], second["duplicate"], second["requests"], second["pages"]) == (0, 0, 2, 1), second


def test_enorth_broken_pages_are_recorded_and_recovered(settings: Settings, factory: sessionmaker[Session]) -> None:
    app = FaultyBoards()
    enorth = app.app.parts[1]
    broken_detail = enorth.url(ENORTH["037368344"])  # 电梯困人: its detail page is a maintenance page
    lying = enorth.url(ENORTH["037368190"])
    app.garbage = {broken_detail, "/zmljl/index_3.shtml"}
    app.utf8_header = {lying}
    server, url = serve_sample_site(app=app)
    try:
        first = run_crawl(settings, "enorth_zmljl", url)
        check_first_broken_crawl(factory, first)
        app.healthy = True
        second = run_crawl(settings, "enorth_zmljl", url)
    finally:
        server.stop()
    assert second["status"] == "ok" and second["stored"] == 2, second  # the walk resumes from the top
    assert second["revised"] == 1  # the message stored from its list entry gets its text
    with factory() as session:
        items = board_items(session, "enorth_zmljl")
        assert set(items) == set(ENORTH)
        assert items["037368344"].content_text == ENORTH["037368344"]["content"]  # filled in by the re-walk


def check_first_broken_crawl(factory: sessionmaker[Session], first: dict[str, Any]) -> None:
    assert first["status"] == "partial" and first["stored"] == 10, first  # pages 1–2; page 3 broken
    assert (first["list_failures"], first["detail_failures"]) == (1, 1)
    assert first["watermark_advanced"] == {} and "board" in first["watermark_held"]
    with factory() as session:
        assert outcomes(session, first["run_id"]) == {"ok": first["requests"] - 2, "parse_error": 2}
        run = session.get(CrawlRun, first["run_id"])
        assert run is not None and run.status == "partial" and "list page 3" in (run.error or "")
        kept = board_items(session, "enorth_zmljl")["037368344"]  # stored from its list entry alone
        assert kept.title == ENORTH["037368344"]["title"] and kept.status_raw == "办理中"
        assert kept.raw["detail"] is None and kept.raw["detail_fetch"]["outcome"] == "parse_error"
        assert board_items(session, "enorth_zmljl")["037368190"].author_name == "网民张喆"  # meta beats header


def test_tjcac_board_fields_and_a_new_letter_between_crawls(settings: Settings, factory: sessionmaker[Session]) -> None:
    app = create_app()
    server, url = serve_sample_site(app=app)
    started = datetime.now(UTC)
    try:
        first = run_crawl(settings, "tjcac_zmhd", url)
        board = app.parts[2]
        letter = {**TJCAC["21080"], "id": 21093, "age_minutes": 0, "title": "小区消防通道被占用", "reply": None}
        board.rows.insert(0, letter)
        board.by_id[21093] = letter
        second = run_crawl(settings, "tjcac_zmhd", url)
    finally:
        server.stop()
    assert first["status"] == "ok" and (first["stored"], first["pages"]) == (12, 3), first
    assert (second["stored"], second["duplicate"], second["details"]) == (1, 0, 1), second
    with factory() as session:
        items = board_items(session, "tjcac_zmhd")
        assert set(items) == set(TJCAC) | {"21093"}
        for letter_id, m in TJCAC.items():
            item = items[letter_id]
            assert item.url == f"{url}/zmhd/show.asp?id={letter_id}" and item.title == m["title"]
            assert item.content_text == m["content"] and item.author_name == m["author"]
            assert item.request_type_raw == m["type"] and item.domain == m["column"]
            assert item.status_raw == m["status"] and near(item.published_at, started, m["age_minutes"])
            reply = m["reply"]
            assert item.reply_text == (reply["content"] if reply else None)
            assert item.reply_org == (reply["org"] if reply else None)
        assert {i.status for i in items.values()} == {"pending", "processing", "replied"}
        assert items["20894"].district == "宝坻区"
        source = session.scalar(select(Source).where(Source.key == "tjcac_zmhd"))
        assert source is not None and source.name == "市住建委政民互动" and source.watermark == {"board": 21093}
