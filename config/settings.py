"""Typed, frozen settings: YAML defaults → optional override file → environment.

Everything else receives a ``Settings`` object explicitly; this module is the only place
that reads ``os.environ`` so tests and multi-process runs never disagree about config.
"""

from __future__ import annotations

import dataclasses
import os
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONFIG_DIR = Path(__file__).resolve().parent
DEFAULTS_FILE = CONFIG_DIR / "default.yaml"
ENV_PREFIX = "YUQING_"
# Conventional names that deployments already set; mapped onto dotted keys.
ENV_ALIASES = {"DATABASE_URL": "database.url", "REDIS_URL": "redis.url"}


class SettingsError(ValueError):
    """Raised once with every bad key, so a user fixes the config in one pass."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid settings:\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = ""
    echo: bool = False


@dataclass(frozen=True)
class RedisSettings:
    url: str = ""
    queue_prefix: str = "yuqing"


@dataclass(frozen=True)
class WebSettings:
    host: str = "127.0.0.1"
    port: int = 5000
    secret_key: str = ""
    threads: int = 8
    # "required": every account logs in with a TOTP code after the password; "disabled" for
    # the single-machine demo only (``yuqing up`` turns it off unless this is set).
    mfa: str = "required"
    mfa_key: str = ""  # Fernet key sealing TOTP secrets; empty: generated in <data_dir>/mfa_key


@dataclass(frozen=True)
class WorkerSettings:
    batch_size: int = 200
    lease_seconds: int = 120
    max_attempts: int = 5
    pause_after_claim: float = 0.0


@dataclass(frozen=True)
class AnalysisSettings:
    sentiment_engine: str = "domain"  # domain | snownlp | fast


@dataclass(frozen=True)
class SchedulerSettings:
    tick_seconds: float = 5.0
    sweep_seconds: float = 15.0
    crawl_minutes: float = 30.0
    digest_hour: int = 8
    weekly_weekday: int = 0  # the weekly report (舆情周报) goes out on this day: 0 Monday … 6 Sunday; -1 never


@dataclass(frozen=True)
class CrawlSettings:
    download_delay: float = 1.0
    user_agent: str = "yuqing/0.1"
    max_pages: int = 50
    sample_site: bool = True
    sample_url: str = ""  # set by `yuqing up` for its children: where "sample:" sources point


@dataclass(frozen=True)
class MailSettings:
    backend: str = "outbox"
    sender: str = "yuqing@localhost"
    recipients: tuple[str, ...] = ()
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    timeout: float = 10.0


@dataclass(frozen=True)
class DemoSettings:
    username: str = "duty"
    password: str = ""


@dataclass(frozen=True)
class HotlineSettings:
    source: str = "hotline_12319"
    # Fernet key sealing callers' contacts; empty: generated once in <data_dir>/hotline_key.
    key: str = ""
    author_id_chars: int = 16


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("./var")
    timezone: str = "Asia/Shanghai"
    log_level: str = "INFO"
    rules_dir: Path = CONFIG_DIR
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    redis: RedisSettings = field(default_factory=RedisSettings)
    web: WebSettings = field(default_factory=WebSettings)
    worker: WorkerSettings = field(default_factory=WorkerSettings)
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    scheduler: SchedulerSettings = field(default_factory=SchedulerSettings)
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    mail: MailSettings = field(default_factory=MailSettings)
    demo: DemoSettings = field(default_factory=DemoSettings)
    hotline: HotlineSettings = field(default_factory=HotlineSettings)

    @property
    def database_url(self) -> str:
        """The SQLAlchemy URL; an SQLite file in the data folder unless one is set."""
        if self.database.url:
            return _normalise_db_url(self.database.url)
        return f"sqlite:///{(self.data_dir / 'yuqing.db').resolve()}"

    @property
    def uses_embedded_redis(self) -> bool:
        return not self.redis.url

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _normalise_db_url(url: str) -> str:
    # Deployments write postgres:// or postgresql://; we ship the psycopg 3 driver.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# Settings whose value must be one of a few words (checked after the types).
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("web", "mfa"): ("required", "disabled"),
    ("mail", "backend"): ("outbox", "smtp"),
}


def load_settings(
    override_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build settings from defaults, an override file and the environment.

    ``environ`` defaults to ``os.environ``; ``YUQING_CONFIG`` names the override file
    when ``override_file`` is not given.
    """
    env = dict(os.environ if environ is None else environ)
    data: dict[str, Any] = _read_yaml(DEFAULTS_FILE)
    problems: list[str] = []
    override = override_file or env.get(ENV_PREFIX + "CONFIG")
    if override:
        path = Path(override)
        if not path.is_file():
            problems.append(f"override file {path}: not found")
        else:
            try:
                _merge(data, _read_yaml(path), "", problems)
            except yaml.YAMLError as exc:
                problems.append(f"override file {path}: not valid YAML ({exc})")
    _merge(data, _env_overrides(env, problems), "", problems)
    settings = _build(Settings, data, "", problems)
    for (section, key), allowed in CHOICES.items():
        value = getattr(getattr(settings, section), key)
        if value not in allowed:
            problems.append(f"{section}.{key}: must be one of {', '.join(allowed)}, got {value!r}")
    if problems:
        raise SettingsError(problems)
    return settings


