"""Parsers and normalisation on hand-written pages in the real Gen-A format."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawlers.decoding import decode_html
from crawlers.normalise import district_from_name, district_from_text, html_to_text, map_status
from crawlers.parsers import people_liuyan as parser

PAGES = Path(__file__).resolve().parent / "pages"
CAPTURED = datetime(2025, 11, 25, 8, 0, tzinfo=UTC)
BASE = "http://liuyan.example"


def page(name: str) -> str:
    return decode_html((PAGES / name).read_bytes()).text


def list_entries() -> list[dict]:
    return parser.parse_list((PAGES / "list_page.json").read_text(encoding="utf-8"))


def test_list_page_gives_entries_in_order() -> None:
    entries = list_entries()
    assert [e["tid"] for e in entries] == [8846021, 8845977]
    assert parser.parse_list((PAGES / "list_empty.json").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ((PAGES / "list_fail.json").read_text(encoding="utf-8"), "parse_error"),
        ("<html><body>访问过于频繁，请输入验证码</body></html>", "soft_block"),
        ("<html><body>Bad Gateway</body></html>", "parse_error"),
        ('{"result":"success","responseData":[{"subject":"no tid"}]}', "parse_error"),
        ("[1, 2]", "parse_error"),
    ],
)
def test_bad_list_pages_say_why(text: str, outcome: str) -> None:
    with pytest.raises(parser.PageError) as info:
        parser.parse_list(text)
    assert info.value.outcome == outcome


def test_detail_page_fields() -> None:
    detail = parser.parse_detail(page("detail_replied.html"))
    assert detail.title == "和平区某小区电梯停运半个月无人维修"
    assert detail.status_raw == "已办理"
    assert (detail.domain, detail.type_name) == ("城建", "投诉")
    assert detail.forum_name == "天津市和平区委书记"
    assert detail.published_at == datetime.fromisoformat("2025-11-20T13:31:00+08:00")
    assert detail.reply_org == "和平区住房和建设委员会"
    assert detail.reply_text == "网友您好：经区住建委协调，维保单位已更换曳引机配件，\n电梯于本周三恢复运行。"
    assert detail.replied_at == datetime.fromisoformat("2025-11-23T14:11:00+08:00")


def test_detail_text_drops_markup_and_scripts_but_html_is_kept() -> None:
    detail = parser.parse_detail(page("detail_replied.html"))
    assert detail.body_text == (
        "区委书记您好：我们小区5号楼电梯从本月初停运，到现在半个月了，\n物业说在等配件。楼里住着很多老人&孩子，上下楼非常困难。"
    )
    assert "alert" not in detail.body_text
    assert "<script>" in detail.body_html  # evidence kept verbatim; the console sanitises it


def test_gbk_detail_page() -> None:
    decoded = decode_html((PAGES / "detail_pending_gbk.html").read_bytes(), "text/html")
    assert decoded.encoding == "gb18030" and not decoded.suspect
    detail = parser.parse_detail(decoded.text)
    assert detail.title == "河西区小区暖气不热，室温只有15℃"
    assert detail.status_raw == "待回复" and detail.type_name == "求助"
    assert detail.published_at == datetime.fromisoformat("2025-11-21T08:05:00+08:00")
    assert detail.reply_text is None and detail.reply_org is None


@pytest.mark.parametrize(
    ("name", "outcome"), [("detail_block.html", "soft_block"), ("detail_changed.html", "parse_error")]
)
def test_unusable_detail_pages(name: str, outcome: str) -> None:
    with pytest.raises(parser.PageError) as info:
        parser.parse_detail(page(name))
    assert info.value.outcome == outcome


def test_record_merges_list_and_detail() -> None:
    entry = list_entries()[0]
    record = parser.build_record(
        entry, parser.parse_detail(page("detail_replied.html")), base_url=BASE, fid="5009", captured_at=CAPTURED
    )
    assert record["source"] == "people_liuyan" and record["source_id"] == "8846021"
    assert record["kind"] == "message"
    assert record["url"] == f"{BASE}/threads/content?tid=8846021"
    assert record["published_at"] == 1763616660
    assert record["status"] == "replied" and record["status_raw"] == "已办理"
    assert record["request_type"] == "投诉" and record["domain"] == "城建"
    assert record["target_org"] == "天津市和平区委书记"  # the list has no forumName: from #currentForum
    assert record["district"] == "和平区"
    assert record["reply_org"] == "和平区住房和建设委员会"
    assert record["reply_text"] == "网友您好：经区住建委协调，维保单位已更换曳引机配件，电梯于本周三恢复运行。"
    assert record["replied_at"] == 1763878260
    assert record["metrics"] == {"likes": 7}
    assert record["author_name"] == "和平居民" and record["author_meta"] == {"ip": "天津"}
    assert record["raw"]["list"] == entry
    assert record["raw"]["detail"]["forum_name"] == "天津市和平区委书记"
    assert record["raw"]["captured_at"] == CAPTURED.isoformat()
    json.dumps(record["raw"])  # evidence must be storable as JSON


def test_record_from_list_alone_keeps_everything_the_list_had() -> None:
    entry = list_entries()[0]
    record = parser.build_record(entry, None, base_url=BASE, fid="5009", captured_at=CAPTURED)
    assert record["content"] == (
        "区委书记您好：我们小区5号楼电梯从本月初停运，到现在半个月了，\n"
        "物业说在等配件。楼里住着很多老人，上下楼非常困难。"
    )
    assert record["content_html"] == entry["content"]
    assert record["title"] == entry["subject"]
    assert record["status"] == "replied" and record["reply_org"] == "和平区住房和建设委员会"
    assert record["target_org"] is None and record["district"] == "和平区"  # district from the text
    assert record["raw"]["detail"] is None


def test_pending_entry_has_no_reply_and_blank_author_is_none() -> None:
    record = parser.build_record(list_entries()[1], None, base_url=BASE, fid="5009", captured_at=CAPTURED)
    assert record["status"] == "pending"
    assert record["reply_text"] is None and record["replied_at"] is None and record["reply_org"] is None
    assert record["author_name"] is None and record["author_meta"] == {}
    assert record["metrics"] == {"likes": 0}


@pytest.mark.parametrize(
    ("raw", "status"),
    [("待回复", "pending"), ("办理中", "processing"), ("已受理", "processing"), ("处理中", "processing"),
     ("已回复", "replied"), ("已办理", "replied"), ("已办结", "closed"), ("审核中", None), (None, None)],
)  # fmt: skip
def test_status_mapping(raw: str | None, status: str | None) -> None:
    assert map_status(raw) == status


def test_districts() -> None:
    assert district_from_name("天津市河西区委书记") == "河西区"
    assert district_from_name("天津市蓟县县委书记") == "蓟州区"
    assert district_from_name("天津市市长") is None
    assert district_from_text("南开区红旗路", "南开区的工地") == "南开区"
    assert district_from_text("西青区、北辰区一些路段") is None  # two districts: ambiguous
    assert district_from_text("南开大学附近") is None


def test_html_to_text() -> None:
    assert html_to_text("一<br>二<br/>三") == "一\n二\n三"
    assert html_to_text("<p>甲</p><p>乙&nbsp;丙</p>") == "甲\n乙 丙"
    assert html_to_text("<style>p{}</style><script>evil()</script>正文") == "正文"
    assert html_to_text("1 < 2 并且 3 > 2") == "1 < 2 并且 3 > 2"
    assert html_to_text(None) == "" and html_to_text("   ") == ""


def test_oversized_short_fields_are_clipped_to_their_columns() -> None:
    entry = {**list_entries()[1], "nickName": "网" * 300, "typeName": "类" * 40, "stateInfo": "状" * 40}
    record = parser.build_record(entry, None, base_url=BASE, fid="5009", captured_at=CAPTURED)
    assert len(record["author_name"]) == 200 and len(record["request_type"]) == 32 and len(record["status_raw"]) == 32
    assert record["raw"]["list"]["nickName"] == "网" * 300  # the evidence keeps it whole
