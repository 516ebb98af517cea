from __future__ import annotations

from pathlib import Path

import pytest

from config import SettingsError, load_settings


def test_layers_defaults_file_and_environment(tmp_path: Path) -> None:
    override = tmp_path / "site.yaml"
    override.write_text("web:\n  port: 6000\nmail:\n  backend: smtp\n", encoding="utf-8")
    settings = load_settings(override, {"YUQING_WEB__PORT": "7000", "DATABASE_URL": "postgres://u@h/db"})
    assert settings.web.port == 7000  # environment beats the file
    assert settings.mail.backend == "smtp"  # the file beats the defaults
    assert settings.database_url == "postgresql+psycopg://u@h/db"
    with pytest.raises(AttributeError):
        settings.web.port = 1  # type: ignore[misc]


def test_every_bad_key_is_reported_at_once() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(environ={"YUQING_WEB__PORT": "abc", "YUQING_NOPE": "1", "YUQING_CRAWL__SAMPLE_SITE": "maybe"})
    problems = caught.value.problems
    assert len(problems) == 3
    assert any("web.port" in p for p in problems) and any("nope" in p for p in problems)
    assert any("crawl.sample_site" in p for p in problems)


def test_default_database_is_a_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    settings = load_settings(environ={"YUQING_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'yuqing.db'}"
    assert settings.uses_embedded_redis


def test_missing_override_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="not found"):
        load_settings(tmp_path / "missing.yaml", {})
