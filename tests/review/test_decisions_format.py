"""The decisions file's canonical YAML: any text survives, and YAML readers agree with us."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.decisions import Decision, DecisionsFile, load_decisions, render_decisions
from checker.decisions_format import parse_canonical, render_mapping
from checker.yamlio import parse_yaml, to_plain

# Any text pydantic accepts (no unpaired surrogates), control and separator characters included.
TEXT = st.text(st.characters(codec="utf-8"), max_size=60)
KEYS = st.from_regex(r"[0-9a-f]{8,24}", fullmatch=True)


def _entry(note: str, author: str, doc: str) -> dict[str, object]:
    return {"decision": "confirmed", "note": note, "author": author,
            "decided_at": "2025-05-01T12:00:00Z", "text_hash": "0123456789abcdef",
            "documents": [doc, "plain-id"]}


@settings(max_examples=300, deadline=None)
@given(key=KEYS, note=TEXT, author=TEXT, doc=TEXT)
def test_any_text_round_trips_through_both_readers(key: str, note: str, author: str,
                                                   doc: str) -> None:
    text = render_mapping("1", {key: _entry(note, author, doc)})
    expected = {"schema_version": "1", "decisions": {key: _entry(note, author, doc)}}
    assert parse_canonical(text) == expected
    # A standard YAML reader (the one the tool uses for hand-written files) reads the same.
    assert to_plain(parse_yaml(text, "t.yaml"), "t.yaml") == expected


def test_numeric_looking_keys_and_words_are_quoted() -> None:
    text = render_mapping("1", {"12345678": {"kind": "null"}, "1234e567": {"kind": "term"},
                                "0e64a260": {"kind": "2025-05-01"}, "0b010101": {"kind": "x"}})
    assert '  "12345678":' in text and '  "1234e567":' in text and "  0e64a260:" in text
    assert '  "0b010101":' in text  # YAML 1.2 reads 0b... as a binary number
    assert '    kind: "null"' in text and "    kind: term" in text
    assert '    kind: "2025-05-01"' in text
    assert to_plain(parse_yaml(text, "t"), "t") == parse_canonical(text)


def test_hand_written_yaml_falls_back_to_the_full_reader(tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    path.write_text(
        "# edited by hand\n"
        "decisions:\n"
        "  aaaa0000:   # the ISS claim\n"
        "    decision: false-alarm\n"
        "    note: >\n      quoted as an example\n"
        "    decided_at: 2025-05-01T12:00:00Z\n"
        "    text_hash: '0123456789abcdef'\n", encoding="utf-8")
    assert parse_canonical(path.read_text(encoding="utf-8")) is None
    model, errors = load_decisions(path)
    assert errors == []
    assert model.decisions["aaaa0000"].note == "quoted as an example\n"
    assert model.decisions["aaaa0000"].decided_at == "2025-05-01T12:00:00Z"


def test_duplicates_and_stray_lines_are_not_canonical() -> None:
    entry = "    decision: fixed\n"
    assert parse_canonical(f"decisions:\n  aaaa0000:\n{entry}  aaaa0000:\n{entry}") is None
    assert parse_canonical(f"decisions:\n  aaaa0000:\n{entry}{entry}") is None
    assert parse_canonical(f"decisions: {{}}\n  aaaa0000:\n{entry}") is None
    assert parse_canonical("decisions:\n  aaaa0000:\n    note: \"a\" # comment\n") is None
    assert parse_canonical("other: 1\n") is None
    assert parse_canonical("decisions: {}\n") == {"decisions": {}}
    assert parse_canonical("decisions:\n  aaaa0000:\n") is None


def test_render_is_deterministic_and_sorted(tmp_path: Path) -> None:
    d = Decision(decision="fixed", decided_at="2025-05-01T12:00:00Z",
                 text_hash="0123456789abcdef")
    one = render_decisions(DecisionsFile(decisions={"bbbb0000": d, "aaaa0000": d}),
                           tmp_path / "x.yaml")
    two = render_decisions(DecisionsFile(decisions={"aaaa0000": d, "bbbb0000": d}),
                           tmp_path / "x.yaml")
    assert one == two
    assert one.index("aaaa0000") < one.index("bbbb0000")
