"""The commission's 政民互动 board: an ASP-style list table and a label/value detail table.

Reference/sources.md §3: the 2018 site was a classic ASP site (``tjcac.gov.cn``) and its
board was never captured publicly, so the selectors sit here in one place. The detail
table is read by its labels (信件标题, 来信人 …), not by row position, so a reordered or
extra row does not shift the fields.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit

from parsel import Selector

from crawlers.normalise import clean_str, html_to_text, to_int
from crawlers.parsers.board import BoardDetail, ListEntry, ListPage, inner_html, next_page_url, require
from crawlers.parsers.people_liuyan import PageError, parse_local_time

SOURCE_KEY = "tjcac_zmhd"
LIST_PATH = "/zmhd/list.asp?page=1"
COMMISSION = "天津市住房和城乡建设委员会"


def parse_list(text: str, page_url: str) -> ListPage:
    sel = Selector(text=text)
    table = require(sel.css("table.hdjl_list"), text, "list page has no table.hdjl_list")
    entries = []
    for row in table.xpath(".//tr[td]"):
        cells = row.xpath("./td")
        href = row.css("a::attr(href)").get()
        letter_id = to_int((parse_qs(urlsplit(href or "").query).get("id") or [""])[0])
        if letter_id is None or len(cells) < 5:
            raise PageError("parse_error", f"list row without a letter id or with {len(cells)} cells: {href!r}")
        date_raw = clean_str(cells[4].xpath("string()").get())
        entries.append(
            ListEntry(
                page_id=str(letter_id),
                number=letter_id,
                url=urljoin(page_url, href),
                title=html_to_text(inner_html(row.css("a")[0])) or None,
                request_type=clean_str(cells[2].xpath("string()").get()),
                status_raw=clean_str(cells[3].xpath("string()").get()),
                target_org=COMMISSION,
                date_raw=date_raw,
            )
        )
    return ListPage(entries, next_page_url(sel, page_url, "pager"))


def parse_detail(text: str) -> BoardDetail:
    sel = Selector(text=text)
    rows = {
        clean_str(row.xpath("string(./th)").get()): row.xpath("./td")[0]
        for row in sel.css("table.hdjl_show tr")
        if row.xpath("./td")
    }
    require("来信内容" in rows, text, "detail page has no 来信内容 row")

    def value(label: str) -> str | None:
        node = rows.get(label)
        return html_to_text(inner_html(node)) or None if node is not None else None

    body_html = inner_html(rows["来信内容"])
    reply_html = inner_html(rows["回复内容"]) if "回复内容" in rows else ""
    reply_text = html_to_text(reply_html) or None
    return BoardDetail(
        title=value("信件标题"),
        author=value("来信人"),
        published_at=parse_local_time(value("来信时间")),
        body_html=body_html,
        body_text=html_to_text(body_html),
        target_org=COMMISSION,
        request_type=value("信件类型"),
        domain=value("所属栏目"),
        status_raw=value("办理状态"),
        reply_org=value("回复单位") if reply_text else None,
        reply_html=reply_html or None,
        reply_text=reply_text,
        replied_at=parse_local_time(value("回复时间")) if reply_text else None,
    )
