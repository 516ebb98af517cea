"""Urgency 1–4 with the reasons that produced it (DESIGN §5).

4 crisis: threat of an extreme act, deaths or injuries, collapse, explosion (also a
circulating claim of one), a collective petition under way or announced.
3 high: a present physical hazard, an outage of heat/gas/water for a building or more,
wide public heat, actual media coverage.
2 an ordinary complaint, report or request for help; 1 consultation, suggestion, praise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

CRISIS_WORDS = {
    "扬言极端行为": ("跳楼", "自焚", "轻生", "自杀", "喝农药", "喝药", "同归于尽", "以死相逼", "不想活了", "跳河"),
    "人员伤亡": ("死亡", "身亡", "遇难", "丧生", "受伤", "伤亡", "砸伤", "砸死", "烧伤", "送医"),
    "坍塌爆炸": ("坍塌", "倒塌", "垮塌", "爆炸", "爆燃", "闪爆"),
    "群体性事件": (
        "集体上访",
        "拉横幅",
        "拉条幅",
        "聚集维权",
        "围堵",
        "堵路",
        "集体维权",
        "几十名",
        "上百名",
        "数十名工人",
    ),
}
HIGH_WORDS = {
    "燃气泄漏等现实危险": (
        "漏气",
        "燃气泄漏",
        "煤气泄漏",
        "天然气泄漏",
        "燃气味",
        "煤气味",
        "危房",
        "随时可能",
        "摇摇欲坠",
        "脱落砸",
    ),
    "停热停气停水": ("停暖", "停热", "没有暖气", "不供暖", "停气", "停水", "断水", "断气"),
    "媒体介入": ("记者", "媒体", "曝光", "电视台", "报社", "央视"),
}
BUILDING_SCALE = ("整栋", "整个小区", "全楼", "全小区", "整个楼", "几百户", "上百户", "多户", "全体业主", "所有住户")
SEASONAL = {
    "heating": ((11, 15), (3, 15), ("供热", "暖气", "供暖", "采暖")),
    "wages": ((12, 1), (2, 15), ("工资", "欠薪", "讨薪")),
}
HOT_REPOSTS = 500
HOT_LIKES = 2000


@dataclass(frozen=True)
class Urgency:
    level: int
    reasons: tuple[str, ...]


def _season_active(now: datetime, start: tuple[int, int], end: tuple[int, int]) -> bool:
    key = (now.month, now.day)
    return key >= start or key <= end if start > end else start <= key <= end


def assess(
    text: str,
    request_type: str,
    topic: str,
    metrics: dict[str, Any],
    now: datetime,
    media_author: bool = False,
) -> Urgency:
    reasons: list[str] = []
    for label, words in CRISIS_WORDS.items():
        found = next((w for w in words if w in text), None)
        if found:
            reasons.append(f"{label}（{found}）")
    if reasons:
        return Urgency(4, tuple(reasons))
    for label, words in HIGH_WORDS.items():
        found = next((w for w in words if w in text), None)
        if found and (label != "停热停气停水" or request_type in ("投诉", "求助", "举报")):
            reasons.append(f"{label}（{found}）")
    reposts = _number(metrics.get("reposts"))
    likes = _number(metrics.get("likes"))
    if reposts > HOT_REPOSTS or likes > HOT_LIKES:
        reasons.append(f"热度高（转发{reposts:.0f}，点赞{likes:.0f}）")
    if media_author:
        reasons.append("媒体账号发布")
    if reasons:
        return Urgency(3, tuple(reasons))
    if request_type in ("投诉", "举报", "求助"):
        reasons.append(f"{request_type}类诉求")
        scale = next((w for w in BUILDING_SCALE if w in text), None)
        if scale:
            reasons.append(f"影响范围大（{scale}）")
        for name, (start, end, words) in SEASONAL.items():
            if _season_active(now, start, end) and any(w in text for w in words):
                reasons.append("供暖季关注" if name == "heating" else "年底欠薪关注")
        return Urgency(2, tuple(reasons))
    return Urgency(1, (f"{request_type}类，无紧急情形",))


def _number(value: Any) -> float:
    """Counts arrive as ints or as strings such as "1.2万" / "100万+"."""
    if value is None or value == "":
        return 0.0
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().rstrip("+")
    scale = 1.0
    if text.endswith("万"):
        scale, text = 1e4, text[:-1]
    elif text.endswith("亿"):
        scale, text = 1e8, text[:-1]
    try:
        return float(text) * scale
    except ValueError:
        return 0.0
