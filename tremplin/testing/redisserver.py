"""A real Redis server for the tests that need one: Debian's ``redis-server`` on a free port
of 127.0.0.1, in memory only, started once per session and stopped with it."""

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tremplin.testing.processes import HOST, die_with_parent, free_port, wait_for

REDIS_SERVER = "/usr/bin/redis-server"


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a Redis server of the tests' own (``redis://127.0.0.1:PORT``)."""
    if not Path(REDIS_SERVER).exists():
        pytest.fail(f"{REDIS_SERVER} not found: run scripts/ensure-system-packages")
    directory = tmp_path_factory.mktemp("redis")
    port = free_port()
    command = [
        REDIS_SERVER, "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no",
        "--dir", str(directory), "--logfile", str(directory / "redis.log"),
    ]  # fmt: skip
    process = subprocess.Popen(command, preexec_fn=die_with_parent())
    try:
        if not wait_for(process, port):
            log = (directory / "redis.log").read_text(errors="replace")
            pytest.fail(f"redis-server did not start on port {port}:\n{log}")
        yield f"redis://{HOST}:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
