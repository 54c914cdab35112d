"""Shared facts: built once per snapshot, freed with it, and no lasting effect on the GC."""

from __future__ import annotations

import gc
import weakref
from datetime import date

from review_world import buol

from brankas.core.review._memory import many_objects
from brankas.core.review.facts import facts_of, prepare
from brankas.core.review.status import term_end_status


def test_prepare_builds_the_facts_every_reader_shares() -> None:
    b = buol()
    snapshot = b.world.snapshot()
    facts = prepare(snapshot)
    assert facts_of(snapshot) is facts
    assert facts.display_order(b.term) == tuple(
        sorted(facts.display_order(b.term), key=lambda a: (snapshot.accounts[a].kecamatan_id, a))
    )
    term_end_status(snapshot, b.term, date(2025, 2, 1))
    assert facts_of(snapshot) is facts


def test_a_dropped_snapshot_is_freed_without_the_cyclic_collector() -> None:
    snapshot = buol().world.snapshot()
    prepare(snapshot)
    ref = weakref.ref(snapshot)
    was = gc.isenabled()
    gc.disable()
    try:
        del snapshot
        assert ref() is None  # no reference cycle through the cached facts
    finally:
        if was:
            gc.enable()


def test_many_objects_pauses_collection_and_leaves_nothing_frozen() -> None:
    assert gc.isenabled()
    with many_objects():
        assert not gc.isenabled()
        with many_objects():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.disable()
    try:
        with many_objects():
            pass
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
