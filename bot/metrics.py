"""Prometheus metrics and a health endpoint for the long-running processes.

The metrics live in prometheus_client's default registry; the code that does the work counts into
them. ``serve`` answers ``GET /metrics`` (Prometheus text format) and ``GET /healthz`` (``ok`` while
the process runs) from a daemon thread, on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from threading import Thread
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import Counter, Gauge, Histogram, make_wsgi_app

__all__ = [
    "COMMAND_SECONDS",
    "DELIVERIES",
    "FEED_POLLS",
    "INCIDENT_INDEX_SIZE",
    "MetricsServer",
    "serve",
]

DELIVERIES = Counter("newsdigest_deliveries", "Scheduled posts (digests, alerts, feed notices) by outcome: "
                     "sent, retried (failed, will be tried again) or failed (gave up)", ["outcome"])
FEED_POLLS = Counter("newsdigest_feed_polls", "Feed polls by outcome: updated, unchanged, failed or paused",
                     ["outcome"])
COMMAND_SECONDS = Histogram("newsdigest_command_seconds", "Time to answer a chat command", ["command"])
INCIDENT_INDEX_SIZE = Gauge("newsdigest_incident_index_size", "Incident records in the search index")

_HEALTH_PATH = "/healthz"
_METRICS_PATH = "/metrics"

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Scrapes every few seconds would flood the log."""


def _app() -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    metrics = make_wsgi_app()

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == _METRICS_PATH:
            result: Iterable[bytes] = metrics(environ, start_response)
            return result
        if path == _HEALTH_PATH:
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok\n"]
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"not found: try /metrics or /healthz\n"]

    return app


class MetricsServer:
    """The running endpoint; ``close()`` stops it."""

    def __init__(self, server: WSGIServer, thread: Thread) -> None:
        self._server = server
        self._thread = thread

    @property
    def port(self) -> int:
        """The port it listens on (useful when asked for port 0)."""
        return int(self._server.server_port)

    def close(self) -> None:
        """Stop serving and release the port."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def serve(host: str, port: int) -> MetricsServer:
    """Serve ``/metrics`` and ``/healthz`` on ``host:port`` from a daemon thread; raises ``OSError``
    when the address cannot be bound."""
    server = make_server(host, port, _app(), server_class=_ThreadingServer, handler_class=_QuietHandler)
    thread = Thread(target=server.serve_forever, name="metrics", daemon=True)
    thread.start()
    return MetricsServer(server, thread)
