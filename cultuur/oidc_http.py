"""HTTP for django-allauth's OpenID Connect client without the PyPI `requests` library.

allauth talks to identity providers through `requests`, a name our own `requests` app takes in
this process (DESIGN.md, "Known constraint"). Its OAuth2 code needs only three things of that
library: `requests.RequestException` (caught), `requests.auth.HTTPBasicAuth` (client_secret_basic)
and a session from the social account adapter's `get_requests_session()`. This module offers the
three on the standard library, and `install()` hangs the first two on our app's module, so the
import `from requests import RequestException` in allauth finds them.
"""

import base64
import json
import sys
import types
import urllib.error
import urllib.parse
import urllib.request


class RequestException(Exception):
    """A failed call to the identity provider (network error or an error status)."""


class HTTPBasicAuth:
    def __init__(self, username: str, password: str):
        self.username, self.password = username, password

    def header(self) -> str:
        pair = f"{urllib.parse.quote(self.username)}:{urllib.parse.quote(self.password)}"
        return "Basic " + base64.b64encode(pair.encode()).decode()


class Response:
    def __init__(self, status_code: int, headers, content: bytes, url: str):
        self.status_code = status_code
        self.headers = {key.lower(): value for key, value in headers.items()}
        self.content = content
        self.url = url

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.content)

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise RequestException(f"{self.status_code} from {self.url}")


class _CaseInsensitiveHeaders(dict):
    def __getitem__(self, key):
        return super().__getitem__(key.lower())


class Session:
    """The subset of `requests.Session` that allauth's OAuth2 and OpenID Connect code calls."""

    def __init__(self, timeout: float = 5):
        self.timeout = timeout

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def get(self, url, **kwargs) -> Response:
        return self.request("GET", url, **kwargs)

    def post(self, url, **kwargs) -> Response:
        return self.request("POST", url, **kwargs)

    def request(
        self, method, url, params=None, data=None, headers=None, auth=None, timeout=None, **_
    ) -> Response:
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise RequestException(f"not an http(s) URL: {url}")
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        body = None
        sent_headers = {"Accept": "application/json", **(headers or {})}
        if data is not None:
            body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
            sent_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if isinstance(auth, HTTPBasicAuth):
            sent_headers["Authorization"] = auth.header()
        request = urllib.request.Request(url, data=body, headers=sent_headers, method=method.upper())  # noqa: S310 (checked above)
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as answer:  # noqa: S310
                response = Response(answer.status, answer.headers, answer.read(), url)
        except urllib.error.HTTPError as error:
            response = Response(error.code, error.headers, error.read(), url)
        except (urllib.error.URLError, OSError) as error:
            raise RequestException(str(error)) from error
        response.headers = _CaseInsensitiveHeaders(response.headers)
        return response


def install() -> None:
    """Give our `requests` app module the two names allauth's OAuth2 code imports from `requests`."""
    module = sys.modules["requests"]  # our app: the app registry imports every app before any ready()
    module.RequestException = RequestException
    if not hasattr(module, "auth"):
        module.auth = types.SimpleNamespace(HTTPBasicAuth=HTTPBasicAuth)
