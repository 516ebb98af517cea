"""Serve the sample site from a background thread with a real threaded WSGI server."""

from __future__ import annotations

import logging
import threading
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from crawlers.sample_site.app import create_app

log = logging.getLogger(__name__)


class _QuietHandler(WSGIRequestHandler):
    """Request lines go to debug logging, not stderr: the crawl log already has them."""

    def log(self, type: str, message: str, *args: Any) -> None:
        log.debug("sample site %s: " + message, type, *args)


class SampleServer:
    """A running sample site; ``url`` is its base URL, ``stop()`` shuts it down."""

    def __init__(self, server: BaseWSGIServer) -> None:
        self._server = server
        self.host = server.server_address[0]
        self.port = server.server_port
        self.url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout)


def serve_sample_site(host: str = "127.0.0.1", port: int = 0, app: Any = None) -> tuple[SampleServer, str]:
    """Start the sample site (or ``app``, e.g. a test wrapper) and return (server, base URL).

    ``port=0`` picks a free port, so several sites can run side by side in tests.
    """
    wsgi_app = app if app is not None else create_app()
    server = SampleServer(make_server(host, port, wsgi_app, threaded=True, request_handler=_QuietHandler))
    server.start()
    log.info("sample site serving at %s", server.url)
    return server, server.url


def stop(server: SampleServer) -> None:
    server.stop()
