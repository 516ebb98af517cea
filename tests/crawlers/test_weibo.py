"""The Weibo spider against the m.weibo.cn sample on 127.0.0.1: posts, comments, walls, bad pages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from crawlers.parsers import weibo as parser
from crawlers.run import run_crawl
from crawlers.sample_site import create_app, serve_sample_site
from crawlers.sample_site.weibo import load_weibo
from store.models import CrawlRun, FetchAttempt, Item, Source

pytestmark = pytest.mark.timeout(180)

SOURCE = "weibo"
DATA = load_weibo()
UID = str(DATA["account"]["id"])
POSTS = {str(p["mid"]): p for p in DATA["posts"]}
COMMENTS = {str(c["id"]): (mid, c) for mid, p in POSTS.items() for c in p["comments"]}
WAGES, HEATING, REPOST = "5101388874500102", "5101847760200104", "5101750000000111"
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


class FaultyWeibo:
    """Breaks chosen answers: a visitor's login wall, a truncated JSON page, a passport redirect."""

    def __init__(self, *, wall_comment_pages_of: Iterable[str] = (), broken_comments_of: Iterable[str] = (),
                 redirect_timeline_pages: bool = False, busy_timeline: int = 0) -> None:  # fmt: skip
        self.app = create_app()
        self.wall = set(wall_comment_pages_of)
        self.broken = set(broken_comments_of)
        self.redirect = redirect_timeline_pages
        self.busy = busy_timeline  # answers of 429 before the first timeline page is served

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        path, query = environ.get("PATH_INFO", ""), parse_qs(environ.get("QUERY_STRING", ""))
        mid, max_id = query.get("id", [""])[0], query.get("max_id", [""])[0]
        if path == "/comments/hotflow" and mid in self.wall and max_id:
            body = (
                '{"ok":-100,"url":"https://passport.weibo.com/visitor/visitor?entry=mweibo&r=https%3A%2F%2Fm.weibo.cn"}'
            )
            return _send(start_response, "200 OK", [("Content-Type", "application/json")], body)
        if path == "/comments/hotflow" and mid in self.broken:
            return _send(start_response, "200 OK", [("Content-Type", "application/json")], '{"ok":1,"data":{"data":[{')
        if path == "/api/container/getIndex" and self.busy:
            self.busy -= 1
            return _send(start_response, "429 Too Many Requests", [("Retry-After", "0")], "")
        if path == "/api/container/getIndex" and self.redirect and query.get("since_id"):
            return _send(start_response, "302 Found", [("Location", "/visitor/visitor?entry=mweibo")], "")
        if path == "/visitor/visitor":
            page = "<html><head><meta charset='utf-8'><title>Sina Visitor System</title></head><body></body></html>"
            return _send(start_response, "200 OK", [("Content-Type", "text/html; charset=utf-8")], page)
        return self.app(environ, start_response)


def _send(start_response: Any, status: str, headers: list[tuple[str, str]], body: str) -> list[bytes]:
    data = body.encode("utf-8")
    start_response(status, [*headers, ("Content-Length", str(len(data)))])
    return [data]


def weibo_items(session: Session) -> dict[str, Item]:
    return {i.external_id: i for i in session.scalars(select(Item).where(Item.source == SOURCE))}


def outcomes(session: Session, run_id: int) -> dict[str, int]:
    rows = session.execute(
        select(FetchAttempt.outcome, func.count()).where(FetchAttempt.run_id == run_id).group_by(FetchAttempt.outcome)
    )
    return dict(rows.all())


def test_posts_and_comments_are_stored_once_and_linked(
    settings: Settings, factory: sessionmaker[Session], sample_site: str
) -> None:
    started = datetime.now(UTC)
    first = run_crawl(settings, SOURCE, sample_site)
    assert first["status"] == "ok", first
    assert (first["stored"], first["errors"]) == (len(POSTS) + len(COMMENTS), 0) == (38, 0)
    assert first["pages"] == 3  # 11 timeline entries, 4 a page
    with factory() as session:
        items = weibo_items(session)
        assert set(items) == set(POSTS) | set(COMMENTS)
        for mid, post in POSTS.items():
            item = items[mid]
            assert item.kind == "post" and item.url == f"{sample_site}/detail/{mid}"
            assert item.parent_id == (str(post["retweeted"]["mid"]) if "retweeted" in post else None)
            assert item.author_name == "天津城乡建设" and item.author_meta["verified_type"] == 1
            assert item.metrics["comments"] == len(post["comments"])
            assert "<" not in item.content_text
            expected = started - timedelta(minutes=post["age_minutes"])
            assert item.published_at is not None and abs(item.published_at - expected) < timedelta(minutes=3)
        for cid, (mid, comment) in COMMENTS.items():
            item = items[cid]
            assert item.kind == "comment" and item.parent_id == mid, cid
            assert item.url == f"{sample_site}/detail/{mid}" and item.author_name == comment["name"]
            assert item.metrics == {"likes": comment["likes"]}
            assert item.raw["region"] == comment["region"].removeprefix("来自")
        heating = items[HEATING]  # isLongText: the full text comes from statuses/extend
        assert heating.content_text.endswith("已办理报停的用户如需恢复供热，请尽快与供热单位联系。")
        assert "全文" not in heating.content_text and heating.raw["long_text"]
        assert heating.metrics == {"reposts": 12000, "comments": 6, "likes": 34000}  # "1.2万", "3.4万"
        repost = items[REPOST]  # its own words, then what it reposts, for the analysis to read
        original = POSTS[REPOST]["retweeted"]["text"]
        assert repost.content_text == f"提醒广大市民注意防范。[加油]\n//转发 @天津发布：{original}"
        assert items["5101192231000012"].content_text.endswith("谈了两年了[允悲]")  # emoji image kept as its alt
        hostile = items["5101390017000023"]
        assert hostile.content_text == "请问外地户口的工人也能投诉吗？"  # the script is dropped, never run
        assert "<script>" in (hostile.content_html or "")  # the evidence keeps what was served
        assert items["5102714400000081"].district == "滨海新区"
        source = session.scalar(select(Source).where(Source.key == SOURCE))
        assert source is not None and source.name == "天津城乡建设微博"
        assert source.watermark == {UID: max(int(m) for m in POSTS)}
        assert outcomes(session, first["run_id"]) == {"ok": first["requests"]}

    second = run_crawl(settings, SOURCE, sample_site)
    assert second["status"] == "ok", second
    # robots.txt and the first timeline page: the pinned post does not stop the walk, the next one does.
    assert (second["stored"], second["duplicate"], second["requests"], second["pages"]) == (0, 0, 2, 1)


