"""The triage queue: order, filters, pagination and what each row shows."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.web.conftest import login, text
from tests.web.seed import SPECS, Seeded


def positions(page: str, titles: list[str]) -> list[int]:
    found = [page.find(title) for title in titles]
    assert all(p >= 0 for p in found), dict(zip(titles, found, strict=True))
    return found


def expected_order() -> list[str]:
    """Urgency high to low, then newest (smallest age) first."""
    return [s.title for s in sorted(SPECS, key=lambda s: (-s.urgency, s.age_hours))]


def test_queue_is_sorted_by_urgency_then_newest(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    page = text(client.get("/queue"))
    found = positions(page, expected_order())
    assert found == sorted(found)
    assert expected_order()[0] == "友谊路小区燃气泄漏 有人头晕送医"  # u4 and the newest


def test_queue_rows_show_labels_tags_offices_and_deadline(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    page = text(client.get("/queue"))
    for needle in ("特急", "紧急", "一般", "较低", "负面", "正面", "温度不达标", "人民网领导留言板", "微博",
                   "供热燃气处", "执法监督处", "超期", "待分拣", "已分派", "共 <strong>8</strong> 条"):  # fmt: skip
        assert needle in page, needle
    # The current analysis wins over the superseded one (which said 其他 / 咨询 / 较低 for all).
    assert page.count('class="badge u1"') == 2


def test_filters_by_urgency_topic_office_and_status(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    crisis = text(client.get("/queue?urgency=4"))
    assert "共 <strong>2</strong> 条" in crisis and "暖气不热" not in crisis
    heating = text(client.get("/queue?topic=供热"))
    assert "共 <strong>1</strong> 条" in heating and "暖气不热" in heating
    propaganda = text(client.get("/queue?office=宣传处"))
    assert "共 <strong>2</strong> 条" in propaganda and "感谢质量安全处" in propaganda
    new = text(client.get("/queue?status=new"))
    assert "共 <strong>1</strong> 条" in new and "外墙脱落" in new
    junk = text(client.get("/queue?urgency=9&page=abc"))  # bad values are ignored, not errors
    assert "共 <strong>8</strong> 条" in junk


def test_pagination_keeps_filters_and_order(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    first = text(client.get("/queue?per_page=3"))
    second = text(client.get("/queue?per_page=3&page=2"))
    order = expected_order()
    assert all(t in first for t in order[:3]) and not any(t in first for t in order[3:])
    assert all(t in second for t in order[3:6]) and not any(t in second for t in order[:3])
    assert "第 1 / 3 页" in first
    assert 'href="/queue?page=2&amp;per_page=3"' in first
    filtered = text(client.get("/queue?office=信访处&per_page=1"))
    assert "office=%E4%BF%A1%E8%AE%BF%E5%A4%84" in filtered  # the next-page link keeps the filter
