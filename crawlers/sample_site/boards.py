"""The two HTML message boards of the sample site: 北方网《政民零距离》 and the commission's 政民互动.

北方网 pages are GB2312-declared and GBK-encoded with no charset in the header, as the
enorth CMS serves them (sources.md §2); the commission's board is an ASP-style table
site (§3). One title on 北方网 carries a raw ``<script>``: that board does not escape.
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from werkzeug.exceptions import NotFound
from werkzeug.routing import Rule
from werkzeug.wrappers import Request, Response

HERE = Path(__file__).resolve().parent
BEIJING = ZoneInfo("Asia/Shanghai")
BOARD_PAGE = 5
GB_META = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'


def load_board(name: str) -> dict[str, Any]:
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))


class Board:
    """Newest-first paging shared by both boards; ``now_ts`` anchors the ages."""

    def __init__(self, rows: list[dict[str, Any]], now_ts: int) -> None:
        self.rows = sorted(rows, key=lambda r: r["id"], reverse=True)
        self.by_id = {int(r["id"]): r for r in self.rows}
        self.now_ts = now_ts

    def page(self, number: int) -> tuple[list[dict[str, Any]], bool]:
        start = (number - 1) * BOARD_PAGE
        if number < 1 or (start >= len(self.rows) and number > 1):
            raise NotFound()
        return self.rows[start : start + BOARD_PAGE], start + BOARD_PAGE < len(self.rows)

    def moment(self, age_minutes: int) -> datetime:
        return datetime.fromtimestamp(self.now_ts - age_minutes * 60, BEIJING)


class EnorthSample(Board):
    def rules(self) -> list[Rule]:
        return [
            Rule("/zmljl/index.shtml", endpoint="enorth_list", defaults={"number": 1}),
            Rule("/zmljl/index_<int:number>.shtml", endpoint="enorth_list"),
            Rule("/system/<int:y>/<int:m>/<int:d>/<page_id>.shtml", endpoint="enorth_detail"),
        ]

    def url(self, m: dict[str, Any]) -> str:
        return f"/system/{self.moment(m['age_minutes']):%Y/%m/%d}/{m['id']:09d}.shtml"

    def view_enorth_list(self, request: Request, number: int) -> Response:
        rows, more = self.page(number)
        items = "".join(
            f'<li><span class="zt">[{m["status"]}]</span><a href="{self.url(m)}" target="_blank">{m["title"]}</a>'
            f'<span class="dx">{html.escape(m["target"])}</span>'
            f'<span class="sj">{self.moment(m["age_minutes"]):%Y-%m-%d}</span></li>\n'
            for m in rows
        )
        pager = f'<a href="index_{number + 1}.shtml">下一页</a>' if more else "<span>下一页</span>"
        body = (
            f"<html><head>{GB_META}<title>政民零距离_北方网</title></head><body>\n"
            '<div class="banner">《政民零距离》 网上问政 查询码：<input name="cxm"> 验证码：<input name="yzm"></div>\n'
            f'<ul class="zmljl_list">\n{items}</ul>\n<div class="page">{pager}</div></body></html>'
        )
        return _gbk(body)

    def view_enorth_detail(self, request: Request, y: int, m: int, d: int, page_id: str) -> Response:
        message = self.by_id.get(int(page_id)) if page_id.isdigit() else None
        if message is None or request.path != self.url(message):
            raise NotFound()
        return _gbk(self.detail(message))

    def detail(self, m: dict[str, Any]) -> str:
        e = html.escape
        posted = self.moment(m["age_minutes"])
        reply = m.get("reply")
        reply_html = (
            '<div class="zmljl_reply">\n'
            f'  <div class="hfdw">办理单位：<span>{e(reply["org"])}</span></div>\n'
            f'  <div class="hfsj">回复时间：<span>{self.moment(reply["age_minutes"]):%Y-%m-%d %H:%M:%S}</span></div>\n'
            f'  <div class="hfnr"><p>{e(reply["content"])}</p></div>\n'
            f'  <div class="myd">满意度：<span>{e(reply["satisfaction"])}</span></div>\n'
            "</div>\n"
            if reply
            else '<div class="zmljl_reply"><div class="hfnr">暂无回复</div></div>\n'
        )
        return (
            f"<html><head>{GB_META}<title>{e(m['title'])}_政民零距离_北方网</title></head><body>\n"
            f'<div class="info">来源: 北方网 作者: 政民零距离 {posted:%Y-%m-%d %H:%M:%S} 编辑: 民生频道</div>\n'
            f'<div class="zmljl_title"><h1>{m["title"]}</h1></div>\n'
            f'<div class="zmljl_info">留言人：<span class="lyr">{e(m["author"])}</span> '
            f'留言时间：<span class="lysj">{posted:%Y-%m-%d %H:%M:%S}</span> '
            f'留言对象：<span class="lydx">{e(m["target"])}</span> 类型：<span class="lx">{e(m["type"])}</span> '
            f'状态：<span class="zt">{e(m["status"])}</span></div>\n'
            f'<div class="zmljl_content"><p>{e(m["content"])}</p></div>\n'
            f"{reply_html}</body></html>"
        )


class TjcacSample(Board):
    def rules(self) -> list[Rule]:
        return [
            Rule("/zmhd/list.asp", endpoint="tjcac_list"),
            Rule("/zmhd/show.asp", endpoint="tjcac_detail"),
        ]

    def view_tjcac_list(self, request: Request) -> Response:
        number = request.args.get("page", "1")
        rows, more = self.page(int(number) if number.isdigit() else 0)
        e = html.escape
        lines = "".join(
            f'<tr><td>{m["id"]}</td><td class="bt"><a href="show.asp?id={m["id"]}">{e(m["title"])}</a></td>'
            f"<td>{e(m['type'])}</td><td>{e(m['status'])}</td><td>{self.moment(m['age_minutes']):%Y-%m-%d}</td></tr>\n"
            for m in rows
        )
        page = int(number)
        pager = f'<a href="list.asp?page={page + 1}">下一页</a>' if more else '<span class="disabled">下一页</span>'
        body = (
            '<html><head><meta charset="utf-8"><title>政民互动_天津市住房和城乡建设委员会</title></head><body>\n'
            '<table class="hdjl_list">\n<tr><th>编号</th><th>标题</th><th>类型</th><th>状态</th><th>日期</th></tr>\n'
            f'{lines}</table>\n<div class="pager">第{page}页 {pager}</div></body></html>'
        )
        return Response(body, content_type="text/html; charset=utf-8")

    def view_tjcac_detail(self, request: Request) -> Response:
        raw_id = request.args.get("id", "")
        letter = self.by_id.get(int(raw_id)) if raw_id.isdigit() else None
        if letter is None:
            raise NotFound()
        e = html.escape
        reply = letter.get("reply") or {}
        rows = [
            ("信件标题", e(letter["title"])),
            ("来信人", e(letter["author"])),
            ("来信时间", f"{self.moment(letter['age_minutes']):%Y-%m-%d %H:%M}"),
            ("信件类型", e(letter["type"])),
            ("所属栏目", e(letter["column"])),
            ("办理状态", e(letter["status"])),
            ("来信内容", e(letter["content"]).replace("\n", "<br>")),
            ("回复单位", e(reply.get("org", ""))),
            ("回复时间", f"{self.moment(reply['age_minutes']):%Y-%m-%d %H:%M}" if reply else ""),
            ("回复内容", e(reply.get("content", ""))),
        ]
        table = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>\n" for label, value in rows)
        body = (
            f'<html><head><meta charset="utf-8"><title>{e(letter["title"])}_政民互动</title></head><body>\n'
            f'<table class="hdjl_show">\n{table}</table></body></html>'
        )
        return Response(body, content_type="text/html; charset=utf-8")


def _gbk(page: str) -> Response:
    # The enorth server names no charset in the header; only the page's meta does.
    return Response(page.encode("gbk"), content_type="text/html")