def test_login_wall_and_broken_page_are_recorded_and_the_rest_kept(
    settings: Settings, factory: sessionmaker[Session]
) -> None:
    site = FaultyWeibo(wall_comment_pages_of={WAGES}, broken_comments_of={HEATING})
    server, url = serve_sample_site(app=site)
    try:
        summary = run_crawl(settings, SOURCE, url)
    finally:
        server.stop()
    lost = 2 + len(POSTS[HEATING]["comments"])  # the wage post's second comment page, all heating comments
    assert summary["status"] == "partial" and summary["stored"] == 38 - lost, summary
    assert summary["watermark_advanced"] == {UID: max(int(m) for m in POSTS)}  # posts are all in
    with factory() as session:
        expected = {"ok": summary["requests"] - 2, "login_wall": 1, "parse_error": 1}
        assert outcomes(session, summary["run_id"]) == expected
        run = session.get(CrawlRun, summary["run_id"])
        assert run is not None and run.status == "partial"
        assert "login required" in (run.error or "") and f"comments {WAGES}" in (run.error or "")
        assert "not JSON" in (run.error or "")
        items = weibo_items(session)
        assert sum(1 for i in items.values() if i.parent_id == WAGES) == 5  # page 1 kept
        assert not any(i.parent_id == HEATING for i in items.values())
        assert items[HEATING].kind == "post"


def test_passport_redirect_holds_the_watermark(settings: Settings, factory: sessionmaker[Session]) -> None:
    server, url = serve_sample_site(app=FaultyWeibo(redirect_timeline_pages=True))
    try:
        summary = run_crawl(settings, SOURCE, url)
    finally:
        server.stop()
    assert summary["status"] == "partial" and summary["list_failures"] == 1, summary
    assert summary["stored"] == 4 + 5  # the first page's posts (pinned + 3) and their comments
    assert summary["watermark_held"] and summary["watermark_advanced"] == {}
    with factory() as session:
        assert outcomes(session, summary["run_id"])["login_wall"] == 1
        source = session.scalar(select(Source).where(Source.key == SOURCE))
        assert source is not None and source.watermark == {}  # the next run walks the timeline again


def test_throttling_is_retried_with_backoff(settings: Settings) -> None:
    server, url = serve_sample_site(app=FaultyWeibo(busy_timeline=2))
    try:
        summary = run_crawl(settings, SOURCE, url)
    finally:
        server.stop()
    assert summary["retries"] == 2 and summary["stored"] == 38, summary
    assert summary["fetches"]["http_error"] == 2  # each 429 is on the ledger, the page was still read


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mon Jun 24 15:35:56 +0800 2019", datetime(2019, 6, 24, 7, 35, 56, tzinfo=UTC)),
        ("刚刚", NOW),
        ("5分钟前", NOW - timedelta(minutes=5)),
        ("3小时前", NOW - timedelta(hours=3)),
        ("昨天 21:05", datetime(2026, 11, 25, 13, 5, tzinfo=UTC)),
        ("05-02", datetime(2026, 5, 1, 16, 0, tzinfo=UTC)),
        ("2019-05-02", datetime(2019, 5, 1, 16, 0, tzinfo=UTC)),
        ("很久以前", None),
    ],
)
def test_every_created_at_form_parses(raw: str, expected: datetime | None) -> None:
    assert parser.parse_time(raw, NOW) == expected


def test_counts_and_envelopes() -> None:
    assert [parser.to_count(v) for v in (17, "17", "1.2万", "100万+", "3亿", "很多", None)] == [
        17, 17, 12000, 1000000, 300000000, None, None,
    ]  # fmt: skip
    with pytest.raises(parser.PageError) as wall:
        parser.parse_comments('{"ok":-100,"url":"https://passport.weibo.com/visitor/visitor"}')
    assert wall.value.outcome == "login_wall"
    with pytest.raises(parser.PageError) as closed:
        parser.parse_comments('{"ok":0,"msg":"快来发表你的评论吧"}')
    assert closed.value.outcome == "parse_error"
    mblogs, since = parser.parse_timeline('{"ok":1,"data":{"cardlistInfo":{"since_id":0},"cards":[{"card_type":11}]}}')
    assert (mblogs, since) == ([], None)
