"""A real OpenID Connect provider process on 127.0.0.1 for the single sign-on tests.

PyPI's `oidc-provider-mock` (a dev dependency): discovery, a login form at /oauth2/authorize,
signed ID tokens, userinfo, and PUT /users/<sub> to set the claims a person will be given.
It runs from a temporary folder, outside the project root, so that our `requests` app does not
shadow anything it imports.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# Ports of this project's SSO tests (override with OIDC_TEST_PORTS="first-last").
PORTS = os.environ.get("OIDC_TEST_PORTS", "18851-18899")


def _free_port() -> int:
    first, last = (int(part) for part in PORTS.split("-"))
    for port in range(first, last + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


class OidcProvider:
    def __init__(self, workdir, command=None):
        """`command(url)`, when given, is the argv that starts a provider on `url`."""
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        argv = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command(self.url) if command else argv,
            cwd=workdir,
            env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": ""},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the OIDC provider did not start:\n" + self.process.stdout.read())
            try:
                with urllib.request.urlopen(
                    f"{self.url}/.well-known/openid-configuration", timeout=2
                ) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the OIDC provider did not answer within 30 s")

    def set_user(self, sub: str, **claims) -> None:
        """The claims the provider gives `sub` from the next sign-in on."""
        body = json.dumps({"email": sub, **claims}).encode()
        request = urllib.request.Request(
            f"{self.url}/users/{urllib.parse.quote(sub)}",
            data=body,
            method="PUT",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert answer.status == 204, answer.status

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.stdout.read() if self.process.stdout else ""


def configure(
    settings, provider: OidcProvider, role_map="cultuur-adviseurs:advisor,cultuur-managers:manager"
):
    """Point the project's settings at `provider`, as the OIDC_* variables would."""
    settings.OIDC_SERVER_URL = provider.url
    settings.OIDC_CLIENT_ID = "cultuur-test"
    settings.OIDC_CLIENT_SECRET = "test-secret"
    settings.OIDC_ENABLED = True
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = [item for item in role_map.split(",") if item]
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": "gemeente",
                    "name": "Gemeente",
                    "client_id": "cultuur-test",
                    "secret": "test-secret",
                    "settings": {"server_url": provider.url, "verified_email": True},
                }
            ],
        }
    }
    policy = {**settings.CONTENT_SECURITY_POLICY}
    directives = {**policy["DIRECTIVES"], "form-action": ["'self'", provider.url]}
    settings.CONTENT_SECURITY_POLICY = {**policy, "DIRECTIVES": directives}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def authorize_at_provider(authorize_url: str, sub: str) -> str:
    """Submit the provider's login form as `sub`; returns where it sends the browser back to."""
    opener = urllib.request.build_opener(_NoRedirect)
    body = urllib.parse.urlencode({"sub": sub}).encode()
    try:
        opener.open(urllib.request.Request(authorize_url, data=body, method="POST"), timeout=10)
    except urllib.error.HTTPError as redirect:
        assert redirect.code in (302, 303), redirect.code
        return redirect.headers["Location"]
    raise AssertionError("the provider did not redirect back")


def sign_in_with_test_client(client, sub: str):
    """The whole code flow with Django's test client on our side and the real provider on the other."""
    start = client.post("/accounts/oidc/gemeente/login/", {"process": "login"})
    assert start.status_code == 302, start.status_code
    back = urllib.parse.urlsplit(authorize_at_provider(start["Location"], sub))
    return client.get(f"{back.path}?{back.query}")
