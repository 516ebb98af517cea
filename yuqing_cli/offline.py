"""``yuqing analyse``: the service's analysis and routing over a JSON-lines file, offline."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, TextIO

from analysis import event_urgency
from analysis.events import EventIndex
from analysis.pipeline import Analyser, AnalysisResult, ItemFacts
from analysis.text import joined
from config import Settings
from responder.decide import Responder
from responder.routing import RouteFacts
from store.items import ItemError, parse_time

KINDS = ("message", "post", "comment", "work_order")


def read_records(stream: TextIO, errors: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, record); bad lines are reported with their number, never dropped silently."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            errors.append(f"line {number}: expected a JSON object")
            continue
        yield number, record


def to_facts(number: int, record: dict[str, Any], now: datetime) -> ItemFacts:
    ref = record.get("id")
    if ref in (None, ""):
        raise ItemError("id: required")
    kind = record.get("kind") or "message"
    if kind not in KINDS:
        raise ItemError(f"kind: must be one of {', '.join(KINDS)}, got {kind!r}")
    if not (record.get("content") or record.get("title")):
        raise ItemError("content: an item needs a title or content")
    metrics = record.get("metrics") or {}
    if not isinstance(metrics, dict):
        raise ItemError("metrics: expected an object")
    author_meta = record.get("author_meta") or {}
    return ItemFacts(
        ref=str(ref),
        source=str(record.get("source") or "unknown"),
        kind=kind,
        title=str(record.get("title") or ""),
        content=str(record.get("content") or ""),
        published_at=parse_time(record.get("published_at")) or now,
        request_type_raw=record.get("request_type"),
        metrics=metrics,
        author_meta=author_meta if isinstance(author_meta, dict) else {},
        district=record.get("district"),
        parent_ref=str(record["parent_id"]) if record.get("parent_id") not in (None, "") else None,
        author=str(record["author_id"]) if record.get("author_id") not in (None, "") else None,
    )


def analyse_stream(stream: TextIO, settings: Settings, out: TextIO, now: datetime | None = None) -> list[str]:
    """Analyse every record and write one JSON line each; returns the error lines."""
    now = now or datetime.now(UTC)
    errors: list[str] = []
    batch: list[ItemFacts] = []
    for number, record in read_records(stream, errors):
        try:
            batch.append(to_facts(number, record, now))
        except ItemError as exc:
            errors.append(f"line {number}: {exc}")
    analyser = Analyser.load(settings)
    responder = Responder.load(settings)
    results = analyser.analyse_many(batch, now)
    index = EventIndex()
    keys = [""] * len(results)
    for i in sorted(range(len(results)), key=lambda i: batch[i].published_at):  # as the service receives them
        keys[i] = index.add(results[i].signature)[0]
    # A later item can tie two events into one (EventIndex.merged): read where each item ended.
    keys = [index.by_item.get(r.signature.item_ref, key) for r, key in zip(results, keys, strict=True)]
    results = with_event_urgency(batch, results, keys)
    for facts, result, key in zip(batch, results, keys, strict=True):
        out.write(
            json.dumps(render(facts, result, responder, key if index.size(key) > 1 else None, now), ensure_ascii=False)
            + "\n"
        )
    return errors


def with_event_urgency(batch: list[ItemFacts], results: list[AnalysisResult], keys: list[str]) -> list[AnalysisResult]:
    """Raise urgency by what each item's event shows, as the worker does when the item joins it."""
    members: dict[str, list[event_urgency.Member]] = {}
    for facts, key in zip(batch, keys, strict=True):
        members.setdefault(key, []).append(
            event_urgency.Member(facts.ref, facts.source, facts.author, facts.published_at)
        )
    out = []
    for facts, result, key in zip(batch, results, keys, strict=True):
        group = members[key]
        if len(group) > 1:
            me = next(m for m in group if m.ref == facts.ref)
            raised = event_urgency.assess(me, group, result.urgency, result.urgency_reasons, result.request_type)
            result = replace(result, urgency=raised.level, urgency_reasons=raised.reasons)
        out.append(result)
    return out


def render(
    facts: ItemFacts, result: AnalysisResult, responder: Responder, event: str | None, now: datetime
) -> dict[str, Any]:
    verified = facts.author_meta.get("verified_type")
    route_facts = RouteFacts(
        source=facts.source,
        kind=facts.kind,
        request_type=result.request_type,
        topic=result.topic,
        sentiment=result.sentiment_label,
        text=joined(facts.title, facts.content),
        metrics=facts.metrics,
        author_verified_type=verified if isinstance(verified, int) else None,
    )
    plan = responder.plan(route_facts, result.urgency, now)
    decision = plan.decision
    return {
        "id": facts.ref,
        "sentiment": {"score": round(result.sentiment_score, 6), "label": result.sentiment_label},
        "topic": result.topic,
        "tags": list(result.topic_tags),
        "request_type": result.request_type,
        "urgency": result.urgency,
        "urgency_reasons": list(result.urgency_reasons),
        "offices": list(decision.lead),
        "support": list(decision.support),
        "division": decision.division,
        "event": event,
        "rule": decision.rule,
        "rules_fired": [{"rule": r, "reason": why} for r, why in decision.fired],
        "entities": result.entities,
        "model_version": result.model_version,
    }
