"""The analyse stage on a Ray cluster, for archives too large for one machine's cores.

The spaCy analysis is most of ingest's cost and each article's is independent, so it is what
scales out: ``RayEngine`` sends a batch's articles in chunks to Ray tasks, each worker process
loads the spaCy pipeline once and returns plain ``Analysis`` objects. Everything that must see
the whole stream in order (duplicate detection, the store's transactions, story clustering)
stays in the ingesting process, unchanged, so a corpus ingested with Ray is the corpus ingested
without it. ``newsprism ingest --ray ADDRESS`` passes one as ``ingest_paths``'s ``analyse``.

Every node needs newsprism installed (``pip install 'newsprism[ray]'``); give ingest a
``--batch-size`` of a few hundred articles per node so that every worker has chunks to analyse
while the ingesting process stores the previous batch.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from newsprism.analyse.parallel import analyse_chunk
from newsprism.errors import EngineError
from newsprism.model import Analysis, Article

CHUNK = 8  # articles per task: small enough to spread a batch over every worker
CONNECT_SECONDS = 5.0


class RayEngine:
    """``analyse`` for ``ingest_paths`` on a Ray cluster.

    ``address`` is what ``ray.init`` takes: None or ``"local"`` starts a cluster on this
    machine with ``num_cpus`` workers (default: every core); ``"auto"`` joins the cluster this
    machine is a node of; ``"ray://host:10001"`` connects to a remote one. The cluster is
    joined at the first batch.
    """

    def __init__(self, address: str | None = None, *, num_cpus: int | None = None,
                 chunk: int = CHUNK) -> None:
        self.address = address
        self.num_cpus = num_cpus
        self.chunk = chunk

    def __call__(self, articles: list[Article]) -> Callable[[], list[Analysis]]:
        """Submit the batch's chunks now; the returned function waits for their analyses, in
        the input order."""
        ray = self._connect()
        chunks = [articles[i : i + self.chunk] for i in range(0, len(articles), self.chunk)]
        pending = [self.task_.remote(chunk) for chunk in chunks]
        return lambda: [a for chunk in ray.get(pending) for a in chunk]

    def _connect(self) -> Any:
        try:
            import ray
        except ImportError:
            raise EngineError("the Ray engine needs Ray: pip install 'newsprism[ray]'") from None
        if not hasattr(self, "task_"):
            local = self.address in (None, "local")
            if not local and self.address != "auto":
                _check_reachable(self.address)
            try:
                ray.init(address=None if local else self.address,
                         num_cpus=self.num_cpus if local else None,
                         include_dashboard=False, logging_level="ERROR",
                         ignore_reinit_error=True)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise EngineError(f"cannot join the Ray cluster at {self.address!r} "
                                  f"({exc}); is it running?") from None
            self.task_ = ray.remote(analyse_chunk)
        return ray


def _check_reachable(address: str) -> None:
    """Fail in seconds on a cluster that is down: Ray itself retries for minutes."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    try:
        socket.create_connection((host or "127.0.0.1", int(port)), timeout=CONNECT_SECONDS).close()
    except ValueError:
        raise EngineError(f"{address!r} is not a Ray address: give HOST:PORT, ray://HOST:PORT, "
                          "'auto' or 'local'") from None
    except OSError as exc:
        raise EngineError(f"cannot join the Ray cluster at {address!r} ({exc.strerror or exc}); "
                          "is it running?") from None
