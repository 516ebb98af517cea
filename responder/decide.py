"""From an item and its analysis to a routing decision with deadlines (pure).

The worker and ``yuqing analyse`` share this, so an offline check shows exactly what
the service would decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from config import Settings
from config.rules import load_rule_file
from responder.deadlines import SlaRules
from responder.routing import Decision, RouteFacts, RoutingRules, route


@dataclass(frozen=True)
class Plan:
    decision: Decision
    deadlines: dict[str, tuple[str, datetime]]  # office → (sla rule id, due at)


@dataclass(frozen=True)
class Responder:
    routing: RoutingRules
    sla: SlaRules

    @classmethod
    def load(cls, settings: Settings) -> Responder:
        return cls(
            RoutingRules.from_config(load_rule_file(settings.rules_dir, "routing")),
            SlaRules.from_config(load_rule_file(settings.rules_dir, "sla")),
        )

    def plan(self, facts: RouteFacts, urgency: int, start: datetime) -> Plan:
        decision = route(self.routing, facts)
        sla_facts: dict[str, Any] = {
            "kind": facts.kind,
            "request_type": facts.request_type,
            "urgency": urgency,
            "source": facts.source,
        }
        found = self.sla.deadline(sla_facts, start)
        deadlines = {office: found for office in (*decision.lead, *decision.support) if found}
        return Plan(decision, deadlines)
