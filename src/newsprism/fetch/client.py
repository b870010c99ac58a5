"""A polite HTTP client for news sites (httpx underneath).

Per host (``scheme://host:port``): robots.txt is read first (its redirects followed) and obeyed
(its Crawl-delay too), one request at a time, and a delay between requests; different hosts are
fetched side by side (``fetch_many``). Redirects are followed by hand, at most
``max_redirects``, each hop checked against its host's robots.txt and politeness; a loop is
named as such. 429 and 5xx answers are retried with exponential backoff, or after the
Retry-After the server gives when that is not too long (else the answer is returned with
``retry_after`` set: try again later). Bodies are
streamed and abandoned past ``max_bytes`` (after decompression, so a gzip bomb stops too).
ETag / Last-Modified validators make conditional requests, answered 304 when nothing changed.
Every failure is a ``Fetched`` with a one-line ``error``, never an exception.

A URL found in a source (a feed's link, a redirect) may point inside the network the watch runs
in (a cloud's metadata address, an intranet): with ``public_only``, only hosts the user named
(``trust``) may resolve to a loopback, private or link-local address; any other such host is
refused before it is connected to. (A name that resolves differently by the time of the
connection is not caught: this guards against links, not against hostile DNS.)
"""

from __future__ import annotations

import ipaddress
import logging
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from typing import NamedTuple, Self
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newsprism.fetch.urls import host_of
from newsprism.settings import FetchSettings

ROBOTS_TTL = 24 * 3600.0  # seconds a host's robots.txt is trusted before it is read again
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class Request(NamedTuple):
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int = 0  # the last HTTP status; 0 when no answer came
    body: bytes = b""
    content_type: str = ""  # media type, lower case, without parameters
    charset: str | None = None  # from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None  # one line: why there is nothing to read
    retry_after: float | None = None  # seconds the server asked to wait, not waited for
    location: str | None = None  # where a redirect points
    transient: bool = False  # a failure worth trying again later (rate limit, 5xx, network)
    elapsed: float = 0.0  # seconds, politeness waits included

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


