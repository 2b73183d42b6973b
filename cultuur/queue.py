"""Enqueue Celery tasks by name.

Inside an app, `tasks.py` is the top: tasks import the services they call. A service that must
start a task after its transaction names the task instead of importing `tasks.py`, so no import
ever points back up (the same late binding by name that beat's schedule uses in settings).
"""

from django.db import transaction
from django.utils.module_loading import import_string


def enqueue(task: str, *args, **kwargs) -> None:
    """Send the task at the dotted path `task` now (eager mode and its retry options still apply)."""
    import_string(task).delay(*args, **kwargs)


def enqueue_on_commit(task: str, *args, **kwargs) -> None:
    """Send the task once the current transaction commits; a failing broker never undoes the write."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs), robust=True)
