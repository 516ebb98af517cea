"""``yuqing train``: retrain the domain sentiment model from TRAIN data plus officers' corrections.

The candidate is measured on the TEST parts next to the model in service, and switched
on (copied into ``<data_dir>/models``, where workers load it on their next start) only
when no headline figure gets worse — or when the operator insists with ``--force``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click
from sqlalchemy import select

from analysis.sentiment import DOMAIN_MODEL_FILE, load_engine
from config import Settings
from store import runtime
from store.models import Item, Label

POLARITY = {"pos": 1, "neg": 0}  # neutral corrections carry no polarity to learn


def corrections(settings: Settings) -> list[tuple[str, int]]:
    """The latest sentiment correction per item, as (text, 1=pos/0=neg)."""
    runtime.configure(settings)
    latest: dict[int, tuple[str, str]] = {}
    with runtime.session_factory()() as session:
        rows = session.execute(
            select(Label.item_id, Label.value, Item.title, Item.content_text)
            .join(Item, Item.id == Label.item_id)
            .where(Label.field == "sentiment")
            .order_by(Label.id)
        ).all()
    for item_id, value, title, content in rows:
        latest[item_id] = (value, f"{title or ''}\n{content}".strip())
    return [(text, POLARITY[value]) for value, text in latest.values() if value in POLARITY]


def run_train(settings: Settings, shared_dir: Path, force: bool) -> dict[str, Any]:
    try:
        from analysis.training.sentiment import evaluate_sentiment, regressions, train_sentiment
    except ImportError as exc:  # scikit-learn is a training-only dependency
        raise click.ClickException(f"training needs the train extra: pip install -e '.[train]' ({exc})") from exc
    if not shared_dir.is_dir():
        raise click.ClickException(f"{shared_dir}: the public datasets folder is missing; pass --data DIR")
    model_dir = settings.data_dir / "models"
    model_dir.mkdir(parents=True, exist_ok=True)
    extra = corrections(settings)
    click.echo(f"training on the TRAIN parts of {shared_dir} plus {len(extra)} officer corrections …")
    candidate = model_dir / f"candidate-{DOMAIN_MODEL_FILE}"
    new = train_sentiment(shared_dir, extra, candidate)
    current = load_engine("domain", model_dir)
    old = evaluate_sentiment(current, shared_dir)
    worse = regressions(new, old)
    keys = [k for k in new if isinstance(new.get(k), float) and isinstance(old.get(k), float)]
    click.echo(f"{'TEST figure':<36}{current.version:>18}{new['version']:>18}")
    for key in keys:
        click.echo(f"{key:<36}{old[key]:>18.3f}{new[key]:>18.3f}")
    switched = force or not worse
    if switched:
        shutil.move(str(candidate), model_dir / DOMAIN_MODEL_FILE)
        click.echo(f"switched on {new['version']} (restart workers to load it)")
    else:
        click.echo("kept " + current.version + ": the candidate is worse on " + "; ".join(worse))
    return {"switched": switched, "version": new["version"], "regressions": worse, "corrections": len(extra)}


# The model files the repository ships, and how each is rebuilt from the public TRAIN parts.
SHIPPED = ("sentiment", "topics", "scope", "crisis", "events")
OWN_DATA = {"crisis", "events"}  # trained on this repository's labelled sets alone


def rebuild_shipped(
    shared_dir: Path, out_dir: Path, which: Iterable[str] = SHIPPED, need_data: bool = True
) -> dict[str, Any]:
    """Rebuild the committed models into ``out_dir`` and say whether each is byte-identical.

    Every model in ``analysis/models`` must be reproducible from the public data alone
    (no corrections: those are a deployment's own, and switched on by ``run_train``).
    """
    try:
        from analysis.sentiment_domain import DEFAULT_MODEL_PATH
        from analysis.training.crisis import build as build_crisis
        from analysis.training.event_pairs import build as build_event_pairs
        from analysis.training.scope import train_scope
        from analysis.training.sentiment import train_sentiment
        from analysis.training.topics import build as build_topics
    except ImportError as exc:
        raise click.ClickException(f"training needs the train extra: pip install -e '.[train]' ({exc})") from exc
    from analysis.event_pairs import MODEL_PATH as EVENT_PAIRS
    from analysis.scope import DEFAULT_MODEL as SCOPE_MODEL
    from analysis.topic_model import CRISIS_PATH, MODEL_PATH, STANCE_PATH

    which = tuple(which)
    if (need_data or set(which) - OWN_DATA) and not (shared_dir / "data").is_dir():
        raise click.ClickException(f"{shared_dir}/data: the public datasets folder is missing; pass --data DIR")
    out_dir.mkdir(parents=True, exist_ok=True)
    builders: dict[str, tuple[Callable[[], Any], tuple[Path, ...]]] = {
        "sentiment": (
            lambda: train_sentiment(shared_dir, (), out_dir / DEFAULT_MODEL_PATH.name),
            (DEFAULT_MODEL_PATH,),
        ),
        "topics": (lambda: build_topics(shared_dir, out_dir), (MODEL_PATH, STANCE_PATH)),
        "scope": (lambda: train_scope(shared_dir, out_dir / SCOPE_MODEL.name), (SCOPE_MODEL,)),
        "crisis": (lambda: build_crisis(out_dir / CRISIS_PATH.name), (CRISIS_PATH,)),
        "events": (lambda: build_event_pairs(out_dir / EVENT_PAIRS.name), (EVENT_PAIRS,)),
    }
    report: dict[str, Any] = {}
    for name in which:
        build, shipped = builders[name]
        click.echo(f"rebuilding {name} …", err=True)
        build()
        for path in shipped:
            rebuilt = out_dir / path.name
            report[path.name] = {"rebuilt": str(rebuilt), "identical": rebuilt.read_bytes() == path.read_bytes()}
    return report
