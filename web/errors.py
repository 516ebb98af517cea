"""Error pages in Chinese, JSON under ``/api/``; no stack traces ever reach a user (ASVS 16.5.1)."""

from __future__ import annotations

import logging
import secrets

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("请求无效", "请求内容有误，请返回后重试。"),
    401: ("需要登录", "请先登录。"),
    403: ("无权访问", "您的账号没有权限访问此页面。"),
    404: ("页面不存在", "您要找的页面不存在或已被移除。"),
    405: ("操作不允许", "此页面不支持该操作。"),
    413: ("内容过大", "提交的内容过大。"),
    500: ("服务器内部错误", "系统出现错误，请稍后重试；如问题持续，请将错误编号告知管理员。"),
}


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)


def _render(code: int, detail: str | None = None, ref: str | None = None) -> ResponseReturnValue:
    title, message = MESSAGES.get(code, MESSAGES[400] if code < 500 else MESSAGES[500])
    if request.path.startswith("/api/"):
        body = {"error": title, "message": detail or message, "status": code}
        if ref:
            body["ref"] = ref
        return jsonify(body), code
    return render_template("error.html", code=code, title=title, message=detail or message, ref=ref), code


def _csrf_error(_exc: CSRFError) -> ResponseReturnValue:
    return _render(400, "页面已过期或缺少安全令牌，请刷新页面后重新提交。")


def _http_error(exc: HTTPException) -> ResponseReturnValue:
    if exc.code is None or exc.code < 400:
        return exc
    return _render(exc.code)


def _unexpected(exc: Exception) -> ResponseReturnValue:
    # A short reference ties the user's report to the logged traceback.
    ref = secrets.token_hex(4)
    log.exception("unhandled error ref=%s path=%s", ref, request.path)
    return _render(500, ref=ref)
