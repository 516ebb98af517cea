"""Deadlines from sla.yaml on a Chinese working-day calendar (holidays and 调休)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Asia/Shanghai")
WORKDAY_END = time(17, 30)


@dataclass(frozen=True)
class SlaRule:
    id: str
    when: dict[str, list[Any]]
    limit: float
    unit: str
    basis: str


@dataclass(frozen=True)
class Calendar:
    holidays: frozenset[date]
    workdays: frozenset[date]

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def add_workdays(self, start: datetime, days: int) -> datetime:
        """Due at the end of the N-th working day after the start day (local time)."""
        local = start.astimezone(LOCAL)
        day = local.date()
        remaining = days
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                remaining -= 1
        return datetime.combine(day, WORKDAY_END, LOCAL)


@dataclass(frozen=True)
class SlaRules:
    rules: tuple[SlaRule, ...]
    calendar: Calendar
    escalation: tuple[dict[str, Any], ...]

    @classmethod
    def from_config(cls, data: dict[str, Any]) -> SlaRules:
        rules = []
        for spec in data.get("rules") or []:
            unit = spec.get("unit", "hours")
            if unit not in ("hours", "workdays"):
                raise ValueError(f"sla.yaml rule {spec.get('id')}: unit must be hours or workdays")
            rules.append(
                SlaRule(
                    str(spec["id"]),
                    dict(spec.get("when") or {}),
                    float(spec["limit"]),
                    unit,
                    str(spec.get("basis", "")),
                )
            )
        cal = data.get("calendar") or {}
        calendar = Calendar(
            frozenset(_as_date(d) for d in cal.get("holidays") or ()),
            frozenset(_as_date(d) for d in cal.get("workdays") or ()),
        )
        return cls(tuple(rules), calendar, tuple(data.get("escalation") or ()))

    def deadline(self, facts: dict[str, Any], start: datetime) -> tuple[str, datetime] | None:
        for rule in self.rules:
            if all(facts.get(key) in values for key, values in rule.when.items()):
                if rule.unit == "hours":
                    return rule.id, start + timedelta(hours=rule.limit)
                return rule.id, self.calendar.add_workdays(start, int(rule.limit))
        return None

    def escalation_level(self, due_at: datetime, now: datetime) -> int:
        """How many escalation steps an overdue assignment has passed."""
        if now <= due_at:
            return 0
        late = (now - due_at).total_seconds() / 60
        return max((int(s["level"]) for s in self.escalation if late >= float(s["after_minutes"])), default=0)


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
