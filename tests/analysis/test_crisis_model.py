"""The crisis model catches crises the patterns miss, says it is a suspicion, and leaves look-alikes alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from analysis.pipeline import Analyser, ItemFacts
from analysis.topic_model import CRISIS_PATH, CRISIS_THRESHOLD
from analysis.urgency import crisis_reasons
from config import Settings

NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def analyser(base_settings: Settings) -> Analyser:
    return Analyser.load(base_settings)


def facts(text: str, source: str = "people_liuyan") -> ItemFacts:
    return ItemFacts(ref="t", source=source, kind="message", title="", content=text, published_at=NOW)


def test_a_crisis_the_patterns_miss_is_suspected_with_its_own_reason(analyser: Analyser) -> None:
    text = "拖欠我们工钱大半年，明天全体工友去市里讨个说法"
    assert not crisis_reasons(text), "pick a text the patterns miss, or this test proves nothing"
    result = analyser.analyse(facts(text), NOW)
    assert result.urgency == 4
    assert result.urgency_reasons[0].startswith("疑似危机（模型判断") and result.urgency_reasons[0].endswith("请核实")
    assert analyser.crisis_model is not None and analyser.crisis_model.version in result.model_version


@pytest.mark.parametrize(
    "text",
    [
        "物业费太贵了，希望降低一点",
        "这价格简直跳楼价，赶紧买",
        "昨天消防演练，模拟燃气泄漏，大家有序撤离",
        "暖气不热，冻死了",
    ],
)
def test_look_alikes_stay_below_crisis(analyser: Analyser, text: str) -> None:
    assert analyser.analyse(facts(text), NOW).urgency < 4


def test_praise_is_never_suspected(analyser: Analyser) -> None:
    text = "拖欠我们工钱大半年，明天全体工友去市里讨个说法"
    praise = ItemFacts(ref="p", source="people_liuyan", kind="message", title="", content=text, published_at=NOW,
                       request_type_raw="表扬")  # fmt: skip
    assert analyser.crisis_model is not None and analyser.crisis_model.proba(text)["crisis"] >= CRISIS_THRESHOLD
    result = analyser.analyse(praise, NOW)
    assert result.request_type == "表扬" and result.urgency < 4


def test_the_model_file_is_small() -> None:
    assert CRISIS_PATH.stat().st_size < 200_000
