"""Safe YAML: located syntax errors, duplicate keys, aliases and nesting refused."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from checker.errors import YamlSyntaxError
from checker.models.document import DocumentMeta
from checker.models.rules import RuleFile
from checker.schemacheck import validate_model
from checker.schemas import load
from checker.yamlfast import read_model_fast, read_small
from checker.yamlio import (
    field_path,
    locate,
    parse_yaml,
    read_yaml,
    to_plain,
)


def test_syntax_error_names_line_and_column() -> None:
    with pytest.raises(YamlSyntaxError) as err:
        parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert err.value.location is not None and err.value.location.line == 3
    assert str(err.value).startswith("f.yaml:3:")


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(YamlSyntaxError) as err:
        parse_yaml("id: a\nid: b\n", "f.yaml")
    assert "duplicate key" in str(err.value)
    assert err.value.location is not None and err.value.location.line == 2


def test_aliases_are_refused_before_expansion() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    root = parse_yaml(bomb, "bomb.yaml")
    with pytest.raises(YamlSyntaxError, match="aliases are not allowed"):
        to_plain(root, "bomb.yaml")


def test_deep_nesting_is_bounded() -> None:
    with pytest.raises(YamlSyntaxError, match="nesting"):
        to_plain(parse_yaml("[" * 200 + "]" * 200, "deep.yaml"), "deep.yaml")


def test_timestamps_stay_strings() -> None:
    data = to_plain(parse_yaml("reviewed: 2025-02-30\n", "f.yaml"), "f.yaml")
    assert data == {"reviewed": "2025-02-30"}


def test_json_is_accepted_as_yaml() -> None:
    assert to_plain(parse_yaml('{"a": [1, 2]}', "f.json"), "f.json") == {"a": [1, 2]}


def test_schema_errors_are_located_at_the_field() -> None:
    text = 'schema_version: "1"\nrules:\n  - id: x\n    kind: term\n    canonical: 3\n'
    root = parse_yaml(text, "r.yaml")
    model, errors = validate_model(root, RuleFile, load("rules"), "r.yaml")
    assert model is None and errors
    assert errors[0].location is not None and errors[0].location.line == 5
    assert errors[0].location.field == "rules[0].canonical"
    assert str(errors[0]) == "r.yaml:5:5: rules[0].canonical: 3 is not of type 'string'"


def test_invalid_calendar_date_is_a_located_error() -> None:
    text = ('schema_version: "1"\nrules:\n  - id: x\n    kind: term\n    canonical: a\n'
            '    variants: [b]\n    reviewed: "2025-02-30"\n')
    model, errors = validate_model(parse_yaml(text, "r.yaml"), RuleFile, load("rules"), "r.yaml")
    assert model is None
    assert "2025-02-30" in str(errors[0]) and errors[0].location is not None


def test_locate_and_field_path() -> None:
    root = parse_yaml("a:\n  - x: 1\n  - x: 2\n", "f.yaml")
    assert locate(root, ["a", 1, "x"]) == (3, 5)
    assert field_path(["claims", 3, "span"]) == "claims[3].span"


def _careful(path: Path) -> DocumentMeta | None:
    """The located path: round-trip parse, schema, model; None where it reports an error."""
    try:
        root = read_yaml(path, path.name)
    except YamlSyntaxError:
        return None
    if root is None:
        return DocumentMeta()
    meta, errors = validate_model(root, DocumentMeta, load("meta"), path.name)
    return None if errors else meta


FAST_CASES = [
    'title: "Science briefing"\npublisher: Dusal Times\npublished: "2025-08-18"\n',
    "published: 2025-08-18\n",  # an unquoted timestamp stays a string on both paths
    "published: 2025-02-30\n",  # not a calendar date: refused by the model
    "title: yes\nnote: 1e3\n",  # YAML 1.2: a string, and a float the schema refuses
    "title: a\ntitle: b\n",  # duplicate key
    "title: &t x\nnote: *t\n",  # alias
    "title: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]"
    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
    "title: x\nunknown: 1\n", "", "# only a comment\n", "- a\n- b\n", "title: [\n",
    '{"title": "JSON", "published": "2024"}\n', "\ufefftitle: BOM\n",
    "title: 'It''s'\norigin: Reuters\n", "title: |\n  block\n  text\n",
]


@pytest.mark.parametrize("text", FAST_CASES)
def test_fast_metadata_path_agrees_with_the_careful_one(tmp_path: Path, text: str) -> None:
    path = tmp_path / "doc.meta.yaml"
    path.write_text(text, encoding="utf-8")
    fast = read_model_fast(path, DocumentMeta, load("meta"))
    # The fast path gives the careful path's model, or steps aside (None) for it.
    assert fast is None or fast == _careful(path)


def test_fast_metadata_path_reads_valid_files_and_steps_aside_for_broken_ones(
        tmp_path: Path) -> None:
    good, bad = tmp_path / "good.meta.yaml", tmp_path / "bad.meta.yaml"
    good.write_text("title: T\npublished: 2025-08-18\n", encoding="utf-8")
    bad.write_bytes(b"title: \xff\n")
    assert read_model_fast(good, DocumentMeta, load("meta")) == \
        DocumentMeta(title="T", published="2025-08-18")
    assert read_model_fast(bad, DocumentMeta, load("meta")) is None
    assert read_model_fast(tmp_path / "missing.yaml", DocumentMeta, load("meta")) is None


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["title", "publisher", "url", "published", "origin",
                                        "note", "language", "extra"]),
                       st.one_of(st.text(max_size=30), st.integers(), st.booleans(),
                                 st.none(), st.sampled_from(["2024", "2024-05", "2024-05-06",
                                                             "2024-13-01", "yes", "null"])),
                       max_size=6),
       st.sampled_from(["plain", "flow", "json"]))
def test_fast_metadata_path_property(tmp_path: Path, data: dict[str, object],
                                     style: str) -> None:
    if style == "json":
        text = json.dumps(data)
    else:
        dumper = YAML(typ="safe", pure=True)
        dumper.default_flow_style = style == "flow"
        out = io.StringIO()
        dumper.dump(data, out)
        text = out.getvalue()
    path = tmp_path / "p.meta.yaml"
    path.write_text(text, encoding="utf-8")
    fast = read_model_fast(path, DocumentMeta, load("meta"))
    assert fast is None or fast == _careful(path)


def test_only_regular_files_inside_the_repository_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    monkeypatch.chdir(repo)
    secret = tmp_path / "secret.env"
    secret.write_text("TOKEN=ghp_SECRET\n", encoding="utf-8")
    (repo / "leak.yaml").symlink_to(secret)
    (repo / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(repo / "pipe.yaml")
    (repo / "plain.yaml").write_text("a: 1\n", encoding="utf-8")
    (repo / "inside.yaml").symlink_to(repo / "plain.yaml")
    for name, why in (("leak.yaml", "outside the repository"),
                      ("zero.yaml", "not a regular file"), ("pipe.yaml", "not a regular file")):
        with pytest.raises(YamlSyntaxError) as err:
            read_yaml(Path(name), name)
        assert why in str(err.value) and "ghp_" not in str(err.value)
        assert read_small(name) is None  # the fast path leaves it to the careful one
    assert read_yaml(Path("inside.yaml"))["a"] == 1  # a link within the repository is fine
    assert read_small("plain.yaml") == b"a: 1\n"


def test_a_symlinked_directory_out_of_the_repository_is_refused_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (outside / "zz.yaml").write_text("rules: [SECRET-TOKEN]\n", encoding="utf-8")
    (repo / "rules").symlink_to(outside)
    monkeypatch.chdir(repo)
    with pytest.raises(YamlSyntaxError) as err:
        read_yaml(Path("rules/zz.yaml"))
    assert "outside the repository" in str(err.value) and "SECRET" not in str(err.value)
    # A directory the user names outside the repository is theirs, links inside it too.
    (outside / "link.yaml").symlink_to(outside / "zz.yaml")
    assert read_yaml(outside / "link.yaml")["rules"] == ["SECRET-TOKEN"]


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\U0000DC00"])
def test_a_lone_surrogate_is_refused_where_its_scalar_starts(escape: str) -> None:
    """A `\\ud800` escape makes a string no report, cache or JSON can carry (the review: a
    sidecar's title broke `check` with a traceback, exit 3)."""
    text = f'title: plain\nsummary:\n  - "one"\n  - "bad {escape} here"\n'
    with pytest.raises(YamlSyntaxError, match="lone surrogate") as found:
        parse_yaml(text, "seeds/a.meta.yaml")
    assert found.value.location is not None
    assert (found.value.location.line, found.value.location.column) == (4, 5)
    with pytest.raises(YamlSyntaxError, match="lone surrogate"):
        parse_yaml(f'"key {escape}": 1\n', "rules/r.yaml")  # a key too


def test_escapes_that_make_text_are_read(tmp_path: Path) -> None:
    """The fast path leaves a `\\u` escape to the careful one, which reads what it means."""
    path = tmp_path / "a.meta.yaml"
    path.write_text('title: "Caf\\u00e9 \\U0001F600"\n', "utf-8")
    assert read_model_fast(path, DocumentMeta, load("meta")) is None  # declined
    assert parse_yaml(path.read_text("utf-8"), "a.meta.yaml")["title"] == "Café 😀"
