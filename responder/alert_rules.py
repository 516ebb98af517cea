"""``config/alerts.yaml`` read once and checked whole: watch groups, spike settings, re-notification steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from config import Settings
from config.rules import load_rule_file
from responder.source_health import SourceHealthRules
from responder.spikes import SpikeRules
from responder.watch import WatchGroup, load_groups


@dataclass(frozen=True)
class RenotifyStep:
    after_minutes: int
    notify: str


@dataclass(frozen=True)
class AlertRules:
    watch: tuple[WatchGroup, ...] = ()
    spikes: SpikeRules = field(default_factory=SpikeRules)
    renotify: tuple[RenotifyStep, ...] = ()
    sources: SourceHealthRules = field(default_factory=SourceHealthRules)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> AlertRules:
        steps = tuple(RenotifyStep(int(s["after_minutes"]), str(s["notify"])) for s in (config.get("renotify") or []))
        if any(b.after_minutes <= a.after_minutes for a, b in pairwise(steps)):
            raise ValueError("renotify: after_minutes must increase from step to step")
        return cls(load_groups(config), SpikeRules.from_config(config), steps, SourceHealthRules.from_config(config))

    @classmethod
    def load(cls, settings: Settings) -> AlertRules:
        return cls.from_config(load_rule_file(settings.rules_dir, "alerts"))
