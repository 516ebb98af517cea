"""The pair judge over the rules' comparisons (``analysis.event_pairs``), on the analyser's own signatures."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from analysis import events
from analysis.event_match import Match
from analysis.event_pairs import FEATURES, RARE, PairJudge, TermWeights, default_judge, reason_tag
from analysis.events import EventIndex
from analysis.pipeline import Analyser
from analysis.sentiment_snownlp import SnowNLPSentiment
from analysis.training.event_pairs import DETACH, JOIN, TIE, VETO, facts_of, trusted_rules
from config import load_settings
from yuqing_cli.offline import to_facts

DATA = Path(__file__).parent / "data"
NOW = datetime(2030, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser.load(load_settings(environ={}), engine=SnowNLPSentiment())


@pytest.fixture(scope="module")
def judge() -> PairJudge:
    found = default_judge()
    assert found is not None, "analysis/models/event_pairs.json.gz is missing: python -m analysis.training.event_pairs"
    return found


def walk_by_hand(judge: PairJudge, row: list[float]) -> float:
    """One tree at a time, one node at a time: what the vectorised walk must equal."""
    raw = judge.baseline
    for root in judge.roots:
        node = int(root)
        while judge.children[node][0] != node:
            node = int(judge.children[node][0 if row[judge.feature[node]] <= judge.threshold[node] else 1])
        raw += judge.value[node]
    return 1.0 / (1.0 + np.exp(-raw))


def test_the_committed_model_reads_this_codes_features_with_the_trainers_bars(judge: PairJudge) -> None:
    assert judge.version.startswith("event-pairs-")
    assert (judge.veto, judge.join, judge.tie) == (VETO, JOIN, TIE)
    assert int(judge.feature.max()) < len(FEATURES)


def test_all_trees_walked_together_give_each_trees_own_walk(judge: PairJudge) -> None:
    rng = random.Random(3)
    rows = [[rng.choice((0.0, 1.0, rng.random(), rng.uniform(0, 40))) for _ in FEATURES] for _ in range(25)]
    got = judge.probabilities(rows)
    assert got.shape == (25,)
    assert np.allclose(got, [walk_by_hand(judge, r) for r in rows], rtol=0, atol=1e-12)
    assert judge.probabilities([]).shape == (0,)


def test_the_judge_overrules_only_when_sure_keeps_ties_only_when_sure_and_names_its_own_joins(judge: PairJudge) -> None:
    rule = Match(1.3, "同一地点（幸福里）且同一问题（供热）", frozenset({"幸福里"}))
    assert judge.decide(rule, VETO - 0.01) is None
    doubted = judge.decide(rule, (VETO + JOIN) / 2)  # doubt alone does not overrule a rule
    assert doubted is not None and doubted.reason == rule.reason and not doubted.ties
    assert judge.decide(None, JOIN - 0.01) is None
    unsure = judge.decide(rule, (JOIN + TIE) / 2)
    assert unsure is not None and unsure.reason == rule.reason and not unsure.ties
    sure = judge.decide(rule, TIE)
    assert sure is not None and sure.ties == rule.ties
    own = judge.decide(None, 0.93)
    assert own is not None and "模型判断0.93" in own.reason and not own.ties
    copy = judge.decide(Match(2.7, "内容近似（相似度0.70）", frozenset({"≈"})), 0.85)
    assert copy is not None and copy.score >= 2.0 > sure.score


def test_a_trusted_rules_match_stands_however_low_the_judge_rates_it(judge: PairJudge) -> None:
    """Near copies were right on nearly every labelled comparison; a place shared with another
    problem was not, and the judge may overrule it. Which rules are trusted is the trainer's
    finding (one matter asked again, 同一事项, was trusted on sets 1-164, not on 1-172)."""
    assert "内容近似" in judge.trusted and "同一地点" not in judge.trusted
    copy = judge.decide(Match(2.64, "内容近似（相似度0.64）", frozenset({"≈"})), 0.6)
    assert copy is not None and copy.score >= 2.0
    assert judge.decide(Match(1.19, "同一地点（丽发新城）且同一问题（建筑施工扰民）"), 0.6) is None
    matter = Match(0.99, "同一事项（人才政策）且同一问题（房地产开发与交易）")
    trusting = replace(judge, trusted=frozenset({"同一事项"}))
    kept = trusting.decide(matter, 0.05)
    assert kept is not None and kept.reason == matter.reason and not kept.ties
    assert replace(judge, trusted=frozenset()).decide(matter, 0.05) is None


def test_a_reason_names_the_rule_that_wrote_it() -> None:
    assert reason_tag("同一地点（内容相似花园）且同一问题（供热）") == "同一地点"
    assert reason_tag("同一来电人再次反映（供热）") == "再次反映"
    assert reason_tag("地点、问题与时间综合相近（模型判断0.86）") is None


def test_the_trainer_trusts_a_rule_only_on_enough_comparisons_nearly_all_right() -> None:
    def row(tag: str) -> list[float]:
        values = dict.fromkeys(FEATURES, 0.0) | {"rule_matched": 1.0, f"rule_reason_{tag}": 1.0}
        return [values[name] for name in FEATURES]

    x = [row("同一事项")] * 20 + [row("同一地点")] * 20 + [row("遮盖")] * 4
    y = [1] * 19 + [0] + [1] * 18 + [0] * 2 + [1] * 4
    assert trusted_rules(x, y) == ["同一事项"]  # 19 of 20 right; 18 of 20 is not enough; 4 too few


def test_a_shared_rare_word_weighs_more_than_a_shared_stock_phrase(analyser: Analyser, judge: PairJudge) -> None:
    """琴澜 (an estate's own name) is rare among the items the judge learned from, 物业 is in
    every fourth one: two texts sharing the name share a rare term, two sharing 物业 and 半个月 do not."""
    weights = judge.weights
    assert weights.items > 5000 and all(n > 1 for n in weights.counts.values())
    assert weights.weight("物业") < 3 < RARE <= weights.weight("琴澜")
    assert weights.weight("从未见过") > max(weights.weight(t) for t in weights.counts)  # unseen: rarest of all

    def sig(ref: str, text: str) -> Any:
        return analyser.analyse(
            to_facts(1, record(ref, text, "2026-12-01T10:00:00+08:00"), NOW), NOW, score=0.5
        ).signature

    base = sig("a", "琴澜苑物业不作为，楼道灯坏了半个月")
    name = weights.compare(base, sig("b", "琴澜苑的楼道灯还是黑的"))
    stock = weights.compare(base, sig("c", "我们这物业太差，半个月没人管"))
    assert name[0] > stock[0] and name[1] >= RARE > stock[1] and name[2] >= 1 and stock[2] == 0


def test_term_counts_keep_terms_of_two_items_or_more() -> None:
    sigs = [SimpleNamespace(terms=frozenset(t)) for t in ({"润泽", "小区"}, {"小区"}, {"幸福"})]
    weights = TermWeights.count(sigs)  # type: ignore[arg-type]
    assert (dict(weights.counts), weights.items) == ({"小区": 2}, 3)
    assert weights.weight("幸福") == weights.weight("润泽") > weights.weight("小区")


def test_the_judge_reads_the_candidate_event_beside_its_member() -> None:
    """Set 555: the fire's event holds 3号楼's calls and a post that names no building; a call
    about 5号楼's dry hydrants compared with that post is read with the event's buildings. The
    same features reach the judge in service and in training (cross-validated over sets 1-548:
    mean F1 0.8696 -> 0.8738 with 100 trees, 0.8790 with the 150 shipped)."""
    from analysis.event_pairs import EVENT_FEATURES, features
    from analysis.event_signature import signature_for

    when = datetime(2343, 4, 13, tzinfo=UTC)
    index = EventIndex(judge=None)
    call = signature_for("a", "物业管理", when, "河西区云锦华庭小区3号楼电缆井起火，全楼停电停电梯")
    post = signature_for("b", "物业管理", when, "洞庭路那个高层着火了，消防车来了七八辆", source="weibo")
    key, _ = index.add(call)
    index.add(post, key)
    hydrant = signature_for("c", "物业管理", when, "河西区云锦华庭小区5号楼消火栓拧开没有水")
    context = dict(zip(EVENT_FEATURES, index.context(hydrant, key), strict=True))
    assert context["event_buildings_differ"] == 1.0 and context["event_buildings_shared"] == 0.0
    assert context["event_estates_shared"] == 1.0 and context["event_same_topic_share"] == 1.0
    again = signature_for("d", "物业管理", when, "云锦华庭3号楼起火后电梯还是停着")
    assert dict(zip(EVENT_FEATURES, index.context(again, key), strict=True))["event_buildings_shared"] == 1.0
    row = features(hydrant, post, None, TermWeights({}, 1), index.context(hydrant, key))
    assert len(row) == len(FEATURES) and row[-len(EVENT_FEATURES) :] == list(index.context(hydrant, key))
    assert index.context(hydrant, "no-such-event") == (0.0,) * len(EVENT_FEATURES)


def test_the_service_hands_the_judge_each_comparisons_event_context(judge: PairJudge) -> None:
    """The rows the index gives the judge end with the candidate event's context, as the
    trainer's rows do: a judge trained on one reading and served another would be wrong
    without failing."""
    from dataclasses import fields

    from analysis.event_pairs import EVENT_FEATURES
    from analysis.event_signature import signature_for

    seen: list[list[float]] = []

    class Recording(PairJudge):
        def probabilities(self, rows: Any) -> np.ndarray:
            seen.extend(list(map(list, rows)))
            return super().probabilities(rows)

    recording = Recording(**{f.name: getattr(judge, f.name) for f in fields(judge)})
    when = datetime(2343, 4, 13, tzinfo=UTC)
    index = EventIndex(judge=recording)
    first = signature_for("a", "物业管理", when, "河西区云锦华庭小区3号楼电缆井起火，全楼停电停电梯")
    key, _ = index.add(first)
    later = signature_for("b", "物业管理", when, "河西区云锦华庭小区5号楼消火栓拧开没有水")
    expected = list(index.context(later, key))
    index.add(later)
    assert seen and all(row[-len(EVENT_FEATURES) :] == expected for row in seen)
    assert len(seen[0]) == len(FEATURES)


def record(ref: str, text: str, when: str, **extra: Any) -> dict[str, Any]:
    return {"id": ref, "source": "weibo", "kind": "post", "title": "", "content": text, "published_at": when} | extra


def grouped(analyser: Analyser, records: list[dict[str, Any]], index: EventIndex) -> list[str]:
    sigs = [analyser.analyse(to_facts(n, r, NOW), NOW, score=0.5).signature for n, r in enumerate(records, 1)]
    for sig in sigs:
        index.add(sig)
    return [index.by_item[sig.item_ref] for sig in sigs]


def constant(judge: PairJudge, p: float, detach: float) -> PairJudge:
    """The committed judge with every leaf at zero: it rates every comparison ``p``."""
    return replace(judge, value=np.zeros_like(judge.value), baseline=float(np.log(p / (1 - p))), detach=detach)


def test_a_reply_the_judge_rates_under_its_bar_beside_its_post_is_matched_like_any_item(
    analyser: Analyser, judge: PairJudge
) -> None:
    """你们没发现吗 消防车来了接3号楼边上那个消火栓根本没水 under a post about the fire: the rules keep
    a reply with its post unless it names another place, building or problem in words they know;
    the judge reads it beside its post and lets it go under ``detach``."""
    thread = [
        record("p", "幸福里3号楼电梯坏了一个礼拜了，老人下不了楼", "2026-07-31T10:00:00+08:00"),
        record("r", "我们这楼道灯也黑了半个月", "2026-07-31T11:00:00+08:00", kind="comment", parent_id="p"),
    ]
    post, reply = grouped(analyser, thread, EventIndex(judge=constant(judge, 0.3, 0.5)))
    assert post != reply  # rated 0.3 beside its post, under the bar of 0.5; and no join at 0.3
    post, reply = grouped(analyser, thread, EventIndex(judge=constant(judge, 0.6, 0.5)))
    assert post == reply
    post, reply = grouped(analyser, thread, EventIndex(judge=constant(judge, 0.3, 0.0)))
    assert post == reply  # a model without the bar keeps every reply the rules keep
    assert judge.detach == DETACH


def test_the_shipped_judge_lets_a_reply_about_the_dry_hydrants_leave_the_fires_post(
    analyser: Analyser, judge: PairJudge
) -> None:
    """Set 617: under a post about the e-bike fire at 锦华里5号楼, a comment says the hydrant by
    3号楼 had no water; the hydrants are a matter of their own, which two calls and a letter raise
    later. The rules kept the comment with the fire (no place, building or problem they tell apart).
    The judge of sets 1-940 still lets the comment go and joins the letter to it, but puts the first
    hydrant call, which opens with the fire (3月14日5号楼起火时…), in the fire's event: the judges of
    sets 1-668 to 1-828 gathered all four (a regression of the session 25 retrain, recorded here)."""
    rows = [json.loads(line) for line in (DATA / "events_fresh617.jsonl").read_text(encoding="utf-8").splitlines()]
    records = sorted(rows, key=lambda r: r["published_at"])
    keys = dict(zip((r["id"] for r in records), grouped(analyser, records, EventIndex(judge=judge)), strict=True))
    comment = next(r for r in records if r["kind"] == "comment" and "消火栓" in r["content"])
    assert keys[comment["id"]] != keys[comment["parent_id"]]
    hydrants = [r for r in records if r["gold_event"] == comment["gold_event"]]
    letter = next(r for r in hydrants if r["kind"] == "message")
    assert len(hydrants) == 4 and keys[letter["id"]] == keys[comment["id"]]
    assert len({keys[r["id"]] for r in hydrants}) <= 2


def test_the_trainer_learns_each_reply_the_rules_keep_beside_its_post(analyser: Analyser) -> None:
    from analysis.training.event_pairs import recorded, signatures

    rows = signatures(
        [
            record("p", "幸福里3号楼电梯坏了一个礼拜了", "2026-07-31T10:00:00+08:00", gold_event="lift"),
            record("r", "+1 同楼的", "2026-07-31T11:00:00+08:00", kind="comment", parent_id="p", gold_event="lift"),
            record("s", "楼道灯也黑了", "2026-07-31T12:00:00+08:00", kind="comment", parent_id="p", gold_event="light"),
        ],
        analyser,
    )
    beside = {
        (a.item_ref, b.item_ref): label
        for a, b, found, _, label in recorded(rows)
        if found and "同一帖子" in found.reason
    }
    assert beside == {("r", "p"): 1, ("s", "p"): 0}


def test_one_place_one_problem_joins_and_the_same_estates_other_troubles_stay_apart(
    analyser: Analyser, judge: PairJudge
) -> None:
    a, b, c, d = grouped(
        analyser,
        [
            # Each says where the water goes (车库, 地库): the judge trained on sets 1-324 rates the
            # two bare clauses (地库口的水已经往下灌了 / 雨水沿坡道倒灌) 0.75-0.79, under its bar.
            record("a", "运河湾花苑地库口的雨水已经往下灌了，车库进水了", "2026-07-31T10:00:00+08:00"),
            record("b", "运河湾花苑车库出入口没有挡水设施，雨水沿坡道倒灌进地库", "2026-08-01T10:00:00+08:00"),
            record("c", "幸福里的电梯又坏了，老人只能爬十八楼，物业说等配件", "2026-07-31T11:00:00+08:00"),
            record("d", "幸福里地面车位每月收三百，没开业主大会，物业强行安道闸", "2026-08-01T11:00:00+08:00"),
        ],
        EventIndex(judge=judge),
    )
    assert a == b
    assert len({a, c, d}) == 3


def test_letters_on_one_board_about_one_plant_are_one_matter(analyser: Analyser, judge: PairJudge) -> None:
    """Residents write to one board in their own words for weeks; our sets put a matter's items on
    different channels, and a judge that read "same source" split such letters apart."""
    board = {"source": "tjcac_zmhd", "kind": "message"}
    letters = [
        (
            "丽发新城附近修建搅拌站噪音灰尘扰民",
            "西青区丽发新城小区附近修建了一座搅拌站，每天噪音不断，灰尘很大，"
            "小区居民不能正常休息，开窗一会儿家里到处都是灰。请政府部门彻查搅拌站的审批手续。",
        ),
        (
            "丽发新城旁的搅拌站严重影响居民休息",
            "我是丽发新城的业主，小区旁边的搅拌站白天黑夜都在生产，噪音刺耳，"
            "灰尘弥漫，老人孩子晚上无法休息，已经有居民咳嗽住院。希望领导重视，让搅拌站尽快搬离。",
        ),
        (
            "再次反映丽发新城搅拌站噪音灰尘问题",
            "丽发新城附近的搅拌站噪音和灰尘问题已经反映过，到现在还在生产，"
            "居民每天休息不好，灰尘落满阳台。我们业主强烈要求关停搅拌站，还小区居民正常生活。",
        ),
    ]
    records = [
        record(f"b{n}", text, f"2026-05-{3 + 6 * n:02d}T09:00:00+08:00", title=title, **board)
        for n, (title, text) in enumerate(letters)
    ]
    assert len(set(grouped(analyser, records, EventIndex(judge=judge)))) == 1


def test_a_busy_estate_costs_the_judge_a_few_comparisons_per_item(
    analyser: Analyser, judge: PairJudge, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hundreds of candidates, but the judge weighs at most ``JUDGED`` of them, ``PER_EVENT`` per event."""
    sizes: list[int] = []
    weigh = PairJudge.probabilities

    def counted(self: PairJudge, rows: Any) -> np.ndarray:
        sizes.append(len(rows))
        return weigh(self, rows)

    monkeypatch.setattr(PairJudge, "probabilities", counted)
    texts = [f"幸福里小区{n % 9 + 1}号楼暖气不热，室温只有{12 + n % 4}度，热力公司不管" for n in range(60)]
    records = [record(f"h{n}", t, f"2026-12-01T{n // 6:02d}:{n % 6 * 10:02d}:00+08:00") for n, t in enumerate(texts)]
    index = EventIndex(judge=judge)
    grouped(analyser, records, index)
    assert sizes and max(sizes) <= events.JUDGED
    assert len(index.groups) < len(texts)


def test_the_trainer_reads_an_event_line_as_yuqing_analyse_does() -> None:
    rows = [json.loads(line) for line in (DATA / "events_fresh22.jsonl").read_text(encoding="utf-8").splitlines()]
    for n, row in enumerate(rows, start=1):
        assert facts_of(n, row) == to_facts(n, row, NOW)


def test_two_work_orders_from_two_districts_are_never_the_judges_own_join(analyser: Analyser, judge: PairJudge) -> None:
    """A judge that would join anything still leaves one firm's calls from 东丽 and from 津南
    apart: the operator wrote down two districts. A post naming another district than a call
    stays the judge's to weigh (it joins here), for people write a border road under either."""
    eager = constant(judge, 0.99, detach=0.5)
    dongli = record(
        "h1",
        "来电人反映：东丽区华明街道宏远建筑承建的厂房工地拖欠农民工工资三个月。",
        "2026-12-01T09:00:00+08:00",
        source="hotline",
        kind="work_order",
    )
    jinnan = record(
        "h2",
        "来电人反映：津南区咸水沽镇宏远建筑承建的住宅项目拖欠农民工工资，要求督促支付。",
        "2026-12-02T09:00:00+08:00",
        source="hotline",
        kind="work_order",
    )
    post = record("w1", "津南区宏远建筑的工地欠我们工钱三个月了，年底怎么回家", "2026-12-03T09:00:00+08:00")
    first, second = grouped(analyser, [dongli, jinnan], EventIndex(judge=eager))
    assert first != second
    call, joined = grouped(analyser, [dongli, post], EventIndex(judge=eager))
    assert joined == call
