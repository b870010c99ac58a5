"""A real HTTP server on 127.0.0.1 for the fetch and watch tests: it serves what a test puts in
``routes`` and logs every request with its time, so tests can check politeness and validators."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answered 304 when the client sends it back
    then: list[Route] = field(default_factory=list)  # answers after this one, in turn
    delay: float = 0.0  # seconds before answering
    gzip: bool = False


@dataclass
class Hit:
    at: float  # time.monotonic() when the request came
    path: str
    headers: dict[str, str]
    status: int


class WebServer:
    """``routes`` maps a path (with its query) to a ``Route``; anything else is a 404."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Hit] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def hits(self, path: str) -> list[Hit]:
        with self._lock:
            return [hit for hit in self.log if hit.path == path]

    def _answer(self, path: str, headers: dict[str, str]) -> tuple[Route, int]:
        with self._lock:
            route = self.routes.get(path)
            if route is None:
                status = 404
            else:
                if route.then:  # the next scripted answer is served next time
                    self.routes[path] = route.then[0]
                    route.then[0].then = route.then[1:] + route.then[0].then
                unchanged = route.etag and headers.get("if-none-match") == route.etag
                status = 304 if unchanged else route.status
            self.log.append(Hit(time.monotonic(), path, headers, status))
            return route or Route(b"not here", 404), status

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms stall

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                route, status = server._answer(self.path, headers)
                if route.delay:
                    time.sleep(route.delay)
                body = b"" if status == 304 else route.body
                if route.gzip:
                    body = gzip.compress(body)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", route.content_type)
                    if route.gzip:
                        self.send_header("Content-Encoding", "gzip")
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (a page over its size cap)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@contextmanager
def serving() -> Iterator[WebServer]:
    with WebServer() as server:
        yield server


def article_page(title: str, paragraphs: list[str], canonical: str | None = None,
                 charset: str = "utf-8") -> str:  # fmt: skip
    """An HTML news page with a headline, a date and a body trafilatura extracts."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{link}'
        '<meta property="og:site_name" content="Test Gazette">'
        '<meta name="date" content="2025-03-04"></head><body><nav><a href="/">Home</a></nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>© Test Gazette</footer></body></html>"
    )


def rss(items: list[tuple[str, str]], title: str = "Test Gazette") -> str:
    """An RSS feed of (title, link) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        "<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>"
        for t, link in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://example.invalid/</link>{entries}</channel></rss>")
