"""Building large acyclic structures (a national snapshot) alongside the cyclic collector."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar


@contextmanager
def many_objects() -> Iterator[None]:
    """Build a large acyclic structure without the cyclic collector getting in the way.

    At national size a snapshot holds about a million tracked objects, and each full
    collection walks all of them (0.3 s here); the read side's results (tens of thousands
    of rows) would otherwise trigger one on almost every call.

    Collection is paused while the objects are made (hundreds of thousands of new records
    would trigger pass after pass, each walking every live object: measured, about half
    the time of a 50,000-account load). Afterwards everything young is moved straight to
    the oldest generation (``gc.freeze`` then ``gc.unfreeze``, constant time, nothing
    stays frozen), so later young collections do not walk the new records again and again.
    The records form no cycles: reference counting frees them when they are dropped.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if collecting:
            gc.enable()


P = ParamSpec("P")
T = TypeVar("T")


def bulk(fn: Callable[P, T]) -> Callable[P, T]:
    """Run ``fn`` inside :func:`many_objects` (for read-side entry points)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        with many_objects():
            return fn(*args, **kwargs)

    return wrapper
