"""A real S3 API server for the tests: moto in server mode, on 127.0.0.1, for the session.

``s3_server`` gives its endpoint; ``s3_bucket`` a fresh bucket per test. The storage talks
to it over HTTP with boto3, exactly as it would to a provider.
"""

import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest

from tremplin.testing.processes import HOST, die_with_parent, free_port, wait_for

REGION = "eu-west-3"
ACCESS_KEY = "tremplin-test"
SECRET_KEY = "tremplin-test-secret"


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str

    def client(self) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    port = free_port()
    command = [sys.executable, "-m", "moto.server", "-H", HOST, "-p", str(port)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent()
    )
    try:
        if not wait_for(process, port, timeout=30):
            pytest.fail(f"the S3 server (moto) did not start: {' '.join(command)}")
        yield S3Server(endpoint_url=f"http://{HOST}:{port}")
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3_bucket(s3_server: S3Server) -> str:
    name = f"tremplin-{uuid.uuid4().hex[:12]}"
    s3_server.client().create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    return name
