"""The tags an officer sees: the latest correction per field, else the model's value.

A correction is a ``Label`` row (training data for ``yuqing train``), never an edit of
the ``Analysis`` row: the model's output stays as evidence of what the model said, and
the display overlays the newest label per field on top of it. The queue sorts and
filters by the same overlay in SQL (``effective_urgency`` / ``effective_topic``), so
an item an officer raises to 特急 moves to the top of the queue at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from store.models import Analysis, Label

# The correctable fields, in the order the item page lists them.
FIELDS = ("urgency", "sentiment", "topic", "request_type")
SENTIMENTS = ("neg", "neu", "pos")
URGENCIES = (4, 3, 2, 1)


def model_value(analysis: Analysis | None, name: str) -> Any:
    """What the model said for ``name``; None when the item has not been analysed."""
    if analysis is None:
        return None
    return analysis.sentiment_label if name == "sentiment" else getattr(analysis, name)


def parse_value(name: str, value: str) -> Any:
    """A label's stored string as the field's type: urgency is an int, the rest are codes."""
    return int(value) if name == "urgency" else value


@dataclass(frozen=True)
class Tags:
    """One item's analysis with its latest label per field laid over it."""

    analysis: Analysis | None
    labels: Mapping[str, Label] = field(default_factory=dict)

    def value(self, name: str) -> Any:
        label = self.labels.get(name)
        return parse_value(name, label.value) if label is not None else model_value(self.analysis, name)

    def model(self, name: str) -> Any:
        return model_value(self.analysis, name)

    def is_corrected(self, name: str) -> bool:
        return name in self.labels

    @property
    def corrected(self) -> dict[str, Any]:
        """``{field: value}`` for the fields an officer has set, as the API reports them."""
        return {name: parse_value(name, self.labels[name].value) for name in FIELDS if name in self.labels}

    @property
    def urgency(self) -> int | None:
        return self.value("urgency")

    @property
    def sentiment(self) -> str | None:
        return self.value("sentiment")

    @property
    def topic(self) -> str | None:
        return self.value("topic")

    @property
    def request_type(self) -> str | None:
        return self.value("request_type")


def latest_labels(session: Session, item_ids: Iterable[int]) -> dict[int, dict[str, Label]]:
    """The newest label per (item, field) for a page of items, in one query."""
    ids = sorted(set(item_ids))
    if not ids:
        return {}
    newest = (
        select(func.max(Label.id))
        .where(Label.item_id.in_(ids), Label.field.in_(FIELDS))
        .group_by(Label.item_id, Label.field)
    )
    result: dict[int, dict[str, Label]] = {}
    for label in session.scalars(select(Label).where(Label.id.in_(newest))):
        result.setdefault(label.item_id, {})[label.field] = label
    return result


def latest_label_values(name: str) -> Any:
    """A subquery ``(item_id, value)`` holding each item's newest label for ``name``."""
    newest = select(func.max(Label.id)).where(Label.field == name).group_by(Label.item_id)
    return select(Label.item_id, Label.value).where(Label.id.in_(newest)).subquery(f"label_{name}")


def effective_urgency(label_values: Any) -> Any:
    """SQL for the urgency the officer sees; values are written as digits only (see corrections)."""
    return func.coalesce(cast(label_values.c.value, Integer), Analysis.urgency)


def effective_topic(label_values: Any) -> Any:
    return func.coalesce(label_values.c.value, Analysis.topic)
