"""Login, logout and the session lifecycle (ASVS 7.2.4, 7.4.1, 3.5.1)."""

from __future__ import annotations

from argon2 import PasswordHasher
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import AuditLog, User
from tests.web.conftest import csrf_token, login, text
from tests.web.seed import PASSWORD, Seeded
from web.auth import ABSOLUTE_TIMEOUT, IDLE_TIMEOUT

COOKIE = "yuqing_session"


def test_login_with_the_right_password_reaches_the_queue(client: FlaskClient, seeded: Seeded) -> None:
    response = login(client)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    page = client.get("/queue")
    assert page.status_code == 200
    assert "值班员王敏" in text(page)
    assert "舆情分拣" in text(page)


def test_wrong_password_shows_a_chinese_error_and_is_audited(
    client: FlaskClient, seeded: Seeded, session: Session
) -> None:
    response = login(client, password="wrong-password")
    assert response.status_code == 401
    assert "用户名或密码错误" in text(response)
    assert client.get("/queue").status_code == 302
    unknown = login(client, username="nobody", password="whatever")
    assert "用户名或密码错误" in text(unknown)  # same message: no account enumeration
    actions = session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions == ["login_failed", "login_failed"]


def test_inactive_user_cannot_log_in(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    session.get(User, seeded.duty.id).active = False
    session.commit()
    assert "用户名或密码错误" in text(login(client))


def test_post_without_csrf_token_is_rejected(client: FlaskClient, seeded: Seeded) -> None:
    response = client.post("/login", data={"username": "duty", "password": "x"})
    assert response.status_code == 400
    assert "安全令牌" in text(response)
    login(client)
    item_id = seeded.items["facade"].id
    routed = client.post(f"/items/{item_id}/route", data={"offices": ["宣传处"], "reason": "测试"})
    assert routed.status_code == 400
    assert "安全令牌" in text(routed)


def test_login_rotates_the_session_and_the_csrf_token(client: FlaskClient, seeded: Seeded) -> None:
    before_token = csrf_token(client, "/login")
    before_cookie = client.get_cookie(COOKIE).value
    login(client)
    assert client.get_cookie(COOKIE).value != before_cookie
    # A token issued before login must not work after it (flask-wtf#354).
    stale = client.post("/logout", data={"csrf_token": before_token})
    assert stale.status_code == 400
    assert client.get("/queue").status_code == 200


def test_logout_kills_every_copy_of_the_cookie(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    login(client)
    assert client.get("/queue").status_code == 200
    saved = client.get_cookie(COOKIE).value
    token = csrf_token(client, "/queue")
    response = client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert "您已安全退出" in text(client.get("/login"))
    client.set_cookie(COOKIE, saved)  # replay the cookie saved before logout
    replay = client.get("/queue")
    assert replay.status_code == 302
    assert replay.headers["Location"].startswith("/login")
    assert client.get("/api/v1/items").status_code == 401
    assert session.scalar(select(User.session_version).where(User.id == seeded.duty.id)) == 2


def test_logout_by_get_is_not_allowed(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    assert client.get("/logout").status_code == 405
    assert client.get("/queue").status_code == 200


def test_next_parameter_only_allows_local_paths(client: FlaskClient, seeded: Seeded) -> None:
    token = csrf_token(client, "/login")
    data = {"username": "duty", "password": PASSWORD, "csrf_token": token}
    response = client.post("/login?next=//evil.example/x", data=data)
    assert response.headers["Location"] == "/"
    client.post("/logout", data={"csrf_token": csrf_token(client, "/queue")})
    token = csrf_token(client, "/login")
    response = client.post("/login?next=/dashboard", data={**data, "csrf_token": token})
    assert response.headers["Location"] == "/dashboard"


def test_unauthenticated_pages_redirect_to_login(client: FlaskClient, seeded: Seeded) -> None:
    for path in ("/queue", "/inbox", "/dashboard", "/outbox", f"/items/{seeded.items['gas'].id}"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/login?next="), path


def test_office_staff_land_on_their_inbox_and_cannot_open_the_queue(client: FlaskClient, seeded: Seeded) -> None:
    login(client, "xinfang")
    assert client.get("/").headers["Location"] == "/inbox"
    assert client.get("/queue").status_code == 403
    assert "无权访问" in text(client.get("/dashboard"))


def test_idle_and_absolute_timeouts_end_the_session(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    with client.session_transaction() as cookie_session:
        cookie_session["seen_at"] -= IDLE_TIMEOUT + 1
    assert client.get("/queue").status_code == 302
    login(client)
    with client.session_transaction() as cookie_session:
        cookie_session["login_at"] -= ABSOLUTE_TIMEOUT + 1
    assert client.get("/queue").status_code == 302


def test_old_password_hash_is_upgraded_at_login(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)
    session.get(User, seeded.duty.id).password_hash = weak
    session.commit()
    assert login(client).status_code == 302
    session.expire_all()
    upgraded = session.get(User, seeded.duty.id).password_hash
    assert upgraded != weak and "m=19456,t=2,p=1" in upgraded


def test_repeated_failures_are_throttled_per_account_and_address(client: FlaskClient, seeded: Seeded) -> None:
    for _ in range(5):
        assert login(client, "duty", "wrong-password").status_code == 401
    refused = login(client, "duty")  # even the right password waits out the window
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 800
    assert "登录失败次数过多，请稍后再试" in text(refused)
    # A colleague at the same address, and the same account from another machine, are not locked out.
    assert login(client, "leader").status_code == 302
    other = client.application.test_client()
    token = csrf_token(other, "/login")
    elsewhere = other.post("/login", data={"username": "duty", "password": PASSWORD, "csrf_token": token},
                           environ_base={"REMOTE_ADDR": "10.1.2.3"})  # fmt: skip
    assert elsewhere.status_code == 302


def test_unknown_accounts_are_throttled_alike(client: FlaskClient, seeded: Seeded) -> None:
    for _ in range(5):
        assert login(client, "nobody", "x-password").status_code == 401
    assert login(client, "nobody", "x-password").status_code == 429
