"""``yuqing analyse`` as a user runs it: a JSON-lines file in, one JSON line per item out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LINES = [
    {
        "source": "people_liuyan",
        "id": "a1",
        "kind": "message",
        "title": "幸福里小区暖气不热",
        "content": "河西区幸福里小区3号楼室温只有14度，热力公司不管",
        "published_at": "2026-11-20T10:00:00+08:00",
        "request_type": "投诉",
        "unknown_field": 1,
    },
    {
        "source": "weibo",
        "id": "a2",
        "kind": "post",
        "content": "河西区幸福里小区3号楼暖气不热，室温只有14度，热力公司不管",
        "published_at": "2026-11-21T10:00:00+08:00",
        "metrics": {"reposts": 900},
    },
    {
        "source": "people_liuyan",
        "id": "a3",
        "kind": "message",
        "title": "请问公租房怎么申请",
        "content": "请问公租房申请需要什么条件？",
    },
]


def run(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yuqing_cli.main", "analyse", str(path)], capture_output=True, text=True, timeout=120
    )


def test_outputs_one_result_per_item_with_the_contract_fields(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n", encoding="utf-8")
    done = run(path)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a1", "a2", "a3"]
    for o in out:
        assert {"id", "sentiment", "topic", "request_type", "urgency", "offices", "division", "event", "rule"} <= set(o)
        assert o["sentiment"]["label"] in ("neg", "neu", "pos") and 0 <= o["sentiment"]["score"] <= 1
    assert out[0]["topic"] == "供热" and out[0]["offices"] == ["信访处"] and out[0]["division"] == "供热燃气处"
    assert out[1]["offices"][0] == "宣传处"
    assert out[0]["event"] is not None and out[0]["event"] == out[1]["event"]
    assert out[2]["event"] is None and out[2]["sentiment"]["label"] == "neu"


def test_bad_lines_are_reported_and_the_rest_still_analysed(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "ok", "kind": "message", "content": "物业不作为"}\n'
        "{not json\n"
        '{"id": "x", "kind": "nope", "content": "a"}\n',
        encoding="utf-8",
    )
    done = run(path)
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["ok"]
    assert "line 2" in done.stderr and "line 3" in done.stderr and "kind" in done.stderr


def test_event_context_raises_urgency_as_the_worker_does(tmp_path: Path) -> None:
    text = "南开区长虹公寓5号楼暖气不热，室温只有15度，热力公司一直不来处理"
    lines = [
        {
            "source": "hotline_12319",
            "id": "c1",
            "kind": "work_order",
            "content": text,
            "author_id": "p1",
            "published_at": "2026-11-24T08:00:00+08:00",
            "request_type": "投诉",
        },
        {
            "source": "weibo",
            "id": "c2",
            "kind": "post",
            "content": text + "，打了12319也没用",
            "published_at": "2026-11-24T15:00:00+08:00",
        },
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    done = run(path)
    assert done.returncode == 0, done.stderr
    call, post = (json.loads(line) for line in done.stdout.splitlines())
    assert call["event"] == post["event"] is not None
    assert call["urgency"] == 2
    assert post["urgency"] == 3 and "热线诉求已转到公开渠道" in post["urgency_reasons"]


def test_an_item_that_ties_two_events_reports_one_event_for_all(tmp_path: Path) -> None:
    """The first two posts name the estate by its brand alone and find no common anchor; the
    third names 星耀五洲小区 and both problems, and ties them: all three report its event."""
    lines = [
        {"source": "people_liuyan", "id": "l1", "kind": "message", "title": "星耀五洲交房后问题多",
         "content": "融创星耀五洲交房三个月了，开发商还是没通正式水电，装修一直没法开工。",
         "published_at": "2026-09-10T09:00:00+08:00"},
        {"source": "people_liuyan", "id": "l2", "kind": "message", "title": "星耀五洲负一楼面积缩水",
         "content": "星耀五洲25栋负一楼面积比同户型少了十几平，开发商拒绝说明。",
         "published_at": "2026-09-11T15:00:00+08:00"},
        {"source": "weibo", "id": "w1", "kind": "post",
         "content": "星耀五洲小区交房后问题一堆：临时水电、负一楼面积缩水，开发商拖着不整改",
         "published_at": "2026-09-19T20:00:00+08:00"},
    ]  # fmt: skip
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    done = run(path)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line)["event"] for line in done.stdout.splitlines()]
    assert events[0] is not None and events == [events[0]] * 3, events
