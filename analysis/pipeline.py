"""The whole per-item analysis as one pure function over a record and loaded rules.

The worker job and ``yuqing analyse`` both call ``Analyser.analyse`` so a user can check a
batch or a rule change offline and get the decision the service would make.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from analysis import entities, topics, urgency
from analysis.events import Signature, signature_for
from analysis.sentiment import SentimentEngine, load_engine, three_class
from analysis.text import joined, mask_numbers, plain
from analysis.topic_model import CRISIS_PATH, CRISIS_THRESHOLD, MODEL_PATH, STANCE_PATH, NgramModel
from config import Settings
from config.rules import load_rule_file

MEDIA_VERIFIED_TYPES = (3,)
# Weibo's verified types of government (1) and media (3) accounts: they publish, not petition.
OFFICIAL_VERIFIED_TYPES = (1, 3)
GOVERNMENT_VERIFIED_TYPES = (1,)
# Characters under which the crisis model needs SHORT_CRISIS_THRESHOLD: on a line this short
# a few common characters (被, 见, 不给钱) carry it, while every labelled crisis this short
# (107 of them up to 30 characters) says itself in words the patterns find.
SHORT_TEXT = 25
SHORT_CRISIS_THRESHOLD = 0.8
# 对面工地塔吊真高: a short line whose only crisis word is a high place, with no one on it,
# is a remark about the skyline (the model has seen 塔吊 mostly in threats to climb one).
HIGH_PLACE_ONLY = re.compile(r"楼顶|天台|塔吊|脚手架|窗台")
SOMEONE_UP = re.compile(r"人|爬|上[面边头去]|[坐站蹲待]|师傅|工友|大哥|老乡")
LONG_AGO = re.compile(r"\s*(?:[\d一二三四五六七八九十几两]+年前|前些年|早些年|当年|那年|小时候)")
INCIDENT_KINDS = ("人员伤亡", "坍塌爆炸")


def _high_place_only(text: str) -> bool:
    words = {m.group(0) for m in urgency.CRISIS_VOCABULARY.finditer(text)}
    return all(HIGH_PLACE_ONLY.fullmatch(w) for w in words) and not SOMEONE_UP.search(text)


@dataclass(frozen=True)
class ItemFacts:
    """What analysis needs from an item; built from a DB row or a JSON line."""

    ref: str
    source: str
    kind: str
    title: str
    content: str
    published_at: datetime
    request_type_raw: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    author_meta: dict[str, Any] = field(default_factory=dict)
    district: str | None = None
    parent_ref: str | None = None  # a comment's post, a repost's original
    author: str | None = None  # account or caller key: tells a repeat complainant
    parent_topic: str | None = None  # the topic of the post a comment answers, when known
    # The id at the source, which a comment's ``parent_ref`` names; None where ``ref`` is that id
    # (``yuqing analyse``). The worker's ``ref`` is the database id.
    source_ref: str | None = None


@dataclass(frozen=True)
class AnalysisResult:
    model_version: str
    sentiment_score: float
    sentiment_label: str
    topic: str
    topic_tags: tuple[str, ...]
    request_type: str
    urgency: int
    urgency_reasons: tuple[str, ...]
    entities: dict[str, list[str]]
    keywords_hit: tuple[str, ...]
    explanation: dict[str, Any]
    signature: Signature


@dataclass
class Analyser:
    rules: topics.TopicRules
    engine: SentimentEngine
    rules_version: str
    topic_model: NgramModel | None = None  # breaks rule ties and covers rule misses
    stance_model: NgramModel | None = None  # request type when no cue word fires
    crisis_model: NgramModel | None = None  # crises worded in ways the patterns do not know

    @classmethod
    def load(cls, settings: Settings, engine: SentimentEngine | None = None) -> Analyser:
        data = load_rule_file(settings.rules_dir, "topics")
        digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:8]
        return cls(
            rules=topics.TopicRules.from_config(data),
            engine=engine or load_engine(settings.analysis.sentiment_engine, settings.data_dir / "models"),
            rules_version=digest,
            topic_model=NgramModel.load(MODEL_PATH) if MODEL_PATH.is_file() else None,
            stance_model=NgramModel.load(STANCE_PATH) if STANCE_PATH.is_file() else None,
            crisis_model=NgramModel.load(CRISIS_PATH) if CRISIS_PATH.is_file() else None,
        )

    @property
    def model_version(self) -> str:
        models = "".join(f"+{m.version}" for m in (self.topic_model, self.stance_model, self.crisis_model) if m)
        return f"{self.engine.version}+rules-{self.rules_version}{models}"

    def analyse(self, facts: ItemFacts, now: datetime | None = None, score: float | None = None) -> AnalysisResult:
        now = now or datetime.now(UTC)
        title, content = plain(facts.title), plain(facts.content)
        text = joined(title, content)
        topic = topics.classify_topic(self.rules, title, content, self.topic_model)
        if topic.topic == topics.OTHER and facts.parent_topic not in (None, topics.OTHER) and not topic.scores:
            # 同问, 收到已转发, 建议明年提前通知 under a heating notice: the thread says what it is about.
            topic = topics.TopicResult(facts.parent_topic, (), (), {}, "parent", {})
        # The stance model knows construction grievances, not ads or chatter: 其他 gets cues only.
        stance = self.stance_model if topic.topic != topics.OTHER else None
        masked = mask_numbers(text)  # reasons and entities quote the text: no phone or ID numbers
        rtype = topics.classify_request_type(self.rules, masked, facts.request_type_raw, stance)
        verified_type = facts.author_meta.get("verified_type")
        crises = urgency.crisis_reasons(text)
        # The stance the cues read stays the sentiment's guide: a reporter's story of a
        # noisy site asks nothing, but it is still bad news.
        stance_type = rtype.request_type
        rtype = topics.no_request(
            self.rules,
            masked,
            rtype,
            public=facts.kind in ("post", "comment"),
            official=verified_type in OFFICIAL_VERIFIED_TYPES,
            incident=any(r.startswith(INCIDENT_KINDS) for r in crises),
        )
        advert = facts.kind in ("post", "comment") and topics.is_advert(topic)
        if advert:
            # An ad asks nothing of the commission and is no bad news (its 急售！！ is no complaint).
            rtype, stance_type = topics.RequestTypeResult(topics.OTHER, "无诉求（广告）"), topics.OTHER
        if (
            rtype.request_type == topics.OTHER
            and stance_type != "表扬"
            and (verified_type in GOVERNMENT_VERIFIED_TYPES or "drill" in rtype.marks)
        ):
            # A government notice or a drill states facts: neutral, unless it tells of a
            # crisis or a hazard (three_class reads the text for those).
            stance_type = topics.OTHER
        sentiment = self.engine.score(text) if score is None else score
        # An ad's 水管冻裂 and 漏水 are what it sells a cure for: no hazard, no bad news.
        label = "neu" if advert else three_class(sentiment, stance_type, text)
        found = entities.extract(masked)
        if facts.district and facts.district not in found.districts:
            found = entities.Entities(
                (facts.district, *found.districts), found.estates, found.buildings, found.companies, found.roads
            )
        level = urgency.assess(
            text,
            rtype.request_type,
            topic.topic,
            facts.metrics,
            now,
            media_author=verified_type in MEDIA_VERIFIED_TYPES,
            crises=crises,
        )
        level = self._suspected_crisis(text, rtype.request_type, level)
        if advert and level.level < 4:
            level = urgency.Urgency(1, ("广告，无需处理",))
        signature = signature_for(
            facts.ref,
            topic.topic,
            facts.published_at,
            text,
            estates=found.estates,
            companies=found.companies,
            districts=found.districts,
            source=facts.source,
            parent_ref=facts.parent_ref,
            topics=topic.scores,
            tags=topic.tags,
            author=facts.author,
        )
        return AnalysisResult(
            model_version=self.model_version,
            sentiment_score=float(sentiment),
            sentiment_label=label,
            topic=topic.topic,
            topic_tags=topic.tags,
            request_type=rtype.request_type,
            urgency=level.level,
            urgency_reasons=level.reasons,
            entities=found.as_dict(),
            keywords_hit=topic.hits,
            explanation={
                "topic_scores": topic.scores,
                "topic_decided_by": topic.decided_by,
                "topic_model": topic.model,
                "request_type": rtype.reason,
                "sentiment_engine": self.engine.name,
            },
            signature=signature,
        )

    def _suspected_crisis(self, text: str, request_type: str, level: urgency.Urgency) -> urgency.Urgency:
        """Level 4 when the crisis model is confident although no crisis pattern fired.

        The reason says it is the model's suspicion, so the duty officer knows to check it
        (and a correction becomes training data). Praise and suggestions are left alone.
        """
        if level.level >= 4 or self.crisis_model is None or request_type in ("表扬", "建议"):
            return level
        p = self.crisis_model.proba(text)["crisis"]
        # A line of a few words gives the model a handful of n-grams (去了, 带): it must be surer.
        if p < (CRISIS_THRESHOLD if len(text) >= SHORT_TEXT else SHORT_CRISIS_THRESHOLD):
            return level
        # The checks below read the text again, so they run only for the few items flagged.
        if not urgency.CRISIS_VOCABULARY.search(text):  # 几点关门，想去买个围巾: nothing of a crisis at all
            return level
        if len(text) < SHORT_TEXT and _high_place_only(text):
            return level
        if LONG_AGO.match(text):  # 十年前在工地上被讨薪工人堵门的那个老板…: a story of long ago
            return level
        if urgency.NEGATED.search(text) or urgency.LUCKY.search(text):  # 所幸无人员伤亡, 幸好没砸着人
            return level
        if urgency.FICTION.search(text) or urgency.DRILL.search(text):  # a film's plot, a drill's script
            return level
        if urgency.JOKE.search(text):  # 哈哈哈 楼主头像是楼下那只橘猫吧: laughter is no crisis report
            return level
        if any(pattern.search(text) for pattern in urgency.CRISIS.values()):
            # The patterns saw crisis words and their guards explained them away (小时候…拉着横幅,
            # 三年前发生过倒塌, 若…再拉横幅): the model is for wording the patterns do not know.
            return level
        cue = "、".join(self.crisis_model.explain(text, "crisis", k=3))
        return urgency.Urgency(4, (f"疑似危机（模型判断，{p:.0%}，依据：{cue}），请核实", *level.reasons))

    def analyse_many(self, batch: list[ItemFacts], now: datetime | None = None) -> list[AnalysisResult]:
        """Score the batch in one engine call (vectorised engines are much faster so).

        A comment whose post is in the same batch (``parent_ref`` names its ``source_ref``, or its
        ``ref`` where that is the source's id, in the same source) takes
        the post's topic when it names none itself: it is analysed again with that hint.
        """
        texts = [joined(f.title, f.content) for f in batch]
        scores = self.engine.score_many(texts) if texts else []
        results = [self.analyse(f, now, s) for f, s in zip(batch, scores, strict=True)]
        topic_of = {(f.source, f.source_ref or f.ref): r.topic for f, r in zip(batch, results, strict=True)}
        for i, (facts, result) in enumerate(zip(batch, results, strict=True)):
            parent = topic_of.get((facts.source, facts.parent_ref or ""))
            if result.topic == topics.OTHER and facts.parent_topic is None and parent not in (None, topics.OTHER):
                results[i] = self.analyse(replace(facts, parent_topic=parent), now, scores[i])
        return results
