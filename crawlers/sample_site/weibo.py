"""The m.weibo.cn part of the sample site: account timeline, long text, comments (sources.md §4).

Responses have the real envelopes (``{"ok":1,"data":…}``, ``cardlistInfo.since_id``,
``data.max_id``) so the spider that reads them reads the real API unchanged.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from werkzeug.exceptions import NotFound
from werkzeug.routing import Rule
from werkzeug.wrappers import Request, Response

WEIBO_FILE = Path(__file__).resolve().parent / "weibo.json"
BEIJING = ZoneInfo("Asia/Shanghai")
TIMELINE_PAGE = 4
COMMENTS_PAGE = 5


def load_weibo(path: Path = WEIBO_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def envelope(data: Any, ok: int = 1) -> Response:
    return Response(json.dumps({"ok": ok, "data": data}, ensure_ascii=False), content_type="application/json")


class WeiboSample:
    """Serves one account; ``now_ts`` anchors every relative date, as in the 留言板 sample."""

    def __init__(self, data: dict[str, Any], now_ts: int) -> None:
        self.account = data["account"]
        self.now_ts = now_ts
        posts = sorted(data["posts"], key=lambda p: p["mid"], reverse=True)
        # The timeline shows pinned posts first, then the rest newest first.
        self.timeline = [p for p in posts if p.get("isTop")] + [p for p in posts if not p.get("isTop")]
        self.by_mid = {str(p["mid"]): p for p in posts}

    def rules(self) -> list[Rule]:
        return [
            Rule("/api/container/getIndex", endpoint="weibo_index", methods=["GET"]),
            Rule("/statuses/extend", endpoint="weibo_extend", methods=["GET"]),
            Rule("/comments/hotflow", endpoint="weibo_comments", methods=["GET"]),
        ]

    def view_weibo_index(self, request: Request) -> Response:
        uid = str(self.account["id"])
        if request.args.get("value") != uid:
            return envelope({"msg": "这里还没有内容"}, ok=0)
        if request.args.get("containerid") != f"107603{uid}":
            return envelope({"userInfo": self.user(), "tabsInfo": {"tabs": [{"containerid": f"107603{uid}"}]}})
        since = request.args.get("since_id")
        start = 0
        if since:
            mids = [str(p["mid"]) for p in self.timeline]
            if since not in mids:
                return envelope({"cards": [], "cardlistInfo": {"since_id": 0}})
            start = mids.index(since)
        page = self.timeline[start : start + TIMELINE_PAGE]
        following = self.timeline[start + TIMELINE_PAGE : start + TIMELINE_PAGE + 1]
        cards = [{"card_type": 9, "itemid": f"107603{uid}_-_{p['mid']}", "mblog": self.mblog(p)} for p in page]
        next_id = following[0]["mid"] if following else 0
        info = {"containerid": f"107603{uid}", "total": len(self.timeline), "since_id": next_id}
        return envelope({"cardlistInfo": info, "cards": cards})

    def view_weibo_extend(self, request: Request) -> Response:
        post = self.by_mid.get(request.args.get("id", ""))
        if post is None:
            raise NotFound()
        text = post.get("long_text") or post["text"]
        return envelope({"ok": 1, "longTextContent": text, "reposts_count": post["reposts"]})

    def view_weibo_comments(self, request: Request) -> Response:
        post = self.by_mid.get(request.args.get("id", ""))
        if post is None:
            return Response(json.dumps({"ok": 0, "msg": "暂无数据"}), content_type="application/json")
        comments = sorted(post["comments"], key=lambda c: c["id"], reverse=True)
        max_id = request.args.get("max_id", "0")
        ids = [str(c["id"]) for c in comments]
        start = ids.index(max_id) if max_id in ids else 0
        page = comments[start : start + COMMENTS_PAGE]
        following = comments[start + COMMENTS_PAGE : start + COMMENTS_PAGE + 1]
        return envelope(
            {
                "data": [self.comment(c, post) for c in page],
                "total_number": len(comments),
                "max_id": following[0]["id"] if following else 0,
                "max_id_type": 0,
                "max": (len(comments) + COMMENTS_PAGE - 1) // COMMENTS_PAGE,
            }
        )

    # --- rendering ---------------------------------------------------------------------
    def created_at(self, age_minutes: int, relative: bool = False) -> str:
        if relative and age_minutes < 60:
            return f"{age_minutes}分钟前"
        moment = datetime.fromtimestamp(self.now_ts - age_minutes * 60, BEIJING)
        return moment.strftime("%a %b %d %H:%M:%S %z %Y")

    def user(self) -> dict[str, Any]:
        a = self.account
        return {**a, "profile_url": f"/u/{a['id']}", "gender": "m"}

    def mblog(self, p: dict[str, Any]) -> dict[str, Any]:
        long_text = bool(p.get("isLongText"))
        mid = str(p["mid"])
        return {
            "created_at": self.created_at(p["age_minutes"], bool(p.get("relative"))),
            "id": mid,
            "idstr": mid,
            "mid": mid,
            "text": p["text"],
            "textLength": len(p.get("long_text") or p["text"]),
            "source": "微博 weibo.com",
            "user": self.user(),
            "reposts_count": p["reposts"],
            "comments_count": len(p["comments"]),
            "attitudes_count": p["likes"],
            "isLongText": long_text,
            "isTop": 1 if p.get("isTop") else 0,
            "pic_num": 0,
            "bid": f"N{mid[-8:]}",
            "region_name": "发布于 天津",
            **({"retweeted_status": self.retweeted(p["retweeted"])} if p.get("retweeted") else {}),
        }

    def retweeted(self, r: dict[str, Any]) -> dict[str, Any]:
        """The reposted original, as a repost nests it (another account's post)."""
        mid = str(r["mid"])
        user = {"id": 2000000000 + r["mid"] % 1000, "screen_name": r["screen_name"], "verified": True,
                "verified_type": r["verified_type"]}  # fmt: skip
        return {
            "created_at": self.created_at(r["age_minutes"]),
            "id": mid,
            "mid": mid,
            "text": r["text"],
            "user": user,
            "bid": f"R{mid[-8:]}",
        }

    def comment(self, c: dict[str, Any], post: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": c["id"],
            "rootid": c["id"],
            "created_at": self.created_at(c["age_minutes"]),
            "text": c["text"],
            "like_count": c["likes"],
            "source": c["region"],
            "user": {
                "id": 7000000000 + c["id"] % 1000000,
                "screen_name": c["name"],
                "verified": False,
                "verified_type": -1,
                "followers_count": 20 + c["id"] % 500,
            },
            "floor_number": 0,
            "total_number": 0,
            "mid": str(post["mid"]),
        }
