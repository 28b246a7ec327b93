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


class _Thing:
    pass


def test_outlive_keeps_objects_only_once_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import weakref

    from checker import heap

    monkeypatch.setattr(heap, "_KEPT_TO_EXIT", None)
    first, second = _Thing(), _Thing()
    refs = weakref.ref(first), weakref.ref(second)
    heap.outlive(first)
    del first
    assert refs[0]() is None  # not asked: freed with its last reference
    heap.keep_to_exit()
    heap.outlive(second)
    del second
    assert refs[1]() is not None  # kept until the process ends
