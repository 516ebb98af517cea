"""Topic, request type, entities, urgency and events on hand-written domain texts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from analysis import entities, topics, urgency
from analysis.events import EventIndex, Signature, shingles
from config import load_settings
from config.rules import load_rule_file

NOW = datetime(2026, 11, 26, 8, tzinfo=UTC)


@pytest.fixture(scope="module")
def rules() -> topics.TopicRules:
    return topics.TopicRules.from_config(load_rule_file(load_settings(environ={}).rules_dir, "topics"))


@pytest.mark.parametrize(
    ("title", "content", "topic"),
    [
        ("暖气不热", "我家暖气不热，找物业物业说不归他们管，热力公司也不来", "供热"),
        ("物业乱收费", "物业公司乱收物业费，电梯坏了一个月没人修", "物业管理"),
        ("工地夜间施工", "工地每天半夜施工噪音太大，无法入睡", "建筑施工扰民"),
        ("拖欠工资", "建筑公司拖欠农民工工资三个月", "农民工工资"),
        ("教师工资", "我是一名老师，学校拖欠我们工资", "其他"),
        ("燃气泄漏", "楼道里有很大的燃气味，怀疑漏气", "燃气"),
    ],
)
def test_topics(rules: topics.TopicRules, title: str, content: str, topic: str) -> None:
    result = topics.classify_topic(rules, title, content)
    assert result.topic == topic
    if topic != "其他":
        assert result.hits, "a topic must say which words decided it"


def test_request_type_prefers_the_source_label(rules: topics.TopicRules) -> None:
    assert topics.classify_request_type(rules, "请问怎么办", "建言").request_type == "建议"
    assert topics.classify_request_type(rules, "感谢物业及时维修", None).request_type == "表扬"
    assert topics.classify_request_type(rules, "请问公租房怎么申请", None).request_type == "咨询"


def test_entities_find_districts_estates_and_buildings() -> None:
    found = entities.extract("河西区幸福里小区3号楼暖气不热，天津某某热力有限公司不管")
    assert found.districts == ("河西区",)
    assert "幸福里" in found.estates
    assert found.buildings == ("3号楼",)
    assert any("热力有限公司" in c for c in found.companies)


@pytest.mark.parametrize(
    ("text", "rtype", "level"),
    [
        ("再不发工资我就从楼上跳楼", "投诉", 4),
        ("工地塔吊倒塌砸伤路人", "举报", 4),
        ("明天我们集体上访拉横幅", "投诉", 4),
        ("楼道里有燃气味，疑似漏气", "求助", 3),
        ("整栋楼停暖三天了", "投诉", 3),
        ("物业费太贵", "投诉", 2),
        ("请问公积金怎么提取", "咨询", 1),
    ],
)
def test_urgency_levels_with_reasons(text: str, rtype: str, level: int) -> None:
    result = urgency.assess(text, rtype, "其他", {}, NOW)
    assert result.level == level and result.reasons


def test_hot_post_is_high_urgency() -> None:
    assert urgency.assess("物业费太贵", "投诉", "物业管理", {"reposts": "1.2万"}, NOW).level == 3


def _sig(ref: str, text: str, topic: str, places: set[str], days: int = 0) -> Signature:
    return Signature(ref, topic, NOW + timedelta(days=days), shingles(text), frozenset(places), frozenset())


def test_events_join_the_same_matter_and_keep_look_alikes_apart() -> None:
    index = EventIndex()
    a, _ = index.add(_sig("a", "幸福里小区3号楼暖气不热室温只有14度", "供热", {"幸福里"}))
    b, why = index.add(_sig("b", "幸福里3号楼暖气不热，热力公司不管，孩子冻感冒了", "供热", {"幸福里"}, 1))
    c, _ = index.add(_sig("c", "幸福里小区物业乱收停车费", "物业管理", {"幸福里"}, 1))
    d, _ = index.add(_sig("d", "阳光花园暖气不热室温只有14度", "供热", {"阳光花园"}, 1))
    e, _ = index.add(_sig("e", "幸福里小区3号楼暖气不热室温只有14度", "供热", {"幸福里"}, 30))
    assert a == b and why
    assert c != a and d != a and e != a
