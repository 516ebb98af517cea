"""``yuqing train``: retrain the domain sentiment model from TRAIN data plus officers' corrections.

The candidate is measured on the TEST parts next to the model in service, and switched
on (copied into ``<data_dir>/models``, where workers load it on their next start) only
when no headline figure gets worse — or when the operator insists with ``--force``.
"""

from __future__ import annotations

import shutil
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
