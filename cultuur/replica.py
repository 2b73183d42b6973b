"""Reads of heavy read-only pages from a read replica (DATABASE_REPLICA_URL); everything else on the primary.

Only views decorated with `reads_from_replica` read from the replica, and only for a GET or HEAD.
Writes always go to the primary, and so does every read after a write: later in the same request
(the router notices the write), and for a few seconds in the next requests of the same browser (a
cookie set after any POST, PUT, PATCH or DELETE), so that a person sees what they just saved even
while the replica lags behind. Without DATABASE_REPLICA_URL neither the router nor the middleware
is installed and the decorator changes nothing.
"""

import functools
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import connections

REPLICA = "replica"
PIN_COOKIE = "cultuur_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class _State:
    replica_allowed: bool = False
    wrote: bool = False


_state: ContextVar[_State | None] = ContextVar("cultuur_replica_state", default=None)


class replica_reads:  # noqa: N801 (used like a function: `with replica_reads():`)
    """Reads inside this block may go to the replica, until the first write."""

    def __enter__(self):
        self._token = _state.set(_State(replica_allowed=REPLICA in connections.settings))
        return self

    def __exit__(self, *exc):
        _state.reset(self._token)
        return False


def is_pinned(request) -> bool:
    try:
        return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
    except ValueError:
        return False


def reads_from_replica(view):
    """Mark a heavy, read-only view: its queries may go to the replica (see the module docstring)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in SAFE_METHODS or is_pinned(request):
            return view(request, *args, **kwargs)
        # Who is signed in and what they may do is read from the primary: a lagging replica must
        # not keep a just-deactivated account or a withdrawn role alive.
        getattr(request.user, "pk", None)
        with replica_reads():
            return view(request, *args, **kwargs)

    return wrapper


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _state.get()
        if state is not None and state.replica_allowed and not state.wrote:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        state = _state.get()
        if state is not None:
            state.wrote = True
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same rows, one copy streamed from the other

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica gets its schema by replication


class PrimaryPinMiddleware:
    """After a write request, the browser's next requests read from the primary for a few seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            seconds = settings.DATABASE_REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                f"{time.time() + seconds:.0f}",
                max_age=seconds,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return response
