"""``/api/v1``: session or bearer token, 401 JSON otherwise, and the OpenAPI document."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.accounts import issue_token
from store.models import ApiToken, User
from store.types import utcnow
from tests.web.conftest import login
from tests.web.seed import SPECS, Seeded


def test_api_with_session_cookie(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    response = client.get("/api/v1/items")
    assert response.status_code == 200
    body = response.get_json()
    assert body["total"] == len(SPECS)
    assert [row["urgency"] for row in body["items"]] == sorted((s.urgency for s in SPECS), reverse=True)
    gas = next(row for row in body["items"] if row["external_id"] == "ext-gas")
    assert gas["source"] == "people_liuyan"
    assert gas["sentiment"] == {"score": 0.1, "label": "neg"}
    assert gas["topic"] == "燃气" and gas["tags"] == ["漏气"] and gas["request_type"] == "求助"
    assert gas["urgency_reasons"] == ["燃气泄漏：现实危险"]
    assert gas["event_id"] is not None
    assert {(o["name"], o["role"], o["status"]) for o in gas["offices"]} == {
        ("信访处", "主办", "open"),
        ("供热燃气处", "协办", "open"),
    }
    assert gas["offices"][0]["due_at"].endswith("+00:00")
    assert gas["published_at"].endswith("+00:00")


def test_api_with_bearer_token(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    token = issue_token(session, session.get(User, seeded.manager.id), "test")
    session.commit()
    response = client.get("/api/v1/items?per_page=2&page=2", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    body = response.get_json()
    assert (body["page"], body["per_page"], body["total"], body["pages"]) == (2, 2, len(SPECS), 4)
    assert len(body["items"]) == 2
    session.expire_all()
    assert session.scalar(select(ApiToken.last_used_at)) is not None


def test_api_without_credentials_is_401_json(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    for headers in ({}, {"Authorization": "Bearer yq_not-a-token"}, {"Authorization": "Basic ZHV0eTp4"}):
        response = client.get("/api/v1/items", headers=headers)
        assert response.status_code == 401, headers
        assert response.mimetype == "application/json"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert "访问令牌" in response.get_json()["message"]
    token = issue_token(session, session.get(User, seeded.duty.id), "revoked")
    session.scalar(select(ApiToken)).revoked_at = utcnow()
    session.commit()
    assert client.get("/api/v1/items", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_api_scopes_office_staff_to_their_office(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    token = issue_token(session, session.get(User, seeded.office_user.id), "office")
    session.commit()
    body = client.get("/api/v1/items", headers={"Authorization": f"Bearer {token}"}).get_json()
    expected = {f"ext-{s.key}" for s in SPECS if "信访处" in s.lead + s.support}
    assert {row["external_id"] for row in body["items"]} == expected


def test_openapi_document_describes_the_items_endpoint(client: FlaskClient) -> None:
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    assert doc["servers"][0]["url"].endswith("/api/v1")
    operation = doc["paths"]["/items"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"page", "per_page"}
    assert set(operation["responses"]) == {"200", "401"}
    item = doc["components"]["schemas"]["Item"]
    assert set(item["required"]) <= set(item["properties"])


def test_unknown_api_path_answers_json(client: FlaskClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["status"] == 404
