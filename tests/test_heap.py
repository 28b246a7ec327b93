"""checker.heap: the collector is paused in the block and restored after, whatever happens."""

from __future__ import annotations

import gc

import pytest

from checker.heap import frozen_heap, paused_gc


def test_paused_gc_restores_the_collector_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner pause does not re-enable it early
            pass
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_paused_gc_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_frozen_heap_moves_live_objects_out_of_collections_and_back() -> None:
    keep = [[i] for i in range(1000)]
    with frozen_heap():
        assert gc.get_freeze_count() >= len(keep)
    assert gc.get_freeze_count() == 0


def test_freeze_on_exit_freezes_what_is_alive() -> None:
    keep = [[i] for i in range(1000)]
    try:
        with paused_gc(freeze_on_exit=True):
            more = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(keep) + len(more)
    finally:
        gc.unfreeze()