@dataclass
class _Host:
    """One host's politeness gate and robots.txt."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0  # monotonic time of the next request allowed
    delay: float = 0.0
    robots: RobotFileParser | None = None
    robots_at: float = 0.0


class Fetcher:
    """Fetch URLs politely; safe to share between threads. Close it (or use ``with``)."""

    def __init__(
        self, settings: FetchSettings | None = None, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.settings = settings or FetchSettings()
        # httpx logs every request at INFO: a library that configures logging must not turn a
        # watch's output into one line per page (failures are reported, one line each).
        logging.getLogger("httpx").setLevel(logging.WARNING)
        self._client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent},
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=False,
            transport=transport,
            limits=httpx.Limits(max_connections=self.settings.workers * 2),
        )
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._trusted: set[str] = set()

    def trust(self, url: str) -> None:
        """Let ``url``'s host be on a private address: the user named it."""
        self._trusted.add(host_of(url))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, request: Request | str) -> Fetched:
        """GET one URL: robots.txt, politeness, redirects, retries, size cap."""
        request = Request(request) if isinstance(request, str) else request
        started = time.monotonic()
        visited: list[str] = []
        url = request.url
        while True:
            if url in visited:
                loop = " -> ".join([*visited[visited.index(url):], url])
                return self._failed(request, url, f"redirect loop: {loop}", started)
            if len(visited) > self.settings.max_redirects:
                return self._failed(
                    request, url, f"more than {self.settings.max_redirects} redirects", started
                )
            visited.append(url)
            host = self._host(url)
            refused = self._address_refusal(url) or self._robots_refusal(host, url)
            if refused is not None:
                return replace(refused, url=request.url, elapsed=time.monotonic() - started)
            fetched = self._get(host, request._replace(url=url))
            if fetched.location:
                url = urljoin(url, fetched.location)
                continue
            return replace(fetched, url=request.url, elapsed=time.monotonic() - started)

    def robots_sitemaps(self, url: str) -> list[str]:
        """The sitemaps ``url``'s host lists in its robots.txt (read when it was fetched)."""
        host = self._host(url)
        return list(host.robots.site_maps() or []) if host.robots is not None else []

    def fetch_many(
        self, requests: Iterable[Request | str], skip: Callable[[str], bool] | None = None
    ) -> Iterator[Fetched]:
        """Fetch every request, hosts side by side, each host's in order; results come as
        they are ready.

        With ``skip``, a host's next request waits until the caller has handled its previous
        result (asked for the one after it), and is not made when ``skip(url)`` says so: what
        a page taught the caller (the URL it redirected to, its canonical link) spares the
        request for that URL later in the same call. Politeness spaces a host's requests
        anyway, so the wait costs little. A skipped request gives no result."""
        by_host: dict[str, list[Request]] = {}
        for request in requests:
            request = Request(request) if isinstance(request, str) else request
            by_host.setdefault(host_of(request.url), []).append(request)
        if not by_host:
            return
        results: queue.Queue[tuple[Fetched | None, threading.Semaphore]] = queue.Queue()
        stopped = threading.Event()  # the caller stopped asking: let every worker end

        def work(host_requests: list[Request]) -> None:
            handled = threading.Semaphore(0)  # released as the caller asks for the next result
            for n, request in enumerate(host_requests):
                while n and skip is not None and not handled.acquire(timeout=0.05):
                    if stopped.is_set():
                        return
                if stopped.is_set():
                    return
                if skip is not None and skip(request.url):
                    results.put((None, handled))
                    continue
                try:
                    result = self.fetch(request)
                except Exception as exc:  # a bug must not leave the caller waiting for ever
                    why = f"fetch failed: {type(exc).__name__}: {exc}"
                    result = Fetched(request.url, request.url, error=why)
                results.put((result, handled))

        total = sum(map(len, by_host.values()))
        workers = min(self.settings.workers, len(by_host))
        with ThreadPoolExecutor(workers, thread_name_prefix="newsprism-fetch") as pool:
            futures = [pool.submit(work, batch) for batch in by_host.values()]
            try:
                for _ in range(total):
                    result, handled = results.get()
                    if result is not None:
                        yield result
                    handled.release()
            finally:
                stopped.set()
            for future in futures:
                future.result()

    # --- one host --------------------------------------------------------------------------

    def _host(self, url: str) -> _Host:
        key = host_of(url)
        with self._hosts_lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(delay=self.settings.delay)
            return self._hosts[key]

    def _address_refusal(self, url: str) -> Fetched | None:
        """Why ``url``'s host may not be connected to (see the module's note), else ``None``."""
        if not self.settings.public_only or host_of(url) in self._trusted:
            return None
        parts = urlsplit(url)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            found = socket.getaddrinfo(parts.hostname or "", port, type=socket.SOCK_STREAM)
        except (socket.gaierror, ValueError) as exc:
            why = getattr(exc, "strerror", None) or str(exc)
            return Fetched(url, url, error=f"cannot resolve {parts.hostname} ({why})",
                           transient=True)  # fmt: skip
        for *_, address in found:
            ip = ipaddress.ip_address(address[0])
            ip = getattr(ip, "ipv4_mapped", None) or ip
            if not ip.is_global:
                return Fetched(url, url, error=f"refused: {parts.hostname} is a non-public "
                               f"address ({ip}) and not a source you named")  # fmt: skip
        return None

    def _robots_refusal(self, host: _Host, url: str) -> Fetched | None:
        """Why robots.txt forbids ``url`` (or could not be read), else ``None``."""
        if host.robots is None or time.monotonic() - host.robots_at > ROBOTS_TTL:
            robots_url = urljoin(host_of(url), "/robots.txt")
            answer = self._robots_answer(robots_url)
            if answer.status == 0:  # unreachable host: say so, and read robots.txt next time
                return replace(answer, final_url=url)
            parser = RobotFileParser(robots_url)
            if answer.status in (401, 403):
                parser.disallow_all = True
            elif answer.status >= 500 or answer.retry_after is not None:
                # RFC 9309: a robots.txt that cannot be read for a server error forbids all.
                why = f"robots.txt unavailable (HTTP {answer.status}); not fetching for now"
                return Fetched(url, url, answer.status, error=why, transient=True,
                               retry_after=answer.retry_after)  # fmt: skip
            elif answer.status >= 400:
                parser.allow_all = True
            else:
                parser.parse(answer.body.decode("utf-8", "replace").splitlines())
            crawl_delay = parser.crawl_delay(self.settings.user_agent)
            host.delay = max(self.settings.delay, float(crawl_delay or 0))
            host.robots, host.robots_at = parser, time.monotonic()
        if not host.robots.can_fetch(self.settings.user_agent, url):
            return Fetched(url, url, error="disallowed by robots.txt")
        return None

    def _robots_answer(self, robots_url: str) -> Fetched:
        """The answer for a host's robots.txt, its redirects followed (RFC 9309: at least five;
        past those it is unavailable, as a 4xx is), each hop under its own host's politeness.
        A redirect read as an empty robots.txt allowed everything the real one forbids."""
        url = robots_url
        for _ in range(max(5, self.settings.max_redirects) + 1):
            refused = self._address_refusal(url)
            if refused is not None:
                return refused
            answer = self._get(self._host(url), Request(url))
            if answer.location is None:
                return answer
            url = urljoin(url, answer.location)
        return replace(answer, location=None, status=404)

    def _get(self, host: _Host, request: Request) -> Fetched:
        """One URL, no redirects followed, retried on 429/5xx."""
        for attempt in range(self.settings.retries + 1):
            fetched = self._once(host, request)
            if fetched.status not in RETRY_STATUSES:
                return fetched
            wait = fetched.retry_after
            if wait is None:
                wait = self.settings.backoff * 2**attempt
            if attempt == self.settings.retries or wait > self.settings.max_wait:
                tries = f"{attempt + 1} tr{'ies' if attempt else 'y'}"
                return replace(fetched, retry_after=wait, transient=True,
                               error=f"{fetched.error} ({tries}; retry in {wait:g} s)")
            with host.lock:  # every request to this host waits, as the server asked
                host.next_at = max(host.next_at, time.monotonic() + wait)
        raise AssertionError("unreachable")

    def _once(self, host: _Host, request: Request) -> Fetched:
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        with host.lock:
            pause = host.next_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                return self._stream(request, headers)
            finally:
                host.next_at = time.monotonic() + host.delay

    def _stream(self, request: Request, headers: dict[str, str]) -> Fetched:
        url = request.url
        limit = self.settings.max_bytes
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                answer = _answer(request, response)
                if response.status_code in REDIRECT_STATUSES:
                    location = response.headers.get("location")
                    if not location:
                        return replace(answer, error=f"HTTP {answer.status} without a Location")
                    return replace(answer, location=location)
                if response.status_code == 304:
                    return answer
                if response.status_code != 200:
                    return replace(answer, error=answer.error or f"HTTP {response.status_code}")
                declared = int(response.headers.get("content-length") or 0)
                if declared > limit:
                    return replace(answer, error=_too_large(declared, limit))
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        return replace(answer, error=_too_large(size, limit, stopped=True))
                    chunks.append(chunk)
                return replace(answer, body=b"".join(chunks))
        except httpx.TimeoutException:
            return Fetched(url, url, error=f"timed out after {self.settings.timeout:g} s",
                           transient=True)  # fmt: skip
        except httpx.DecodingError as exc:
            return Fetched(url, url, error=f"cannot decompress the answer ({exc})")
        except (httpx.TransportError, httpx.InvalidURL) as exc:
            return Fetched(url, url, error=f"cannot connect ({exc or type(exc).__name__})",
                           transient=True)  # fmt: skip

    def _failed(self, request: Request, url: str, error: str, started: float) -> Fetched:
        return Fetched(request.url, url, error=error, elapsed=time.monotonic() - started)


def _answer(request: Request, response: httpx.Response) -> Fetched:
    """What the headers say; the body is read by the caller."""
    media, _, params = response.headers.get("content-type", "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ")
    status = response.status_code
    retry_after = _retry_after(response.headers.get("retry-after"))
    return Fetched(
        request.url, request.url, status=status, content_type=media.strip().lower(),
        charset=charset, etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        error=f"HTTP {status}" if status in RETRY_STATUSES else None,
        retry_after=retry_after if status in RETRY_STATUSES else None,
    )  # fmt: skip


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait, from a Retry-After header in seconds or as an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _too_large(size: int, limit: int, stopped: bool = False) -> str:
    what = f"over {size / 1e6:.1f} MB, stopped reading" if stopped else f"{size / 1e6:.1f} MB"
    return f"page is {what} (the limit is {limit / 1e6:g} MB)"
