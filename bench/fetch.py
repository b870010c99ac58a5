"""Pages fetched and extracted per second from local servers, and the memory of a long watch.

    python bench/fetch.py [--pages 400] [--hosts 4] [--delay 0.05] [--urls 20000]

Every page comes from HTTP servers on 127.0.0.1 started here (one per host, each a port),
serving generated news pages (headline, date, 150 words of body in ``<article>``, navigation
and footer around it), each distinct. Measured side by side on the same ``--pages`` URLs, spread
over the hosts:

- ``newsprism``: ``Fetcher.fetch_many`` + ``page_articles`` (robots.txt read per host, one
  request at a time per host, hosts side by side, trafilatura extraction through
  ``ingest/html.py``, canonical URL), with no delay and with ``--delay`` per host;
- ``trafilatura``: its own loop, ``fetch_url`` then ``extract`` (with metadata), one page after
  the other: what its documentation shows for a list of URLs; no robots.txt, no politeness
  (its SSRF protection, which refuses loopback addresses, turned off for the bench).

Then a watch (``--urls`` pages listed in one sitemap per host, no delay, no analysis and no
search index, so fetching, the frontier and storing are what is measured) in a fresh process:
its pages/s and resident memory after a quarter and after all of the URLs (the frontier and
the fetch log live in the store, so memory should not grow with the URLs seen).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("harbour", "port", "union", "strike", "ships", "council", "mayor", "budget", "court",
         "ruling", "minister", "ferry", "storm", "flood", "bridge", "rail", "station", "police",
         "report", "talks", "wages", "workers", "crews", "cargo", "container", "offshore",
         "statement", "operator", "passengers", "election", "vote", "members", "authority",
         "million", "percent", "week", "monday", "tuesday", "officials", "agreement", "dispute",
         "inquiry")


def page_html(host: int, number: int) -> bytes:
    """A distinct article page: its words are drawn with the page's own seed."""
    draw = random.Random(host * 1_000_003 + number)
    sentences = [" ".join(draw.choice(WORDS) for _ in range(15)).capitalize() + "."
                 for _ in range(10)]  # fmt: skip
    body = "".join(f"<p>{s}</p>" for s in sentences)
    title = f"Report {number} from desk {host}"
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="date" content="2025-03-04"></head><body><nav><a href="/">Home</a>'
            f'<a href="/world">World</a></nav><article><h1>{title}</h1>{body}</article>'
            "<footer>© Desk</footer></body></html>").encode()


def sitemap(base: str, count: int) -> bytes:
    urls = "".join(f"<url><loc>{base}/p/{n}</loc></url>" for n in range(count))
    return (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>").encode()


def start_server(host: int, pages: int) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms ACK stall

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body, kind = b"User-agent: *\nDisallow: /private/\n", "text/plain"
            elif self.path == "/sitemap.xml":
                body, kind = sitemap(base, pages), "application/xml"
            elif self.path.startswith("/p/"):
                body, kind = page_html(host, int(self.path[3:])), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def ours(urls: list[str], delay: float) -> tuple[float, int]:
    from newsprism.errors import InputError
    from newsprism.fetch import Fetcher, FetchSettings, page_articles

    started = time.perf_counter()
    read = 0
    with Fetcher(FetchSettings(delay=delay, public_only=False)) as fetcher:  # on 127.0.0.1
        for fetched in fetcher.fetch_many(urls):
            read += sum(not isinstance(x, InputError) for x in page_articles(fetched))
    return len(urls) / (time.perf_counter() - started), read


def trafilatura_loop(urls: list[str]) -> tuple[float, int]:
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()  # trafilatura refuses loopback addresses unless told otherwise
    config.set("DEFAULT", "SSRF_PROTECTION", "off")
    started = time.perf_counter()
    read = 0
    for url in urls:
        downloaded = trafilatura.fetch_url(url, config=config)
        read += trafilatura.extract(downloaded, url=url, with_metadata=True) is not None
    return len(urls) / (time.perf_counter() - started), read


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def watch_memory(sources: list[str], total: int) -> dict[str, float]:
    """Run in a fresh process: a watch over ``sources``, RSS sampled as batches are stored."""
    from newsprism.fetch.watch import Watch
    from newsprism.settings import Settings
    from newsprism.store import open_store

    samples: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory() as folder, open_store(f"{folder}/watch.db") as store:
        settings = Settings(fetch={"delay": 0.0}, watch={"batch_size": 64})
        watch = Watch(store, settings, index=False,
                      on_status=lambda _: samples.append((store.articles.count(), rss_mb())))
        watch.add_sources(sources)
        started = time.perf_counter()
        report = watch.run(once=True)
        elapsed = time.perf_counter() - started
        watch.close()
        stored = store.articles.count()
    quarter = next(mb for count, mb in samples if count >= total // 4)
    return {"urls": report.found, "stored": stored, "pages_per_s": report.fetched / elapsed,
            "rss_quarter_mb": quarter, "rss_end_mb": rss_mb(), "seconds": elapsed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--urls", type=int, default=20_000)
    parser.add_argument("--watch-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.watch_child:  # the watch's own process, so its memory is its own
        print(json.dumps(watch_memory(json.loads(args.watch_child), args.urls)))
        return
    per_host = args.pages // args.hosts
    servers = [start_server(h, max(per_host, args.urls // args.hosts)) for h in range(args.hosts)]
    urls = [f"{base}/p/{n}" for n in range(per_host) for _, base in servers]
    ours(urls[: args.hosts], 0.0)  # warm up: imports and trafilatura's first call
    rows = [
        ("newsprism, no delay", *ours(urls, 0.0)),
        (f"newsprism, {args.delay:g} s per host", *ours(urls, args.delay)),
        ("trafilatura fetch_url + extract", *trafilatura_loop(urls)),
    ]
    print(f"{len(urls)} pages on {args.hosts} hosts (127.0.0.1)")
    for name, rate, read in rows:
        print(f"  {name:34} {rate:7.1f} pages/s  ({read} articles)")
    print(f"  ratio newsprism (no delay) / trafilatura: {rows[0][1] / rows[2][1]:.2f}; "
          f"politeness bound at {args.delay:g} s: {args.hosts / args.delay:.0f} pages/s")
    sitemaps = [f"{base}/sitemap.xml" for _, base in servers]
    child = subprocess.run(
        [sys.executable, __file__, "--urls", str(args.urls), "--watch-child", json.dumps(sitemaps)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"watch over {result['urls']} URLs ({result['stored']} stored) in "
          f"{result['seconds']:.0f} s: {result['pages_per_s']:.1f} pages/s; resident memory "
          f"{result['rss_quarter_mb']:.0f} MB after a quarter, {result['rss_end_mb']:.0f} MB "
          "at the end")
    for server, _ in servers:
        server.shutdown()


if __name__ == "__main__":
    main()
