"""Topic and request type from the keyword rules in topics.yaml.

Each result carries the words that decided it, so a duty officer can see why a tag was
given and correct it (the correction becomes a training label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

OTHER = "其他"
TITLE_WEIGHT = 2.0


@dataclass(frozen=True)
class TagRule:
    name: str
    words: tuple[str, ...]
    vetoes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicRule:
    name: str
    priority: float
    tags: tuple[TagRule, ...]


@dataclass(frozen=True)
class TopicResult:
    topic: str
    tags: tuple[str, ...]
    hits: tuple[str, ...]
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RequestTypeResult:
    request_type: str
    reason: str


@dataclass(frozen=True)
class TopicRules:
    topics: tuple[TopicRule, ...]
    request_types: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    source_type_map: dict[str, str]

    @classmethod
    def from_config(cls, data: dict[str, Any]) -> TopicRules:
        topics = []
        for spec in data.get("topics") or []:
            tags = tuple(
                TagRule(name, tuple(rule.get("any") or ()), tuple(rule.get("not") or ()))
                for name, rule in (spec.get("tags") or {}).items()
            )
            topics.append(TopicRule(spec["name"], float(spec.get("priority", 0)), tags))
        request_types = tuple(
            (name, tuple(re.compile(w) for w in words)) for name, words in (data.get("request_types") or {}).items()
        )
        return cls(tuple(topics), request_types, dict(data.get("source_type_map") or {}))

    @property
    def topic_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.topics)


def _vetoed(text: str, word: str, vetoes: tuple[str, ...]) -> bool:
    """A veto word within 12 characters of the keyword cancels that occurrence."""
    if not vetoes:
        return False
    for match in re.finditer(re.escape(word), text):
        window = text[max(0, match.start() - 12) : match.end() + 12]
        if not any(v in window for v in vetoes):
            return False
    return True


def classify_topic(rules: TopicRules, title: str, content: str) -> TopicResult:
    scores: dict[str, float] = {}
    tags_by_topic: dict[str, list[str]] = {}
    hits_by_topic: dict[str, list[str]] = {}
    for topic in rules.topics:
        score = 0.0
        for tag in topic.tags:
            matched = False
            for word in tag.words:
                in_title = word in title and not _vetoed(title, word, tag.vetoes)
                in_body = word in content and not _vetoed(content, word, tag.vetoes)
                if in_title or in_body:
                    score += (TITLE_WEIGHT if in_title else 0.0) + (1.0 if in_body else 0.0)
                    hits_by_topic.setdefault(topic.name, []).append(word)
                    matched = True
            if matched:
                tags_by_topic.setdefault(topic.name, []).append(tag.name)
        if score:
            scores[topic.name] = score + topic.priority
    if not scores:
        return TopicResult(OTHER, (), (), {})
    best = max(scores, key=lambda name: (scores[name], -rules.topic_names.index(name)))
    return TopicResult(best, tuple(tags_by_topic.get(best, ())), tuple(hits_by_topic.get(best, ())), scores)


def classify_request_type(rules: TopicRules, text: str, raw_type: str | None) -> RequestTypeResult:
    if raw_type:
        mapped = rules.source_type_map.get(raw_type.strip())
        if mapped:
            return RequestTypeResult(mapped, f"来源标注类型：{raw_type}")
    for name, patterns in rules.request_types:
        for pattern in patterns:
            found = pattern.search(text)
            if found:
                return RequestTypeResult(name, f"关键词：{found.group(0)}")
    return RequestTypeResult("咨询", "无明显诉求词，按咨询处理")
