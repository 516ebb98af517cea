"""Decoding legacy pages: the page's own charset wins over a lying header; GBK is GB18030."""

from __future__ import annotations

import codecs

from crawlers.decoding import decode_html, header_charset, meta_charset, normalise_charset

TEXT = "供热不达标，室温只有15℃"


def html(charset_tag: str, body: str = TEXT) -> str:
    return f"<html><head>{charset_tag}</head><body><p>{body}</p></body></html>"


def test_gb_family_decodes_as_gb18030() -> None:
    for name in ("gbk", "GB2312", "x-gbk", "gb18030"):
        assert normalise_charset(name) == "gb18030"
    assert normalise_charset("UTF8") == "utf-8"
    assert normalise_charset("no-such-charset") is None


def test_meta_charset_forms() -> None:
    assert meta_charset(html('<meta charset="gbk">').encode()) == "gb18030"
    assert meta_charset(html('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode()) == (
        "gb18030"
    )
    assert meta_charset(b"<html><head></head></html>") is None
    assert header_charset("text/html; charset=UTF-8") == "utf-8"
    assert header_charset(b"text/html") is None


def test_meta_gbk_without_header_charset() -> None:
    decoded = decode_html(html('<meta charset="gbk">').encode("gbk"), "text/html")
    assert TEXT in decoded.text and decoded.encoding == "gb18030" and not decoded.suspect


def test_header_claims_utf8_but_page_is_gbk() -> None:
    body = html('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk")
    decoded = decode_html(body, b"text/html; charset=utf-8")
    assert TEXT in decoded.text and decoded.encoding == "gb18030"


def test_undeclared_gbk_page_is_recognised() -> None:
    decoded = decode_html(html("").encode("gbk"), None)
    assert TEXT in decoded.text and decoded.encoding == "gb18030"


def test_utf8_page_with_bom() -> None:
    decoded = decode_html(codecs.BOM_UTF8 + html('<meta charset="gbk">').encode("utf-8"), "text/html; charset=gbk")
    assert TEXT in decoded.text and decoded.encoding == "utf-8-sig"


def test_garbled_page_is_flagged_suspect() -> None:
    body = html('<meta charset="utf-8">', "正文").encode("utf-8") + b"\xff\xfe\x80" * 40
    decoded = decode_html(body, "text/html; charset=utf-8")
    assert decoded.suspect
    assert "正文" in decoded.text
