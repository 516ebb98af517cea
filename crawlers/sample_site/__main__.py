"""Serve the sample site until interrupted: ``python -m crawlers.sample_site --port 8765``."""

from __future__ import annotations

import argparse
import logging
import threading

from crawlers.sample_site.server import serve_sample_site


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the sample site of every source on this machine.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    server, url = serve_sample_site(args.host, args.port)
    print(f"sample site at {url}  (crawl it with base_url={url})", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
