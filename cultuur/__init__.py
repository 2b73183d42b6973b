from .celery import app as celery_app


def _hide_requests_app_from_drf():
    # DRF probes for the PyPI `requests` library with `import requests` and would find our
    # `requests` app instead (see DESIGN.md, "Known constraint"). Tell it the library is absent.
    import rest_framework.compat

    if not hasattr(rest_framework.compat.requests, "packages"):
        rest_framework.compat.requests = None


_hide_requests_app_from_drf()

__all__ = ["celery_app"]
