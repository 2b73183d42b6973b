"""A real S3-protocol server (moto's server mode) in its own process, for the object-storage tests.

It runs outside the project root: moto imports the PyPI `requests` library, which our `requests`
app would shadow there (DESIGN.md, "Known constraint").
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid

import boto3
import pytest
from botocore.config import Config

PORT = int(os.environ.get("CULTUUR_TEST_S3_PORT", "18801"))


def free_port(preferred: int) -> int:
    """The preferred port, or any free one when another test run on this machine holds it."""
    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError("no free port for the S3 server")


ACCESS_KEY = "cultuur-test"
SECRET_KEY = "cultuur-test-secret"
REGION = "eu-west-1"


class S3Server:
    def __init__(self, port: int):
        self.port = port
        self.endpoint_url = f"http://127.0.0.1:{port}"
        self.workdir = tempfile.mkdtemp(prefix="cultuur-moto-")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            cwd=self.workdir,
            env={**os.environ, "PYTHONPATH": ""},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto server exited: {self.process.stdout.read()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"moto server did not listen on {port} within 30 s")

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
            config=Config(s3={"addressing_style": "path"}),
        )

    def new_bucket(self) -> str:
        name = f"cultuur-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
        return name

    def storage_settings(self, bucket: str) -> dict:
        """The STORAGES["default"] that cultuur/settings.py builds from the AWS_* variables."""
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": self.endpoint_url,
                "region_name": REGION,
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
                "custom_domain": None,
                "querystring_auth": True,
                "querystring_expire": 3600,
                "addressing_style": "path",
                "default_acl": None,
                "file_overwrite": False,
                "location": "",
            },
        }

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def s3_server():
    server = S3Server(free_port(PORT))
    yield server
    server.stop()


@pytest.fixture
def s3_media(s3_server, settings):
    """Media go to a fresh bucket on the S3 server for this test; yields the bucket's name."""
    bucket = s3_server.new_bucket()
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.storage_settings(bucket)}
    yield bucket
