"""Routing rules (routing.yaml) as pure data and one pure function, ``route``.

Rules are evaluated in order; each that matches adds lead offices and may stop. The
owning division of the topic leads only when no office was triggered, otherwise it
supports (协办). Every decision lists the rules that fired and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from analysis.text import without_addressees
from analysis.urgency import NO_CRISIS_TYPES, crisis_reasons


@dataclass(frozen=True)
class RouteFacts:
    source: str
    kind: str
    request_type: str
    topic: str
    sentiment: str
    text: str
    metrics: dict[str, Any] = field(default_factory=dict)
    author_verified_type: int | None = None

    @cached_property
    def words(self) -> str:
        """The text the word conditions read: 回复@天津广播电视台新闻: names the account replied to,
        not the media's involvement (发给@天津日报, a threat to go to the press, stays)."""
        return without_addressees(self.text)

    @cached_property
    def crisis_kinds(self) -> frozenset[str]:
        """The kinds of crisis urgency finds in the text, read once however many rules ask."""
        if self.request_type in NO_CRISIS_TYPES:  # as urgency reads them
            return frozenset()
        return frozenset(reason.split("（")[0] for reason in crisis_reasons(self.text, aftermath=True))


@dataclass(frozen=True)
class Rule:
    id: str
    reason: str
    when: dict[str, Any]
    lead: tuple[str, ...]
    stop: bool


@dataclass(frozen=True)
class Decision:
    lead: tuple[str, ...]
    support: tuple[str, ...]
    division: str | None
    fired: tuple[tuple[str, str], ...]  # (rule id, reason)

    @property
    def rule(self) -> str:
        """The rule that decided the lead offices (the first that added one)."""
        return self.fired[0][0] if self.fired else "none"


@dataclass(frozen=True)
class RoutingRules:
    offices: tuple[dict[str, str], ...]
    divisions: dict[str, str | None]
    overrides: tuple[dict[str, Any], ...]
    rules: tuple[Rule, ...]
    grievance_words: tuple[str, ...]

    @classmethod
    def from_config(cls, data: dict[str, Any]) -> RoutingRules:
        names = {o["name"] for o in data.get("offices") or []}
        rules = []
        problems = []
        for spec in data.get("rules") or []:
            for office in spec.get("lead") or []:
                if office not in names:
                    problems.append(f"rule {spec.get('id')}: unknown office {office!r}")
            rules.append(
                Rule(
                    id=str(spec["id"]),
                    reason=str(spec.get("reason", spec["id"])),
                    when=dict(spec.get("when") or {}),
                    lead=tuple(spec.get("lead") or ()),
                    stop=bool(spec.get("stop", False)),
                )
            )
        for topic, division in (data.get("divisions") or {}).items():
            if division is not None and division not in names:
                problems.append(f"divisions.{topic}: unknown office {division!r}")
        if problems:
            raise ValueError("routing.yaml: " + "; ".join(problems))
        return cls(
            offices=tuple(data.get("offices") or ()),
            divisions=dict(data.get("divisions") or {}),
            overrides=tuple(data.get("division_overrides") or ()),
            rules=tuple(rules),
            grievance_words=tuple(data.get("grievance_words") or ()),
        )


def _metric(metrics: dict[str, Any], name: str) -> float:
    value = metrics.get(name)
    try:
        return float(value) if value is not None else 0.0
    except (TypeError, ValueError):
        return 0.0


def matches(when: dict[str, Any], facts: RouteFacts, rules: RoutingRules) -> bool:
    for key, expected in when.items():
        if key == "any_of":
            if not any(matches(sub, facts, rules) for sub in expected):
                return False
        elif key in ("kind", "source", "request_type", "topic", "sentiment"):
            if getattr(facts, key) not in expected:
                return False
        elif key == "words_any":
            if not any(word in facts.words for word in expected):
                return False
        elif key == "words_none":
            if any(word in facts.words for word in expected):
                return False
        elif key == "metrics_min":
            if not all(_metric(facts.metrics, name) > float(limit) for name, limit in expected.items()):
                return False
        elif key == "author_verified_types":
            if facts.author_verified_type not in expected:
                return False
        elif key == "crisis":
            # The kinds of crisis urgency found (扬言极端行为, 群体性事件, 人员伤亡, 坍塌爆炸):
            # one detector for both, so a crisis at level 4 always reaches its office.
            if not facts.crisis_kinds & set(expected):
                return False
        elif key == "crisis_none":
            # An eyewitness report of a collapse or blast is news, not the writer's own claim.
            if facts.crisis_kinds & set(expected):
                return False
        elif key == "grievance":
            if bool(expected) != any(word in facts.words for word in rules.grievance_words):
                return False
        else:
            raise ValueError(f"routing rule condition {key!r} is not supported")
    return True


def _override_matches(override: dict[str, Any], words: str) -> bool:
    """``words_any``: one of the words; ``words_groups``: a word of every group (自建 and 某村:
    a self-built house in a village, where 自建 alone may be a developer's own water works)."""
    if any(word in words for word in override.get("words_any") or ()):
        return True
    groups = override.get("words_groups") or ()
    return bool(groups) and all(any(word in words for word in group) for group in groups)


def route(rules: RoutingRules, facts: RouteFacts) -> Decision:
    lead: list[str] = []
    fired: list[tuple[str, str]] = []
    for rule in rules.rules:
        if not matches(rule.when, facts, rules):
            continue
        fired.append((rule.id, rule.reason))
        lead.extend(o for o in rule.lead if o not in lead)
        if rule.stop:
            return Decision(tuple(lead), (), None, tuple(fired))
    division = rules.divisions.get(facts.topic)
    for override in rules.overrides:
        if _override_matches(override, facts.words):
            division = override["division"]
            fired.append((f"division:{division}", f"专项归口：{division}"))
            break
    support: list[str] = []
    if division:
        if lead:
            support.append(division)
        else:
            lead.append(division)
            fired.append((f"division:{division}", f"{facts.topic}归口{division}主办"))
    return Decision(tuple(lead), tuple(support), division, tuple(fired))
