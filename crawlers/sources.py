"""The crawlable sources as configured in ``sources.yaml``, and their ``source`` rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from config import Settings
from config.rules import load_rule_file
from store.models import Source

SAMPLE_PREFIX = "sample:"
# Keys every entry may carry; anything else is passed to the spider as an argument.
_COMMON_KEYS = {"name", "spider", "kind", "base_url", "enabled"}


class SourceConfigError(ValueError):
    """sources.yaml lacks the source, or an entry cannot be crawled as configured."""


@dataclass(frozen=True)
class SourceConfig:
    key: str
    name: str
    spider: str
    kind: str
    base_url: str
    enabled: bool
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def uses_sample_site(self) -> bool:
        return self.base_url.startswith(SAMPLE_PREFIX)

    def resolve_base_url(self, override: str | None = None) -> str:
        """The site to crawl: an explicit URL wins; "sample:" requires one (the sample site)."""
        if override:
            return override.rstrip("/")
        if self.uses_sample_site:
            raise SourceConfigError(
                f"source {self.key!r} is configured for the sample site ({self.base_url!r}): "
                "pass the sample site's URL as base_url (yuqing up serves it)"
            )
        if not self.base_url.startswith(("http://", "https://")):
            raise SourceConfigError(f"source {self.key!r}: base_url must be http(s), got {self.base_url!r}")
        return self.base_url.rstrip("/")


def load_sources(settings: Settings) -> dict[str, SourceConfig]:
    data = load_rule_file(settings.rules_dir, "sources")
    entries = data.get("sources")
    if not isinstance(entries, dict):
        raise SourceConfigError("sources.yaml: 'sources' must be a mapping of source keys")
    sources: dict[str, SourceConfig] = {}
    for key, entry in entries.items():
        if not isinstance(entry, dict):
            raise SourceConfigError(f"sources.yaml: {key}: must be a mapping")
        sources[key] = SourceConfig(
            key=key,
            name=str(entry.get("name") or key),
            spider=str(entry.get("spider") or key),
            kind=str(entry.get("kind") or "message"),
            base_url=str(entry.get("base_url") or ""),
            enabled=bool(entry.get("enabled", True)),
            options={k: v for k, v in entry.items() if k not in _COMMON_KEYS},
        )
    return sources


def get_source(settings: Settings, key: str) -> SourceConfig:
    sources = load_sources(settings)
    if key not in sources:
        known = ", ".join(sorted(sources)) or "none"
        raise SourceConfigError(f"unknown source {key!r} (sources.yaml has: {known})")
    return sources[key]


def ensure_sources(session: Session, sources: dict[str, SourceConfig]) -> dict[str, Source]:
    """Create the ``source`` row of every configured source that lacks one.

    Existing rows keep their ``enabled`` flag and watermark (admins own them once
    created); name and kind follow the file.
    """
    rows = {row.key: row for row in session.scalars(select(Source).where(Source.key.in_(list(sources))))}
    for key, cfg in sources.items():
        row = rows.get(key)
        if row is None:
            row = Source(key=key, name=cfg.name, kind=cfg.kind, enabled=cfg.enabled, watermark={})
            session.add(row)
            rows[key] = row
        else:
            row.name, row.kind = cfg.name, cfg.kind
    session.flush()
    return rows
