"""Domain quality on the hand-labelled dev set, through the same path as ``yuqing analyse``.

The floors apply to the TEST split only (lines marked ``"split": "test"`` before any
tuning); they sit a little below the figures measured when they were set, so a change
that makes the analysis worse on unseen text fails here. The named traps below are the
cases a keyword alone gets wrong; they must stay right whatever the figures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from analysis.topic_model import MODEL_PATH, STANCE_PATH, NgramModel, encode
from analysis.training.topics import Example, Params, train
from bench.quality_domain import FRESH_SETS, evaluate, evaluate_fresh, predict, service_settings

FLOORS = {"topic": 0.95, "sentiment": 0.95, "urgency": 0.95, "offices": 0.95}
# The blind batches (bench/quality_domain.py): a little under their figures when the floors
# were set, after the fixes each batch prompted; their first, untuned measurements were
# lower (UNTUNED there) and are the honest estimate for unseen text.
FRESH_FLOORS = {
    "fresh": {"topic": 0.97, "sentiment": 0.97, "urgency": 0.97, "offices": 0.95},
    "fresh2": {"topic": 0.95, "sentiment": 0.95, "urgency": 0.95, "offices": 0.93},
    "fresh3": {"topic": 0.92, "sentiment": 0.92, "urgency": 0.92, "offices": 0.9},
    "fresh4": {"topic": 0.95, "sentiment": 0.93, "urgency": 0.95, "offices": 0.95},
    "fresh5": {"topic": 0.95, "sentiment": 0.95, "urgency": 0.95, "offices": 0.9},
    "fresh6": {"topic": 0.92, "sentiment": 0.97, "urgency": 0.97, "offices": 0.95},
    "fresh7": {"topic": 0.97, "sentiment": 0.97, "urgency": 0.97, "offices": 0.92},
    "fresh8": {"topic": 0.87, "sentiment": 0.95, "urgency": 0.95, "offices": 0.95},
    "fresh9": {"topic": 0.97, "sentiment": 0.97, "urgency": 0.97, "offices": 0.9},
    "fresh10": {"topic": 0.92, "sentiment": 0.95, "urgency": 0.95, "offices": 0.9},
    "fresh11": {"topic": 0.88, "sentiment": 0.93, "urgency": 0.9, "offices": 0.9},
    "fresh12": {"topic": 0.78, "sentiment": 0.88, "urgency": 0.88, "offices": 0.9},
    "fresh13": {"topic": 0.72, "sentiment": 0.83, "urgency": 0.85, "offices": 0.8},
    "fresh14": {"topic": 0.8, "sentiment": 0.9, "urgency": 0.85, "offices": 0.88},
    "fresh15": {"topic": 0.74, "sentiment": 0.87, "urgency": 0.82, "offices": 0.92},
    "fresh16": {"topic": 0.82, "sentiment": 0.9, "urgency": 0.87, "offices": 0.9},
    "fresh17": {"topic": 0.85, "sentiment": 0.9, "urgency": 0.92, "offices": 0.87},
    "fresh18": {"topic": 0.8, "sentiment": 0.77, "urgency": 0.77, "offices": 0.8},
    "fresh19": {"topic": 0.83, "sentiment": 0.86, "urgency": 0.83, "offices": 0.82},
    "fresh20": {"topic": 0.97, "sentiment": 0.9, "urgency": 0.92, "offices": 0.95},
    "fresh21": {"topic": 0.92, "sentiment": 0.9, "urgency": 0.95, "offices": 0.9},
    "fresh22": {"topic": 0.97, "sentiment": 0.92, "urgency": 0.92, "offices": 0.97},
    "fresh23": {"topic": 0.87, "sentiment": 0.95, "urgency": 0.9, "offices": 0.9},
    "fresh24": {"topic": 0.85, "sentiment": 0.95, "urgency": 0.9, "offices": 0.85},
    "fresh25": {"topic": 0.95, "sentiment": 0.95, "urgency": 0.95, "offices": 0.97},
    "fresh26": {"topic": 0.82, "sentiment": 0.9, "urgency": 0.82, "offices": 0.87},
    "fresh27": {"topic": 0.89, "sentiment": 0.93, "urgency": 0.89, "offices": 0.93},
    "fresh28": {"topic": 0.9, "sentiment": 0.95, "urgency": 0.92, "offices": 0.95},
    "fresh29": {"topic": 0.89, "sentiment": 0.95, "urgency": 0.93, "offices": 0.89},
    "fresh30": {"topic": 0.91, "sentiment": 0.91, "urgency": 0.89, "offices": 0.93},
    "fresh31": {"topic": 0.93, "sentiment": 0.93, "urgency": 0.97, "offices": 0.95},
    "fresh32": {"topic": 0.97, "sentiment": 0.93, "urgency": 0.93, "offices": 0.95},
    "fresh33": {"topic": 0.93, "sentiment": 0.95, "urgency": 0.91, "offices": 0.93},
    "fresh34": {"topic": 0.97, "sentiment": 0.95, "urgency": 0.97, "offices": 0.97},
    "fresh35": {"topic": 0.93, "sentiment": 0.95, "urgency": 0.97, "offices": 0.97},
    "fresh36": {"topic": 0.97, "sentiment": 0.95, "urgency": 0.95, "offices": 0.93},
    "fresh37": {"topic": 0.93, "sentiment": 0.95, "urgency": 0.93, "offices": 0.93},
    "fresh38": {"topic": 0.95, "sentiment": 0.97, "urgency": 0.97, "offices": 0.95},
    "fresh39": {"topic": 0.84, "sentiment": 0.86, "urgency": 0.86, "offices": 0.84},
    "fresh40": {"topic": 0.91, "sentiment": 0.91, "urgency": 0.93, "offices": 0.91},
    "fresh41": {"topic": 0.95, "sentiment": 0.97, "urgency": 0.93, "offices": 0.97},
    "fresh42": {"topic": 0.86, "sentiment": 0.84, "urgency": 0.93, "offices": 0.91},
    "fresh43": {"topic": 0.93, "sentiment": 0.97, "urgency": 0.93, "offices": 0.95},
    "fresh44": {"topic": 0.82, "sentiment": 0.93, "urgency": 0.93, "offices": 0.93},
    "fresh45": {"topic": 0.89, "sentiment": 0.89, "urgency": 0.84, "offices": 0.86},
    "fresh46": {"topic": 0.91, "sentiment": 0.89, "urgency": 0.86, "offices": 0.84},
    "fresh47": {"topic": 0.95, "sentiment": 0.95, "urgency": 0.97, "offices": 0.97},
    "fresh48": {"topic": 0.91, "sentiment": 0.93, "urgency": 0.89, "offices": 0.86},
    "fresh49": {"topic": 0.93, "sentiment": 0.95, "urgency": 0.95, "offices": 0.97},
    "fresh50": {"topic": 0.97, "sentiment": 0.97, "urgency": 0.97, "offices": 0.97},
    "fresh51": {"topic": 0.91, "sentiment": 0.91, "urgency": 0.91, "offices": 0.86},
    "fresh52": {"topic": 0.95, "sentiment": 0.89, "urgency": 0.91, "offices": 0.91},
    "fresh53": {"topic": 0.97, "sentiment": 0.95, "urgency": 0.97, "offices": 0.97},
    "fresh54": {"topic": 0.91, "sentiment": 0.91, "urgency": 0.89, "offices": 0.93},
    "fresh55": {"topic": 0.91, "sentiment": 0.93, "urgency": 0.95, "offices": 0.95},
    "fresh56": {"topic": 0.97, "sentiment": 0.93, "urgency": 0.91, "offices": 0.91},
    "fresh57": {"topic": 0.97, "sentiment": 0.93, "urgency": 0.93, "offices": 0.93},
    "fresh58": {"topic": 0.89, "sentiment": 0.93, "urgency": 0.93, "offices": 0.86},
    "fresh59": {"topic": 0.91, "sentiment": 0.95, "urgency": 0.97, "offices": 0.95},
    "fresh60": {"topic": 0.97, "sentiment": 0.91, "urgency": 0.84, "offices": 0.91},
    "fresh61": {"topic": 0.91, "sentiment": 0.95, "urgency": 0.95, "offices": 0.91},
    "fresh62": {"topic": 0.97, "sentiment": 0.97, "urgency": 0.97, "offices": 0.95},
    "fresh63": {"topic": 0.91, "sentiment": 0.97, "urgency": 0.97, "offices": 0.97},
    "fresh64": {"topic": 0.84, "sentiment": 0.95, "urgency": 0.93, "offices": 0.93},
    "fresh65": {"topic": 0.93, "sentiment": 0.93, "urgency": 0.91, "offices": 0.93},
    "fresh66": {"topic": 0.91, "sentiment": 0.89, "urgency": 0.91, "offices": 0.89},
    "fresh67": {"topic": 0.86, "sentiment": 0.95, "urgency": 0.91, "offices": 0.91},
    "fresh68": {"topic": 0.93, "sentiment": 0.93, "urgency": 0.91, "offices": 0.89},
    "fresh69": {"topic": 0.62, "sentiment": 0.86, "urgency": 0.77, "offices": 0.77},
    "fresh70": {"topic": 0.91, "sentiment": 0.91, "urgency": 0.86, "offices": 0.86},
    "fresh71": {"topic": 0.95, "sentiment": 0.95, "urgency": 0.98, "offices": 0.91},
    "fresh72": {"topic": 0.86, "sentiment": 0.95, "urgency": 0.91, "offices": 0.89},
    # Its writer added 村镇建设处 beside 信访处 where 148 earlier labels name it alone: kept.
    "fresh73": {"topic": 0.89, "sentiment": 0.91, "urgency": 0.91, "offices": 0.69},
    # ap36 joins a Weibo post with the pair judge, and the hotline's matter on a public channel raises it: 0.889
    "fresh74": {"topic": 0.91, "sentiment": 0.91, "urgency": 0.86, "offices": 0.91},
    "fresh75": {"topic": 0.75, "sentiment": 0.82, "urgency": 0.84, "offices": 0.8},
    "fresh76": {"topic": 0.89, "sentiment": 0.91, "urgency": 0.89, "offices": 0.86},
    "fresh77": {"topic": 0.89, "sentiment": 0.93, "urgency": 0.91, "offices": 0.84},
    "fresh78": {"topic": 0.93, "sentiment": 0.88, "urgency": 0.91, "offices": 0.84},
    "fresh79": {"topic": 0.93, "sentiment": 0.86, "urgency": 0.93, "offices": 0.82},
    "fresh80": {"topic": 0.95, "sentiment": 0.86, "urgency": 0.91, "offices": 0.95},
    # Its writer added 村镇建设处 beside 信访处 for rural and licensing grievances (as 73 did).
    "fresh81": {"topic": 0.93, "sentiment": 0.93, "urgency": 0.91, "offices": 0.84},
    "fresh82": {"topic": 0.97, "sentiment": 0.95, "urgency": 0.97, "offices": 0.93},
    "fresh83": {"topic": 0.91, "sentiment": 0.95, "urgency": 0.91, "offices": 0.95},
    # Its writer gave half the hotline records a type field their own words contradict.
    "fresh84": {"topic": 0.93, "sentiment": 0.93, "urgency": 0.93, "offices": 0.93},
    "fresh85": {"topic": 0.95, "sentiment": 0.95, "urgency": 0.95, "offices": 0.97},
    "fresh86": {"topic": 0.95, "sentiment": 0.95, "urgency": 0.93, "offices": 0.93},
    "fresh87": {"topic": 0.91, "sentiment": 0.95, "urgency": 0.91, "offices": 0.95},
    # Its writer aimed every item at a keyword that points the wrong way.
    "fresh88": {"topic": 0.77, "sentiment": 0.93, "urgency": 0.91, "offices": 0.89},
    "fresh89": {"topic": 0.91, "sentiment": 0.86, "urgency": 0.89, "offices": 0.84},
    "fresh90": {"topic": 0.91, "sentiment": 0.93, "urgency": 0.91, "offices": 0.89},
    "fresh91": {"topic": 0.89, "sentiment": 0.93, "urgency": 0.91, "offices": 0.86},
    "fresh92": {"topic": 0.95, "sentiment": 0.91, "urgency": 0.84, "offices": 0.86},
    "fresh93": {"topic": 0.97, "sentiment": 0.86, "urgency": 0.84, "offices": 0.82},
    "fresh94": {"topic": 0.93, "sentiment": 0.86, "urgency": 0.84, "offices": 0.86},
    "fresh95": {"topic": 0.88, "sentiment": 0.95, "urgency": 0.82, "offices": 0.91},
    "fresh96": {"topic": 0.97, "sentiment": 0.82, "urgency": 0.82, "offices": 0.82},
    "fresh97": {"topic": 0.93, "sentiment": 0.86, "urgency": 0.88, "offices": 0.88},
    "fresh98": {"topic": 0.93, "sentiment": 0.88, "urgency": 0.91, "offices": 0.88},
    "fresh99": {"topic": 0.77, "sentiment": 0.91, "urgency": 0.88, "offices": 0.77},
    "fresh100": {"topic": 0.88, "sentiment": 0.97, "urgency": 0.91, "offices": 0.93},
    "fresh101": {"topic": 0.95, "sentiment": 0.91, "urgency": 0.84, "offices": 0.86},
    "fresh102": {"topic": 0.91, "sentiment": 0.86, "urgency": 0.88, "offices": 0.86},
    "fresh103": {"topic": 0.93, "sentiment": 0.93, "urgency": 0.91, "offices": 0.91},
    "fresh104": {"topic": 0.91, "sentiment": 0.91, "urgency": 0.89, "offices": 0.89},
    "fresh105": {"topic": 0.86, "sentiment": 0.91, "urgency": 0.84, "offices": 0.82},
    "fresh106": {"topic": 0.91, "sentiment": 0.89, "urgency": 0.8, "offices": 0.91},
    "fresh107": {"topic": 0.93, "sentiment": 0.89, "urgency": 0.86, "offices": 0.86},
    "fresh108": {"topic": 0.91, "sentiment": 0.89, "urgency": 0.86, "offices": 0.86},
    "fresh109": {"topic": 0.91, "sentiment": 0.89, "urgency": 0.86, "offices": 0.89},
    "fresh110": {"topic": 0.89, "sentiment": 0.82, "urgency": 0.8, "offices": 0.82},
    "fresh111": {"topic": 0.93, "sentiment": 0.86, "urgency": 0.89, "offices": 0.89},
    "fresh112": {"topic": 0.86, "sentiment": 0.91, "urgency": 0.89, "offices": 0.89},
    "fresh113": {"topic": 0.95, "sentiment": 0.91, "urgency": 0.82, "offices": 0.91},
    "fresh114": {"topic": 0.91, "sentiment": 0.93, "urgency": 0.91, "offices": 0.91},
    "fresh115": {"topic": 0.91, "sentiment": 0.8, "urgency": 0.84, "offices": 0.75},
    "fresh116": {"topic": 0.93, "sentiment": 0.97, "urgency": 0.97, "offices": 0.93},
    "fresh117": {"topic": 0.86, "sentiment": 0.86, "urgency": 0.8, "offices": 0.8},
    "fresh118": {"topic": 0.86, "sentiment": 0.91, "urgency": 0.8, "offices": 0.8},
    "fresh119": {"topic": 0.95, "sentiment": 0.91, "urgency": 0.86, "offices": 0.91},
    "fresh120": {"topic": 0.91, "sentiment": 0.82, "urgency": 0.77, "offices": 0.8},
    "fresh121": {"topic": 0.89, "sentiment": 0.93, "urgency": 0.89, "offices": 0.89},
}


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    return evaluate("test", service_settings())


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_test_split_meets_the_floor(figures: dict[str, Any], metric: str) -> None:
    assert figures[metric] >= FLOORS[metric], (
        f"{metric} {figures[metric]} < {FLOORS[metric]}: {figures['misses'][metric]}"
    )


def test_every_crisis_item_is_urgency_4(figures: dict[str, Any]) -> None:
    assert figures["crisis_n"] >= 5
    assert figures["crisis_recall"] == 1.0, figures["misses"]["urgency"]


@pytest.fixture(scope="module")
def fresh() -> dict[str, dict[str, Any]]:
    return evaluate_fresh(service_settings())


@pytest.mark.parametrize(("name", "metric"), [(n, m) for n, floors in FRESH_FLOORS.items() for m in sorted(floors)])
def test_blind_batches_meet_their_floors(fresh: dict[str, dict[str, Any]], name: str, metric: str) -> None:
    got, floor = fresh[name][metric], FRESH_FLOORS[name][metric]
    assert got >= floor, f"{name} {metric} {got} < {floor}: {fresh[name]['misses'][metric]}"


def test_every_crisis_of_the_blind_batches_is_urgency_4(fresh: dict[str, dict[str, Any]]) -> None:
    assert set(fresh) == set(FRESH_SETS) == set(FRESH_FLOORS)
    for name, figures in fresh.items():
        assert figures["crisis_n"] >= 2 and figures["crisis_recall"] == 1.0, (name, figures["misses"]["urgency"])


def _item(ref: str, content: str, **extra: Any) -> dict[str, Any]:
    return {"id": ref, "source": "people_liuyan", "kind": "message", "content": content, "gold": {}, **extra}


@pytest.fixture(scope="module")
def traps() -> dict[str, dict[str, Any]]:
    items = [
        _item(
            "heat",
            "我家暖气一直不热，室温只有15度。找物业，物业说归热力公司管；找热力公司，又让找物业，物业费取暖费都交了",
            title="物业和热力公司推诿，暖气不热",
            request_type="投诉",
        ),
        _item("teacher", "我是一名小学老师，学校已经拖欠我们三个月工资了，希望领导关注", request_type="投诉"),
        _item("lift", "投诉电梯，小区8号楼电梯三天两头停运，老人上下楼太难了", source="hotline", kind="work_order"),
        _item(
            "rumour",
            "紧急扩散！听说河东区一个小区燃气爆炸了，好几个人受伤，大家注意安全",
            source="weibo",
            kind="post",
            metrics={"reposts": 30, "likes": 90},
        ),
        _item(
            "sarcasm",
            "感谢热力公司让我在家体验了一把冬泳，室温14度，真是贴心呢",
            source="weibo",
            kind="post",
        ),
        _item(
            "ad",
            "特价房源！首付5万起，地铁口精装两居，即买即住，咨询热线13812345678，先到先得",
            source="weibo",
            kind="comment",
        ),
    ]
    return {o["id"]: o for o in predict(items, service_settings())}


def test_property_named_in_a_heating_complaint_is_heating(traps: dict[str, dict[str, Any]]) -> None:
    assert traps["heat"]["topic"] == "供热"
    assert traps["heat"]["offices"] == ["信访处"] and traps["heat"]["division"] == "供热燃气处"


def test_a_teachers_wages_are_not_migrant_workers_wages(traps: dict[str, dict[str, Any]]) -> None:
    assert traps["teacher"]["topic"] == "其他"


def test_a_complaint_about_a_lift_is_property_management(traps: dict[str, dict[str, Any]]) -> None:
    assert traps["lift"]["topic"] == "物业管理" and traps["lift"]["sentiment"]["label"] == "neg"


def test_a_gas_explosion_rumour_is_a_crisis_for_the_press_office(traps: dict[str, dict[str, Any]]) -> None:
    assert traps["rumour"]["topic"] == "燃气"
    assert traps["rumour"]["urgency"] == 4 and "宣传处" in traps["rumour"]["offices"]


def test_mocking_thanks_is_a_complaint(traps: dict[str, dict[str, Any]]) -> None:
    assert traps["sarcasm"]["request_type"] == "投诉" and traps["sarcasm"]["sentiment"]["label"] == "neg"
    assert traps["sarcasm"]["offices"] == ["信访处"]


def test_an_advert_is_out_of_scope_and_routed_to_nobody(traps: dict[str, dict[str, Any]]) -> None:
    assert traps["ad"]["topic"] == "其他" and traps["ad"]["offices"] == []
    assert "13812345678" not in json.dumps(traps["ad"]["entities"])


@pytest.mark.parametrize(
    "content",
    [
        # Batches 104-105: a pipe-thawing service sells its cure for 水管冻裂; an inspector sells his
        # eye for 空鼓、渗漏. Neither is a hazard, a complaint or bad news.
        "❄️寒潮来袭 水管冻了别着急❄️ 专业管道解冻 暖气片清洗 水管冻裂维修 24小时上门 价格透明 不解冻不收费 ☎️电话/微信",
        "🏠新房收房季｜专业验房+精装修一站式服务 💯资深验房师 空鼓、渗漏一个不放过 🎁本月下单送全屋甲醛检测 私信或电话",
    ],
)
def test_an_advert_that_names_trouble_is_neither_hazard_nor_complaint(content: str) -> None:
    (got,) = predict([_item("ad", content, source="weibo", kind="post")], service_settings())
    assert got["topic"] == "其他" and got["offices"] == []
    assert got["sentiment"]["label"] == "neu" and got["urgency"] == 1, got["urgency_reasons"]


def test_every_result_says_what_decided_its_topic(traps: dict[str, dict[str, Any]]) -> None:
    for ref in ("heat", "lift", "rumour"):
        assert traps[ref]["rule"] != "none"


def test_the_committed_models_load() -> None:
    model = NgramModel.load(MODEL_PATH)
    assert len(model.classes) == 16 and MODEL_PATH.stat().st_size < 1_000_000
    proba = model.proba("暖气不热，室温只有十四度")
    assert max(proba, key=proba.__getitem__) == "供热" and abs(sum(proba.values()) - 1) < 1e-6
    stance = NgramModel.load(STANCE_PATH)
    assert stance.classes == ("complaint", "consult", "suggest")
    said = stance.proba("物业收了钱不办事，电梯坏了一个月没人修，业主天天爬楼")
    assert max(said, key=said.__getitem__) == "complaint"


def test_training_is_deterministic(tmp_path: Path) -> None:
    examples = [
        Example("暖气不热室温低热力公司", "供热", 1.0),
        Example("暖气片冰凉取暖费白交", "供热", 1.0),
        Example("燃气泄漏燃气味很大", "燃气", 1.0),
        Example("燃气表不通气燃气公司", "燃气", 1.0),
        Example("孩子入学学区划分", "其他", 1.0),
        Example("医院挂号难黄牛", "其他", 1.0),
    ]
    params = Params(features=50, min_df=1, steps=20)
    blobs = []
    for _ in range(2):
        fitted = train(examples, ("供热", "燃气", "其他"), params)
        blobs.append(
            encode({"classes": fitted["classes"], "vocab": fitted["vocab"]}, fitted["weights"], fitted["bias"])
        )
    assert blobs[0] == blobs[1]
    path = tmp_path / "m.json.gz"
    path.write_bytes(blobs[0])
    model = NgramModel.load(path)
    assert np.isclose(sum(model.proba("燃气味").values()), 1.0)
    assert max(model.proba("燃气泄漏").items(), key=lambda kv: kv[1])[0] == "燃气"


@pytest.mark.parametrize(
    ("content", "verified_type"),
    [
        pytest.param("【供暖季安排】本供暖季自11月1日零时起正式供热，发现跑冒滴漏及时报修", 1, id="gov"),
        pytest.param("【我市启动违法建设专项整治】重点查处楼顶加盖、私搭乱建，欢迎市民提供线索", 1, id="campaign"),
        pytest.param("今天小区搞燃气泄漏应急演练，消防车都开进来了，虚惊一场，演练挺专业", -1, id="a-drill"),
    ],
)
def test_government_notices_and_drills_are_neutral(content: str, verified_type: int) -> None:
    """A government account states facts and a drill stages a leak: neither is bad news."""
    item = _item("n", content, source="weibo", kind="post", author_meta={"verified_type": verified_type})
    (got,) = predict([item], service_settings())
    assert got["sentiment"]["label"] == "neu" and got["request_type"] == "其他" and got["urgency"] == 1


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("周末带娃去了趟图书馆", id="a-short-line"),  # the model alone says 0.71
        pytest.param("小时候村里拆迁，我爸他们拉着横幅去镇上，现在想想真不容易", id="a-banner-long-ago"),
        pytest.param("刚出单元门，头顶一块外墙砖啪地掉下来，就砸在我脚边不到半米，幸好没砸着人", id="a-near-miss"),
        pytest.param("看了部讲农民工讨薪的电影，男主爬上塔吊说要跳下去，结局挺压抑的", id="a-films-plot"),
        # The model alone says 0.62 (有没有人知道… reads like a rumour question): no crisis word at all.
        pytest.param("有没有人知道和平路那边的商场今天几点关门啊，想去买条围巾", id="no-crisis-word"),
        # The model alone says 0.93: 塔吊 in a few words, and no one up there.
        pytest.param("对面工地塔吊真高", id="a-crane-on-the-skyline"),
        # A story of ten years ago (十年前…被讨薪工人堵门的那个老板) is no crisis now, whatever the model says.
        pytest.param("十年前在工地上被讨薪工人堵门的那个老板，现在成了劳模", id="a-story-of-long-ago"),
    ],
)
def test_the_crisis_model_does_not_judge_a_few_words_or_a_film(content: str) -> None:
    item = _item("m", content, source="weibo", kind="post")
    (got,) = predict([item], service_settings())
    assert got["urgency"] < 4, got["urgency_reasons"]
