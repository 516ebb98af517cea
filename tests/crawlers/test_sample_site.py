"""The sample site serves the demo messages in the Gen-A format, stably while it runs."""

from __future__ import annotations

import urllib.request
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from werkzeug.test import Client

from crawlers.decoding import decode_html
from crawlers.parsers import people_liuyan as parser
from crawlers.sample_site import create_app, load_messages, serve_sample_site

NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
AJAX = {"X-Requested-With": "XMLHttpRequest"}


@pytest.fixture(scope="module")
def client() -> Client:
    return Client(create_app(now=NOW))


def list_page(client: Client, fid: str, last_item: str = "0", state: str = "1") -> list[dict]:
    response = client.post(
        "/threads/queryThreadsList", data={"fid": fid, "lastItem": last_item, "state": state}, headers=AJAX
    )
    assert response.status_code == 200
    return parser.parse_list(response.get_data(as_text=True))


def test_demo_data_covers_the_matters_the_pipeline_must_handle() -> None:
    messages = load_messages()["messages"]
    assert 30 <= len(messages) <= 40
    tids = [m["tid"] for m in messages]
    assert len(set(tids)) == len(tids)
    by_tid = sorted(messages, key=lambda m: m["tid"])
    ages = [m["age_minutes"] for m in by_tid]
    assert ages == sorted(ages, reverse=True), "tids must grow with time"
    assert max(ages) <= 10 * 24 * 60
    text = "".join(m["subject"] + m["content"] for m in messages)
    for needle in ("跳", "集体", "横幅", "燃气", "漏气", "物业", "电梯", "拖欠", "延期交房", "拆迁", "夜间施工",
                   "漏水", "开裂", "公租房", "公积金", "违法建设", "感谢"):  # fmt: skip
        assert needle in text, needle
    assert sum("馨河园" in m["subject"] + m["content"] for m in messages) >= 2  # one matter, several messages
    assert Counter(m["stateInfo"] for m in messages).keys() >= {"待回复", "已办理", "办理中"}
    for m in messages:
        if m.get("answer"):
            assert m["answer"]["age_minutes"] < m["age_minutes"]
        if m.get("charset", "utf-8") != "utf-8":
            (m["subject"] + m["content"] + (m["answer"] or {}).get("content", "")).encode("gbk")


def test_list_api_pages_with_the_lastitem_cursor(client: Client) -> None:
    seen: list[int] = []
    cursor = "0"
    while page := list_page(client, "5001", cursor):
        assert all(e["forumName"] == "天津市委书记" for e in page)
        seen += [e["tid"] for e in page]
        cursor = str(page[-1]["tid"])
    assert seen == sorted(seen, reverse=True)
    assert len(seen) == sum(1 for m in load_messages()["messages"] if m["fid"] == "5001")


def test_list_entries_have_recent_unix_datelines(client: Client) -> None:
    entry = list_page(client, "5002")[0]
    published = datetime.fromtimestamp(entry["dateline"], UTC)
    assert NOW - timedelta(days=10) <= published <= NOW
    assert {"tid", "subject", "content", "nickName", "dateline", "typeName", "domainName", "stateInfo",
            "answerContent", "answerOrganization", "answerDateline", "favNum"} <= entry.keys()  # fmt: skip


def test_state_filter_and_bad_requests(client: Client) -> None:
    assert {e["stateInfo"] for e in list_page(client, "5002", state="4")} == {"已办理"}
    assert list_page(client, "9999") == []
    refused = client.post("/threads/queryThreadsList", data={"fid": "5001", "lastItem": "0"})
    assert refused.json["result"] == "fail"  # the API answers XHR only
    bad = client.post("/threads/queryThreadsList", data={"fid": "5001", "lastItem": "x"}, headers=AJAX)
    assert bad.json["result"] == "fail"
    assert client.get("/threads/queryThreadsList").status_code == 405


def test_detail_pages_parse_in_every_charset(client: Client) -> None:
    for m in load_messages()["messages"]:
        response = client.get(f"/threads/content?tid={m['tid']}")
        assert response.status_code == 200
        decoded = decode_html(response.get_data(), response.headers.get("Content-Type"))
        detail = parser.parse_detail(decoded.text)
        assert detail.title == m["subject"]
        assert detail.body_text == m["content"]
        assert detail.reply_org == (m["answer"] or {}).get("organization")
    assert client.get("/threads/content?tid=1").status_code == 404


def test_gbk_pages_are_really_gbk(client: Client) -> None:
    response = client.get("/threads/content?tid=6120340")
    assert response.headers["Content-Type"] == "text/html"
    with pytest.raises(UnicodeDecodeError):
        response.get_data().decode("utf-8")
    lying = client.get("/threads/content?tid=6120966")
    assert lying.headers["Content-Type"] == "text/html; charset=utf-8"  # the header lies; the meta tells
    assert b"charset=gb2312" in lying.get_data()


def test_dates_are_stable_while_the_site_runs() -> None:
    app = create_app()
    first = Client(app).post("/threads/queryThreadsList", data={"fid": "5001"}, headers=AJAX).json
    second = Client(app).post("/threads/queryThreadsList", data={"fid": "5001"}, headers=AJAX).json
    assert first == second


def test_served_over_http_with_robots() -> None:
    server, url = serve_sample_site()
    try:
        assert url == server.url and url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{url}/robots.txt", timeout=5) as response:
            robots = response.read().decode()
        assert "Allow: /threads/" in robots
    finally:
        server.stop()
