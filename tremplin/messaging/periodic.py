"""Run a job now, or every N seconds until SIGTERM/SIGINT (for commands run as a service)."""

import signal
import threading
from collections.abc import Callable
from types import FrameType


def run_every(job: Callable[[], object], *, seconds: float, rounds: int = 0) -> int:
    """Call ``job`` every ``seconds`` (0: once); stop after ``rounds`` calls (0: never) or on
    SIGTERM/SIGINT, finishing the round in progress. Return the number of rounds run."""
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    done = 0
    try:
        while not stop.is_set():
            job()
            done += 1
            if seconds <= 0 or (rounds and done >= rounds):
                break
            stop.wait(seconds)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return done