def _read_yaml(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(loaded, dict):
        raise SettingsError([f"{path}: top level must be a mapping"])
    return loaded


def _env_overrides(env: Mapping[str, str], problems: list[str]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    pairs: list[tuple[str, str]] = []
    for name, dotted in ENV_ALIASES.items():
        if env.get(name):
            pairs.append((dotted, env[name]))
    for name, value in env.items():
        if not name.startswith(ENV_PREFIX) or name == ENV_PREFIX + "CONFIG":
            continue
        key = name[len(ENV_PREFIX) :].lower().replace("__", ".")
        pairs.append((key, value))
    for dotted, value in pairs:
        node = tree
        parts = dotted.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                problems.append(f"{dotted}: conflicts with another variable")
                break
        else:
            # Environment values are strings; parse them as YAML scalars/lists.
            try:
                node[parts[-1]] = yaml.safe_load(value) if value != "" else ""
            except yaml.YAMLError:
                node[parts[-1]] = value
    return tree


def _merge(base: dict[str, Any], extra: Mapping[str, Any], prefix: str, problems: list[str]) -> None:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _merge(base[key], value, f"{prefix}{key}.", problems)
        else:
            base[key] = value


def _build(cls: type, data: Mapping[str, Any], prefix: str, problems: list[str]) -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    for key in data:
        if key not in known:
            problems.append(f"{prefix}{key}: unknown setting")
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _coerce(hints[f.name], data[f.name], f"{prefix}{f.name}", problems)
    try:
        return cls(**kwargs)
    except TypeError as exc:  # only reachable after problems were recorded
        problems.append(f"{prefix or 'settings'}: {exc}")
        return cls()


def _coerce(hint: Any, value: Any, key: str, problems: list[str]) -> Any:
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, Mapping):
            problems.append(f"{key}: expected a mapping, got {value!r}")
            return hint()
        return _build(hint, value, key + ".", problems)
    origin = typing.get_origin(hint)
    if origin is tuple:
        items = value if isinstance(value, list | tuple) else [] if value in (None, "") else None
        if items is None and isinstance(value, str):
            items = [v.strip() for v in value.split(",") if v.strip()]
        if items is None:
            problems.append(f"{key}: expected a list, got {value!r}")
            return ()
        return tuple(str(v) for v in items)
    if origin in (types.UnionType, typing.Union):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    if hint is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {"1", "true", "yes", "on", "0", "false", "no", "off"}:
            return value.lower() in {"1", "true", "yes", "on"}
        problems.append(f"{key}: expected true or false, got {value!r}")
        return False
    if hint in (int, float):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            problems.append(f"{key}: expected a number, got {value!r}")
            return hint()
        try:
            number = hint(value)
        except (TypeError, ValueError):
            problems.append(f"{key}: expected a number, got {value!r}")
            return hint()
        if number < 0:
            problems.append(f"{key}: must not be negative, got {value!r}")
        return number
    if hint is Path:
        return Path(str(value))
    if hint is str:
        if isinstance(value, dict | list):
            problems.append(f"{key}: expected text, got {value!r}")
            return ""
        return "" if value is None else str(value)
    return value
