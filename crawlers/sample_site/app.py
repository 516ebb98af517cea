"""WSGI app for the sample site: the Gen-A list API, detail pages and robots.txt.

The other sources are parts (``weibo.py``, ``boards.py``) that bring their own routes.
Dates are offsets from the moment the app is created (stored in ``messages.json``), so
the demo always looks fresh but stays stable while one site runs: two crawls of the same
site see identical messages, which is what the dedupe tests rely on.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from crawlers.sample_site.boards import EnorthSample, TjcacSample, load_board
from crawlers.sample_site.weibo import WeiboSample, load_weibo

MESSAGES_FILE = Path(__file__).resolve().parent / "messages.json"
PAGE_SIZE = 10
CHECK_DELAY_MINUTES = 90  # time between posting and the board's review (threadsCheckTime)
STATE_FILTERS = {"1": None, "2": "待回复", "3": "办理中", "4": "已办理"}
STATUS_CLASS = {"已办理": "green", "待回复": "red", "办理中": "orange"}
BEIJING = ZoneInfo("Asia/Shanghai")
ROBOTS_TXT = "User-agent: *\nAllow: /threads/\nAllow: /robots.txt\nDisallow: /admin/\n"


def load_messages(path: Path = MESSAGES_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


class SampleSite:
    """The WSGI application. ``now`` anchors every relative date (default: creation time)."""

    def __init__(
        self,
        data: dict[str, Any] | None = None,
        now: datetime | None = None,
        page_size: int = PAGE_SIZE,
        weibo: dict[str, Any] | None = None,
    ):
        self.data = data if data is not None else load_messages()
        anchor = now or datetime.now(UTC)
        self.now_ts = int(anchor.timestamp()) // 60 * 60
        # The other sources' sample parts: each brings its routes and ``view_*`` methods.
        self.parts: list[Any] = [
            WeiboSample(weibo if weibo is not None else load_weibo(), self.now_ts),
            EnorthSample(load_board("enorth")["messages"], self.now_ts),
            TjcacSample(load_board("tjcac")["letters"], self.now_ts),
        ]
        self.page_size = page_size
        self.forums = {str(f["fid"]): f["name"] for f in self.data["forums"]}
        self.messages = sorted(self.data["messages"], key=lambda m: m["tid"], reverse=True)
        self.by_tid = {int(m["tid"]): m for m in self.messages}
        self.url_map = Map(
            [
                Rule("/", endpoint="index", methods=["GET"]),
                Rule("/robots.txt", endpoint="robots", methods=["GET"]),
                Rule("/threads/list", endpoint="forum", methods=["GET"]),
                Rule("/threads/queryThreadsList", endpoint="list_api", methods=["POST"]),
                Rule("/threads/content", endpoint="detail", methods=["GET"]),
                *(rule for part in self.parts for rule in part.rules()),
            ]
        )

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        adapter = self.url_map.bind_to_environ(environ)
        try:
            endpoint, args = adapter.match()
            owner = next((p for p in (self, *self.parts) if hasattr(p, f"view_{endpoint}")), self)
            response = getattr(owner, f"view_{endpoint}")(request, **args)
        except MethodNotAllowed as exc:
            response = exc.get_response(environ)
        except HTTPException as exc:
            response = exc.get_response(environ)
        return response(environ, start_response)

    # --- views -------------------------------------------------------------------------
    def view_index(self, request: Request) -> Response:
        links = "".join(
            f'<li><a href="/threads/list?fid={html.escape(fid)}">{html.escape(name)}</a></li>'
            for fid, name in self.forums.items()
        )
        body = (
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>领导留言板（示例）</title></head>'
            f"<body><h1>领导留言板（示例站点）</h1><ul>{links}</ul></body></html>"
        )
        return Response(body, content_type="text/html; charset=utf-8")

    def view_robots(self, request: Request) -> Response:
        return Response(ROBOTS_TXT, content_type="text/plain; charset=utf-8")

    def view_forum(self, request: Request) -> Response:
        fid = request.args.get("fid", "")
        if fid not in self.forums:
            raise NotFound()
        name = html.escape(self.forums[fid])
        body = (
            '<!DOCTYPE html><html><head><meta charset="utf-8">'
            f"<title>{name}_领导留言板</title></head><body>"
            f'<div class="daohang"><span id="currentForum">{name}</span></div>'
            '<div id="list" data-api="/threads/queryThreadsList"></div></body></html>'
        )
        return Response(body, content_type="text/html; charset=utf-8")

    def view_list_api(self, request: Request) -> Response:
        if request.headers.get("X-Requested-With") != "XMLHttpRequest":
            return _json({"result": "fail", "resultDesc": "非法请求", "responseData": None})
        fid = request.form.get("fid", "")
        last_item = request.form.get("lastItem", "0").strip() or "0"
        state = request.form.get("state", "1").strip() or "1"
        if not last_item.isdigit() or state not in STATE_FILTERS:
            return _json({"result": "fail", "resultDesc": "参数错误", "responseData": None})
        cursor = int(last_item)
        wanted_state = STATE_FILTERS[state]
        rows = [
            m
            for m in self.messages
            if str(m["fid"]) == fid
            and (cursor == 0 or m["tid"] < cursor)
            and (wanted_state is None or m["stateInfo"] == wanted_state)
        ]
        page = [self.list_entry(m) for m in rows[: self.page_size]]
        return _json({"result": "success", "responseData": page, "resultDesc": ""})

    def view_detail(self, request: Request) -> Response:
        tid = request.args.get("tid", "")
        message = self.by_tid.get(int(tid)) if tid.isdigit() else None
        if message is None:
            raise NotFound()
        charset = message.get("charset", "utf-8")
        page = self.detail_html(message, charset)
        if charset == "gbk":
            # Declared only in <meta charset="gbk">: the header names no charset.
            return Response(page.encode("gbk"), content_type="text/html")
        if charset == "gb2312":
            # A misconfigured server: the header claims utf-8, the page is GB2312 (w3lib#155).
            return Response(page.encode("gb2312"), content_type="text/html; charset=utf-8")
        return Response(page.encode("utf-8"), content_type="text/html; charset=utf-8")

    # --- rendering ---------------------------------------------------------------------
    def at(self, age_minutes: int) -> int:
        return self.now_ts - int(age_minutes) * 60

    def list_entry(self, m: dict[str, Any]) -> dict[str, Any]:
        """One message in the list API's shape (sources.md §1.2)."""
        answer = m.get("answer") or {}
        dateline = self.at(m["age_minutes"])
        return {
            "tid": m["tid"],
            "fid": int(m["fid"]),
            "forumName": self.forums.get(str(m["fid"])),
            "subject": m["subject"],
            "content": _br(m["content"]),
            "nickName": m["nickName"],
            "dateline": dateline,
            "threadsCheckTime": min(dateline + CHECK_DELAY_MINUTES * 60, self.now_ts),
            "typeName": m["typeName"],
            "domainName": m["domainName"],
            "stateInfo": m["stateInfo"],
            "traceInfo": m["stateInfo"],
            "favNum": m.get("favNum", 0),
            "ip": m.get("ip"),
            "answerId": m["tid"] * 10 + 1 if answer else None,
            "answerContent": _br(answer["content"]) if answer else None,
            "answerDateline": self.at(answer["age_minutes"]) if answer else None,
            "answerOrganization": answer.get("organization"),
            "gradeManner": answer.get("gradeManner"),
            "gradeSpeed": answer.get("gradeSpeed"),
        }

    def detail_html(self, m: dict[str, Any], charset: str) -> str:
        """The legacy detail page: question in div.liuyan_box03, reply in div.liuyan_box05."""
        e = html.escape
        forum = self.forums.get(str(m["fid"]), "")
        if charset == "gb2312":
            meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        else:
            meta = f'<meta charset="{charset}">'
        status = m["stateInfo"]
        answer = m.get("answer")
        grade = answer.get("gradeManner") if answer else None
        reply = ""
        if answer:
            reply = (
                '<div class="liuyan_box05">\n'
                f"  <h3><i>{e(answer['organization'])}</i> "
                f"<span>回复时间：{_fmt(self.at(answer['age_minutes']))}</span></h3>\n"
                f'  <p class="zoom">{_br(e(answer["content"]))}</p>\n'
                "</div>\n"
            )
        return (
            "<!DOCTYPE html>\n<html>\n<head>\n"
            f"{meta}\n<title>{e(m['subject'])}--领导留言板--人民网</title>\n</head>\n<body>\n"
            '<div class="daohang"><a href="/">首页</a> &gt; '
            f'<a href="/threads/list?fid={e(str(m["fid"]))}" id="currentForum">{e(forum)}</a> &gt; 留言详情</div>\n'
            '<div class="liuyan_box03">\n'
            f'  <h2><span class="context-title-text">{e(m["subject"])}</span></h2>\n'
            f"  <h3>留言人：<i>{e(m['nickName'])}</i> <span>{_fmt(self.at(m['age_minutes']))}</span></h3>\n"
            f'  <b><em class="{STATUS_CLASS.get(status, "red")}">{e(status)}</em>'
            f'<em class="domainType">{e(m["domainName"])}</em><em class="domainType">{e(m["typeName"])}</em></b>\n'
            f'  <p class="zoom content">{_br(e(m["content"]))}</p>\n'
            "</div>\n"
            f"{reply}"
            f'<div class="liuyan_box04"><p>网友评价：{f"办理态度 {grade} 星" if grade else "暂无"}</p></div>\n'
            "</body>\n</html>\n"
        )


def create_app(
    data: dict[str, Any] | None = None,
    now: datetime | None = None,
    page_size: int = PAGE_SIZE,
    weibo: dict[str, Any] | None = None,
) -> SampleSite:
    return SampleSite(data, now, page_size, weibo)


def _json(payload: dict[str, Any]) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), content_type="application/json; charset=utf-8")


def _br(text: str) -> str:
    return text.replace("\n", "<br/>")


def _fmt(ts: int) -> str:
    return datetime.fromtimestamp(ts, BEIJING).strftime("%Y-%m-%d %H:%M:%S")
