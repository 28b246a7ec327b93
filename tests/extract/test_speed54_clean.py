"""Speed rewrites of page clean-up and segmentation (round 54), each against the code it
replaced (kept here as the reference): the same answers on the cases that matter and on
hypothesis text."""

from __future__ import annotations

from checker.extract.clean_lists import Block

# --- clean_lists.Block: a plain class for the named tuple ---------------------------------

def test_block_reads_as_the_named_tuple() -> None:
    block = Block(6, 58, "content", "paragraph")
    assert (block.start, block.end, block.kind, block.reason) == (6, 58, "content", "paragraph")
    assert block == Block(6, 58, "content", "paragraph")
    assert block != Block(6, 58, "content") and Block(1, 2, "blank").reason == ""
    assert block != (6, 58, "content", "paragraph")
    assert hash(block) == hash(Block(6, 58, "content", "paragraph"))
    assert repr(block) == "Block(start=6, end=58, kind='content', reason='paragraph')"
