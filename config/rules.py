"""Load the YAML rule files (topics, routing, sla, sources, alerts) from the rules folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

RULE_FILES = ("topics", "routing", "sla", "sources", "alerts")


class RuleFileError(ValueError):
    """A rule file is missing or malformed; the message names the file and the problem."""


def load_rule_file(rules_dir: Path, name: str) -> dict[str, Any]:
    """Read one rule file; the caller validates its shape against what it needs."""
    path = Path(rules_dir) / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RuleFileError(f"{path}: rule file not found") from exc
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}: top level must be a mapping")
    return data
