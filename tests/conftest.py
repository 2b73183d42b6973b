import pytest

from cultuur.celery import app as celery_app

# s3_server / s3_media: a real S3-protocol server process for the object-storage tests.
pytest_plugins = ["tests.s3_server"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """pytest-django runs transactional tests after the others; among them, the ones that restore the
    migrations' rows (serialized_rollback) go first. A plain transactional test's flush re-creates the
    content types under new ids, and restoring the serialized rows after that collides with them on
    PostgreSQL (duplicate key on django_content_type)."""

    def marker(item):
        return item.get_closest_marker("django_db")

    def transactional(item) -> bool:
        db = marker(item)
        fixtures = getattr(item, "fixturenames", ())
        return bool(db and (db.kwargs.get("transaction") or db.kwargs.get("reset_sequences"))) or bool(
            {"transactional_db", "live_server"} & set(fixtures)
        )

    first = next((index for index, item in enumerate(items) if transactional(item)), None)
    if first is not None:
        items[first:] = sorted(
            items[first:],
            key=lambda item: not (marker(item) and marker(item).kwargs.get("serialized_rollback")),
        )


@pytest.fixture(autouse=True)
def _eager_celery(request):
    """Unit tests run tasks in-process; the `stack` tests use a real broker and worker instead."""
    if request.node.get_closest_marker("stack"):
        yield
        return
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REQUESTS_ATTACHMENT_ROOT = tmp_path / "attachments"
