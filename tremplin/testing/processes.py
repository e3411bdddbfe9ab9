"""Servers the tests start as child processes: a free port, a child that dies with pytest,
and waiting until it listens."""

import contextlib
import ctypes
import functools
import signal
import socket
import subprocess
import time
from collections.abc import Callable

HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on (at the moment of asking)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def die_with_parent() -> Callable[[], object] | None:
    """What a child server runs before it starts: ask Linux for SIGTERM if pytest dies first.

    prctl is looked up here, in the parent, so the forked child only makes the call.
    """
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return functools.partial(prctl, 1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def wait_for(process: subprocess.Popen[bytes], port: int, timeout: float = 15) -> bool:
    """Whether the process listens on the port within the timeout (False if it died)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return True
        time.sleep(0.05)
    return False
