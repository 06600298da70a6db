"""Pausing Python's cyclic garbage collector while a large, acyclic structure is built.

Reading a catalog makes millions of small dicts, lists and strings, none of them in a cycle;
each time enough have been made the cyclic collector walks every one still alive, so a long
read spends a sixth of its CPU time there (docs/performance.md). Whatever is in a cycle when
the pause ends is collected then, as it would have been.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager


@contextmanager
def collector_paused(*, set_aside: bool = False) -> Iterator[None]:
    """Pause the cyclic collector for the ``with`` block (nested pauses are fine): it runs
    again afterwards only if it was running before.

    Args:
        set_aside: The objects made meanwhile live until the process ends (see
            :func:`collector_paused_to_the_end`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if set_aside:
                gc.freeze()
            gc.enable()


def collector_paused_to_the_end() -> AbstractContextManager[None]:
    """Pause the cyclic collector for a command whose objects live until the process ends.

    When the pause ends the collector would walk every object made during it (millions, for a
    province) only to find them alive; they are set aside for good instead (``gc.freeze``),
    so only objects made afterwards are ever walked. What was in a cycle then is left to the
    end of the process."""
    return collector_paused(set_aside=True)
