"""北方网《政民零距离》: GBK list and detail pages of the enorth CMS (reference/sources.md §2).

Detail pages follow the enorth article pattern ``/system/YYYY/MM/DD/0NNNNNNNN.shtml``;
the nine-digit id grows with time, so it is the watermark. The board's own markup was
never captured in a public source, so every selector lives here, in one place, to be
checked against the first recorded real page.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from parsel import Selector

from crawlers.normalise import clean_str, html_to_text
from crawlers.parsers.board import BoardDetail, ListEntry, ListPage, inner_html, next_page_url, node_text, require
from crawlers.parsers.people_liuyan import PageError, parse_local_time

SOURCE_KEY = "enorth_zmljl"
LIST_PATH = "/zmljl/index.shtml"
_ARTICLE = re.compile(r"/system/\d{4}/\d{2}/\d{2}/(\d+)\.s?html?$")
_NO_REPLY = ("暂无回复", "尚未回复")


def parse_list(text: str, page_url: str) -> ListPage:
    sel = Selector(text=text)
    rows = require(sel.css("ul.zmljl_list > li"), text, "list page has no ul.zmljl_list entries")
    entries = []
    for row in rows:
        href = row.css("a::attr(href)").get()
        match = _ARTICLE.search(href or "")
        if not match:
            raise PageError("parse_error", f"list entry link is not an enorth article: {href!r}")
        date_raw = clean_str(row.css("span.sj::text").get())
        entries.append(
            ListEntry(
                page_id=match.group(1),
                number=int(match.group(1)),
                url=urljoin(page_url, href),
                title=node_text(row.css("a")[0]),
                status_raw=clean_str((row.css("span.zt::text").get() or "").strip("[]【】 ")),
                target_org=clean_str(row.css("span.dx::text").get()),
                date_raw=date_raw,
            )
        )
    return ListPage(entries, next_page_url(sel, page_url, "page"))


def parse_detail(text: str) -> BoardDetail:
    sel = Selector(text=text)
    body = require(sel.css("div.zmljl_content"), text, "detail page has no div.zmljl_content")
    info = sel.css("div.zmljl_info")
    reply = sel.css("div.zmljl_reply")
    reply_html = inner_html(reply.css("div.hfnr")[0]) if reply.css("div.hfnr") else ""
    reply_text = html_to_text(reply_html)
    answered = bool(reply_text) and reply_text not in _NO_REPLY
    body_html = inner_html(body[0])
    return BoardDetail(
        title=node_text(sel.css("div.zmljl_title h1")[0]) if sel.css("div.zmljl_title h1") else None,
        author=clean_str(info.css("span.lyr::text").get()),
        published_at=parse_local_time(info.css("span.lysj::text").get()),
        body_html=body_html,
        body_text=html_to_text(body_html),
        target_org=clean_str(info.css("span.lydx::text").get()),
        request_type=clean_str(info.css("span.lx::text").get()),
        status_raw=clean_str(info.css("span.zt::text").get()),
        reply_org=clean_str(reply.css("div.hfdw span::text").get()) if answered else None,
        reply_html=reply_html if answered else None,
        reply_text=reply_text if answered else None,
        replied_at=parse_local_time(reply.css("div.hfsj span::text").get()) if answered else None,
        satisfaction=clean_str(reply.css("div.myd span::text").get()),
    )
