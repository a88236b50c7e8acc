"""A local HTTP server whose routes the tests define: the stand-in for the internet."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    """A canned response; `delay` seconds pass before it is sent, and `drip` seconds between its body's bytes (a
    server that sends slowly)."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0


@dataclass
class Site:
    """Routes by path, and the paths requested so far (in order) with their headers and arrival times."""

    routes: dict[str, Page | Callable[[], Page]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    base_url: str = ""
    headers: list[dict[str, str]] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)  # time.time() when each request arrived

    def url(self, path: str) -> str:
        """The absolute URL of a path on this site."""
        return self.base_url + path


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve a site on 127.0.0.1 on a free port until the block ends."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            site.arrivals.append(time.time())
            site.headers.append(dict(self.headers.items()))
            site.requests.append(self.path)
            route = site.routes.get(self.path)
            page = route() if callable(route) else route or Page(b"not found", status=404, content_type="text/plain")
            time.sleep(page.delay)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            for name, value in page.headers.items():
                self.send_header(name, value)
            self.end_headers()
            # The client may have given up (a timeout test, or a killed worker).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.send_body(page)

        def send_body(self, page: Page) -> None:
            if not page.drip:
                self.wfile.write(page.body)
                return
            for byte in page.body:
                self.wfile.write(bytes([byte]))
                time.sleep(page.drip)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
