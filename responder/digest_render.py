"""A digest's subject, plain text and HTML, rendered from its content without a database.

Crawled text reaches HTML through Jinja's autoescape only; no template marks it safe.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from responder.digest_content import URGENT_MIN, DigestContent

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def _pad(text: str, width: int) -> str:
    """Left-align for the plain-text part: CJK characters take two columns in a fixed font."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)


@functools.cache
def _environment() -> Environment:
    """Templates load on first render, not at import; .txt is plain, everything else escaped."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(disabled_extensions=("txt",), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pad"] = _pad
    return env


def render_digest(content: DigestContent) -> tuple[str, str, str]:
    """(subject, plain text, HTML). The subject holds no crawled text, only dates and counts."""
    env = _environment()
    peak = max((count for _, count in content.by_topic), default=0)
    bars = [(topic, count, max(1, round(100 * count / peak)) if peak else 0) for topic, count in content.by_topic]
    context = {"c": content, "bars": bars, "urgent_min": URGENT_MIN}
    subject = " ".join(env.get_template("digest_subject.txt").render(context).split())
    return subject, env.get_template("digest.txt").render(context), env.get_template("digest.html").render(context)
