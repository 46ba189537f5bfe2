"""Fixtures of the hardening tests: the hostile corpus (built once per session), the trap server
its files point at, and a guard that fails a test on any outgoing connection from Python."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from hostile import Case, Trap, TrapHandler, build_corpus  # noqa: E402


@pytest.fixture(scope="session")
def trap() -> Iterator[Trap]:
    """A local HTTP server recording every request: the hostile files point their URLs at it."""
    server = Trap(("127.0.0.1", 0), TrapHandler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, trap: Trap) -> dict[str, Case]:
    return build_corpus(tmp_path_factory.mktemp("hostile"), f"http://127.0.0.1:{trap.server_port}")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail on any outgoing connection from Python code (libxml2's own fetching is caught by the trap)."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object, *args: object) -> None:
        attempts.append(address)
        raise AssertionError(f"a network connection to {address!r} was attempted")

    def refuse_create(address: object, *args: object, **kw: object) -> socket.socket:
        attempts.append(address)
        raise AssertionError(f"a network connection to {address!r} was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse_create)
    return attempts
