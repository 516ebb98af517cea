"""``python -m web [--host H] [--port P]``: serve the console with waitress.

A real WSGI server, never Flask's development server (which has a debugger and serves
one request at a time). Settings come from the usual places (``YUQING_*``, the override
file); the flags only override where to listen.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from types import FrameType

import waitress

from config import SettingsError, load_settings
from web import create_app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m web", description="yuqing 舆情监测控制台 (waitress)")
    parser.add_argument("--host", help="listen address (default: web.host)")
    parser.add_argument("--port", type=int, help="listen port (default: web.port; 0 picks a free one)")
    parser.add_argument("--threads", type=int, help="worker threads (default: web.threads)")
    parser.add_argument("--config", help="settings override file (default: $YUQING_CONFIG)")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(settings)
    server = waitress.create_server(
        app,
        host=args.host or settings.web.host,
        port=settings.web.port if args.port is None else args.port,
        threads=args.threads or settings.web.threads or 4,
        ident="yuqing",
    )
    server.print_listen("yuqing console on http://{}:{}/")
    signal.signal(signal.SIGTERM, _stop)  # a supervisor's SIGTERM closes sockets cleanly
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


def _stop(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
