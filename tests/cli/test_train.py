"""``yuqing train``: officers' corrections become training rows and a model is switched on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from analysis.sentiment import DOMAIN_MODEL_FILE, load_engine
from config import Settings
from store.items import save_item
from store.models import Label
from tests.conftest import shared_path
from yuqing_cli.train import corrections, rebuild_shipped, run_train

POSITIVE = ["感谢物业及时维修电梯，服务很好", "住建委工作人员耐心解答，非常满意", "燃气公司上门很快，点赞"]
NEGATIVE = ["物业乱收费还不管事，太气人了", "暖气一点都不热，投诉多次没人管", "工地半夜施工吵得没法睡，太过分"]


def _label(session: Session, ref: str, text: str, value: str) -> None:
    item_id = save_item(session, {"source": "t", "source_id": ref, "kind": "message", "content": text}).item_id
    session.add(Label(item_id=item_id, field="sentiment", value=value))


def test_corrections_feed_training_and_the_model_is_switched_on(
    settings: Settings, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with factory() as session:
        for i, text in enumerate(POSITIVE * 3):
            _label(session, f"p{i}", text, "pos")
        for i, text in enumerate(NEGATIVE * 3):
            _label(session, f"n{i}", text, "neg")
        _label(session, "x", "请问公租房怎么申请", "neu")  # neutral: no polarity to learn
        _label(session, "y", "物业不错", "neg")
        session.add(Label(item_id=session.get(Label, 1).item_id, field="topic", value="物业管理"))  # not sentiment
        session.commit()
        # A later correction of the same item wins.
        last = session.query(Label).filter_by(field="sentiment", value="neg").order_by(Label.id.desc()).first()
        session.add(Label(item_id=last.item_id, field="sentiment", value="pos"))
        session.commit()
    rows = corrections(settings)
    assert len(rows) == 19 and ("物业不错", 1) in rows

    empty_shared = tmp_path / "shared"
    empty_shared.mkdir()  # no public datasets: trains on the corrections alone
    switched_on = settings.data_dir / "models" / DOMAIN_MODEL_FILE
    try:
        result = run_train(settings, empty_shared, force=False)
        assert result["switched"] is True and result["corrections"] == 19
        engine = load_engine("domain", settings.data_dir / "models")
        assert switched_on.exists() and engine.version == result["version"]
        assert engine.score("感谢物业及时维修电梯") > engine.score("暖气不热投诉没人管")
    finally:
        switched_on.unlink(missing_ok=True)  # later tests must see the committed model


def test_the_shipped_topic_models_rebuild_byte_for_byte(tmp_path: Path) -> None:
    """Every committed model must come back from the public data alone (scope: tests/analysis/test_scope.py)."""
    shared = shared_path("data", "tipdm2020_c_smart_gov").parents[1]
    report = rebuild_shipped(shared, tmp_path, ("topics",))
    assert set(report) == {"topic_ngram_lr.json.gz", "stance_ngram_lr.json.gz"}
    assert all(entry["identical"] for entry in report.values()), report


def test_the_crisis_model_rebuilds_byte_for_byte(tmp_path: Path) -> None:
    """Trained on our own labelled sets only, so it needs no shared data."""
    report = rebuild_shipped(tmp_path, tmp_path / "out", ("crisis",), need_data=False)
    assert report == {"crisis_ngram_lr.json.gz": {"rebuilt": str(tmp_path / "out" / "crisis_ngram_lr.json.gz"),
                                                   "identical": True}}  # fmt: skip


def test_the_event_pair_judge_rebuilds_byte_for_byte(tmp_path: Path) -> None:
    """Trained on our labelled event sets alone: a set added without retraining fails here."""
    report = rebuild_shipped(tmp_path, tmp_path / "out", ("events",), need_data=False)
    assert report["event_pairs.json.gz"]["identical"], report
