"""Watch-lists: words a manager wants to hear about at once, whatever the item's urgency.

A group is a handful of terms in the syntax people know from search boxes (``+`` must,
``!`` must not, ``/…/`` a pattern), so the duty desk's manager can add one to
``config/alerts.yaml`` without help. A group alerts once per event: the first matching
item raises it, and later items of the same matter join its timeline instead of
sending more mail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.text import mask_numbers
from store.models import Alert, Item


class WatchError(ValueError):
    """A watch group that cannot be used; the message names the group and the term."""


@dataclass(frozen=True)
class WatchGroup:
    name: str
    level: int
    any_of: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    required: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()

    @classmethod
    def parse(cls, spec: dict[str, Any]) -> WatchGroup:
        name = str(spec.get("name") or "").strip()
        if not name:
            raise WatchError("watch group without a name")
        terms = spec.get("terms") or []
        if not isinstance(terms, list) or not terms:
            raise WatchError(f"watch group {name}: terms must be a non-empty list")
        any_of: list[str] = []
        patterns: list[re.Pattern[str]] = []
        required: list[str] = []
        excluded: list[str] = []
        for raw in terms:
            term = str(raw).strip()
            if len(term) > 2 and term.startswith("/") and term.endswith("/"):
                try:
                    patterns.append(re.compile(term[1:-1]))
                except re.error as exc:
                    raise WatchError(f"watch group {name}: bad pattern {term}: {exc}") from exc
            elif term.startswith("+") and len(term) > 1:
                required.append(term[1:])
            elif term.startswith("!") and len(term) > 1:
                excluded.append(term[1:])
            elif term:
                any_of.append(term)
            else:
                raise WatchError(f"watch group {name}: empty term")
        level = int(spec.get("level", 3))
        if level not in (1, 2, 3, 4):
            raise WatchError(f"watch group {name}: level must be 1–4, got {level}")
        return cls(name, level, tuple(any_of), tuple(patterns), tuple(required), tuple(excluded))

    def match(self, text: str) -> tuple[str, ...]:
        """The terms that made the group match, or () when it does not."""
        if any(word in text for word in self.excluded):
            return ()
        if not all(word in text for word in self.required):
            return ()
        hits = [word for word in self.any_of if word in text]
        hits += [m.group(0) for p in self.patterns if (m := p.search(text))]
        if (self.any_of or self.patterns) and not hits:
            return ()
        return (*hits, *self.required)


def load_groups(config: dict[str, Any]) -> tuple[WatchGroup, ...]:
    specs = config.get("watch") or []
    if not isinstance(specs, list):
        raise WatchError("watch: expected a list of groups")
    groups = tuple(WatchGroup.parse(spec) for spec in specs)
    names = [g.name for g in groups]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise WatchError(f"watch groups named twice: {', '.join(duplicates)}")
    return groups


def raise_watch(session: Session, item: Item, text: str, groups: Sequence[WatchGroup], now: datetime) -> list[Alert]:
    """One alert per matching group and event (or item, when it has no event yet)."""
    raised = []
    for group in groups:
        hits = group.match(text)
        if not hits:
            continue
        scope = f"event:{item.event_id}" if item.event_id else f"item:{item.id}"
        key = f"watch:{group.name}:{scope}"[:128]
        if session.scalar(select(Alert.id).where(Alert.dedup_key == key)) is not None:
            continue
        alert = Alert(
            kind="watch",
            level=group.level,
            title=f"【{group.name}】{mask_numbers(item.title or item.content_text[:40])}",
            detail={"group": group.name, "reasons": [f"命中关注词：{'、'.join(dict.fromkeys(hits))}"]},
            dedup_key=key,
            item_id=item.id,
            event_id=item.event_id,
            created_at=now,
        )
        session.add(alert)
        raised.append(alert)
    return raised
