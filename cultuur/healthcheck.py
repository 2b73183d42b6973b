"""The web container's healthcheck (docker-compose.yml): GET /healthz as the site's own host.

Run as a script (`python /app/cultuur/healthcheck.py`), standard library only, so it never loads
Django or Celery every 30 seconds. It sends the first host of ALLOWED_HOSTS, so Django does not
answer 400 (host not allowed), and /healthz is exempt from the HTTPS redirect (settings.py)."""

import os
import sys
import urllib.error
import urllib.request


def host_header(allowed_hosts: str) -> str:
    """The first host Django accepts: ".example.nl" allows example.nl itself; "*" allows anything."""
    for host in allowed_hosts.split(","):
        host = host.strip().lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


def main() -> int:
    port = os.environ.get("PORT", "8000")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz",
        headers={"Host": host_header(os.environ.get("ALLOWED_HOSTS", "localhost"))},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - a fixed http URL
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as error:
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
