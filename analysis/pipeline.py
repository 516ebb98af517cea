"""The whole per-item analysis as one pure function over a record and loaded rules.

The worker job and ``yuqing analyse`` both call ``Analyser.analyse`` so a user can check a
batch or a rule change offline and get the decision the service would make.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from analysis import entities, topics, urgency
from analysis.events import Signature, shingles
from analysis.sentiment import SentimentEngine, load_engine, three_class
from analysis.text import joined, plain
from config import Settings
from config.rules import load_rule_file

MEDIA_VERIFIED_TYPES = (3,)


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

    @classmethod
    def load(cls, settings: Settings, engine: SentimentEngine | None = None) -> Analyser:
        data = load_rule_file(settings.rules_dir, "topics")
        digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:8]
        return cls(
            rules=topics.TopicRules.from_config(data),
            engine=engine or load_engine(settings.analysis.sentiment_engine),
            rules_version=digest,
        )

    @property
    def model_version(self) -> str:
        return f"{self.engine.version}+rules-{self.rules_version}"

    def analyse(self, facts: ItemFacts, now: datetime | None = None, score: float | None = None) -> AnalysisResult:
        now = now or datetime.now(UTC)
        title, content = plain(facts.title), plain(facts.content)
        text = joined(title, content)
        topic = topics.classify_topic(self.rules, title, content)
        rtype = topics.classify_request_type(self.rules, text, facts.request_type_raw)
        sentiment = self.engine.score(text) if score is None else score
        label = three_class(sentiment, rtype.request_type)
        found = entities.extract(text)
        if facts.district and facts.district not in found.districts:
            found = entities.Entities(
                (facts.district, *found.districts), found.estates, found.buildings, found.companies, found.roads
            )
        verified_type = facts.author_meta.get("verified_type")
        level = urgency.assess(
            text,
            rtype.request_type,
            topic.topic,
            facts.metrics,
            now,
            media_author=verified_type in MEDIA_VERIFIED_TYPES,
        )
        signature = Signature(
            item_ref=facts.ref,
            topic=topic.topic,
            published_at=facts.published_at,
            shingles=shingles(text),
            places=frozenset(found.estates),
            companies=frozenset(found.companies),
            districts=frozenset(found.districts),
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
                "request_type": rtype.reason,
                "sentiment_engine": self.engine.name,
            },
            signature=signature,
        )

    def analyse_many(self, batch: list[ItemFacts], now: datetime | None = None) -> list[AnalysisResult]:
        """Score the batch in one engine call (vectorised engines are much faster so)."""
        texts = [joined(f.title, f.content) for f in batch]
        scores = self.engine.score_many(texts) if texts else []
        return [self.analyse(f, now, s) for f, s in zip(batch, scores, strict=True)]
