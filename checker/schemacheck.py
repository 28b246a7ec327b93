"""Schema validation of parsed YAML with located errors: JSON Schema first (the file's
contract), then the pydantic model (checks a schema cannot express), each error naming the
file, line and field."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from checker import rx

try:  # Rust validator for the yes/no gate of the fast paths; errors still come from jsonschema
    import jsonschema_rs
except ImportError:  # pragma: no cover - a platform without its wheel
    jsonschema_rs = None  # type: ignore[assignment]

from checker.errors import ClaimcheckError, Location, SchemaError, YamlSyntaxError
from checker.yamlio import MAX_DEPTH, field_path, locate, to_plain

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

M = TypeVar("M", bound=BaseModel)

_VALIDATORS: dict[str, Draft202012Validator] = {}
_GATES: dict[str, Callable[[Any], bool]] = {}


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    """The (cached) JSON Schema validator of a schema."""
    key = json.dumps(schema.get("$id") or schema.get("title"))
    found = _VALIDATORS.get(key)
    if found is None:
        # Imported here: jsonschema (with its dependencies) is a tenth of the command's
        # start-up, and only a file the gate refuses needs it (`validate_model`).
        from jsonschema import Draft202012Validator, FormatChecker

        found = Draft202012Validator(schema, format_checker=FormatChecker())
        _VALIDATORS[key] = found
    return found


def is_valid(schema: dict[str, Any]) -> Callable[[Any], bool]:
    """Whether plain data is valid against a schema, without saying why: the gate of the
    fast reading paths (a file it refuses is read again the careful way, whose errors come
    from `validator`). jsonschema-rs when installed: 150x faster on claim files, where
    jsonschema took half of reading one. Never more lenient than `validator`
    (tests/test_schema_gate.py): a file it lets through is one the careful path accepts."""
    key = json.dumps(schema.get("$id") or schema.get("title"))
    found = _GATES.get(key)
    if found is None:
        found = _GATES[key] = _refusing_odd_keys(jsonschema_rs.validator_for(schema).is_valid) \
            if jsonschema_rs is not None else validator(schema).is_valid
    return found


def _refusing_odd_keys(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """check, with data it cannot take refused rather than raised: jsonschema-rs raises
    ValueError for a mapping key that is no string (YAML's `0:`, found by
    tests/test_schema_gate.py), and the careful path then says what is wrong."""
    def gate(data: Any) -> bool:
        try:
            return check(data)
        except ValueError:
            return False
    return gate


def schema_errors(
    data: Any, schema: dict[str, Any], root: Any, path: str, limit: int = 50
) -> list[SchemaError]:
    """Validate plain data against a JSON Schema; errors located via the ruamel tree."""
    found: list[SchemaError] = []
    for error in sorted(validator(schema).iter_errors(data), key=lambda e: list(map(str, e.path))):
        for message, keys in _described(error, schema):
            line, col = locate(root, keys)
            found.append(SchemaError(message, Location(path, line, col, field_path(keys))))
            if len(found) >= limit:
                return found
    return found


def _branch_kinds(error: Any, schema: dict[str, Any]) -> list[str | None]:
    """The `kind` constant of each branch of a oneOf (rules are a tagged union)."""
    kinds: list[str | None] = []
    for branch in error.validator_value:
        ref = branch.get("$ref", "") if isinstance(branch, dict) else ""
        target = schema.get("$defs", {}).get(ref.rsplit("/", 1)[-1], branch) if ref else branch
        kind = target.get("properties", {}).get("kind", {}) if isinstance(target, dict) else {}
        kinds.append(kind.get("const"))
    return kinds


def _described(error: Any, schema: dict[str, Any]) -> list[tuple[str, list[str | int]]]:
    """Readable messages and the paths they are about. Tagged unions report by their tag:
    an unknown kind once, and a rule of a known kind one error per mistake in its branch
    (a CI probe: the best one alone was shown, so five mistakes took five rounds of
    `validate`)."""
    keys: list[str | int] = list(error.absolute_path)
    instance = error.instance
    if error.validator == "oneOf" and isinstance(instance, dict) and "kind" in instance:
        kinds = _branch_kinds(error, schema)
        if instance["kind"] not in kinds:
            choices = ", ".join(k for k in kinds if k)
            return [(f"unknown kind {instance['kind']!r}; expected one of: {choices}",
                     [*keys, "kind"])]
        branch = kinds.index(instance["kind"])
        inner = sorted((e for e in error.context or []
                        if e.schema_path and e.schema_path[0] == branch),
                       key=lambda e: list(map(str, e.path)))
        if inner:
            return [(_short_message(e), [*keys, *e.path, *_unexpected(e)]) for e in inner]
    return [(_short_message(error), [*keys, *_unexpected(error)])]


def _unexpected(error: Any) -> list[str]:
    """For a key the schema does not allow, the first such key (in the file's order), so
    the error points at `colour:` itself, not at the top of the mapping holding it."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return []
    allowed = error.schema.get("properties", {})
    patterns = [rx.compile(p) for p in error.schema.get("patternProperties", {})]
    extra = [k for k in error.instance if isinstance(k, str) and k not in allowed
             and not any(p.search(k) for p in patterns)]
    return extra[:1]


def _short_message(error: Any) -> str:
    """jsonschema messages quote whole sub-documents; keep them readable."""
    if error.validator == "additionalProperties":
        return str(error.message).replace(" were unexpected", " are not allowed").replace(
            " was unexpected", " is not allowed"
        )
    if error.validator in ("oneOf", "anyOf") and error.context:
        best = min(error.context, key=lambda e: len(list(e.path)))
        return _short_message(best)[:300]
    message = _requirement(error) or str(error.message)
    return message if len(message) <= 300 else message[:297] + "..."


def _requirement(error: Any) -> str | None:
    """A string constraint's error worded as what it requires: jsonschema says "'xy' is too
    short" and quotes a pattern's regex, which leave an editor guessing (a first-time-user
    probe). A pattern reads as the schema's `x-expected` words (models/common.expected)."""
    value, limit = error.instance, error.validator_value
    if not isinstance(value, str):
        return None
    if error.validator in ("minLength", "maxLength"):
        least = error.validator == "minLength"
        unit = "character" if limit == 1 else "characters"
        return (f"{value[:60]!r} is too {'short' if least else 'long'}: it needs at "
                f"{'least' if least else 'most'} {limit} {unit} (it has {len(value)})")
    if error.validator == "pattern":
        words = error.schema.get("x-expected") if isinstance(error.schema, dict) else None
        return f"{value[:60]!r} is not {words}" if words else None
    return None


_NAMED_FIELD_RE = rx.compile(r"([a-z_]+): ")


def _child(node: Any, key: str | int) -> Any:
    """node[key] in a YAML tree, or None where there is none."""
    try:
        return node[key] if isinstance(node, dict | list) else None  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        return None


def _node_at(root: Any, keys: list[str | int]) -> Any:
    """The YAML node at a location (None when there is none)."""
    node = root
    for k in keys:
        node = _child(node, k)
    return node


def _untagged(root: Any, keys: list[str | int]) -> list[str | int]:
    """A pydantic location without the tags discriminated unions add to it: a class name
    ("TermRule"), or the item's `kind` ("rules", 1, "term", "reviewed"), which located the
    error at the rule's first line rather than at its field."""
    out: list[str | int] = []
    node = root
    for k in keys:
        if isinstance(k, str) and (k.endswith("Rule") or (
                isinstance(node, dict) and k not in node and node.get("kind") == k)):
            continue
        out.append(k)
        node = _child(node, k)
    return out


def model_errors(exc: ValidationError, root: Any, path: str,
                 checks_only: bool = False) -> list[SchemaError]:
    """Pydantic errors (semantic checks the schema cannot express), located; with
    `checks_only`, only those the models' own validators raised."""
    out: list[SchemaError] = []
    for err in exc.errors():
        if checks_only and err["type"] not in ("value_error", "assertion_error"):
            continue
        keys = _untagged(root, [k for k in err["loc"] if isinstance(k, str | int)])
        message = str(err["msg"]).removeprefix("Value error, ")
        # A whole-model check that names its field ("message: unknown placeholder ...") is
        # located at that field, not at the model's first line.
        named = _NAMED_FIELD_RE.match(message)
        at = _node_at(root, keys) if named else None
        if named and isinstance(at, dict) and named.group(1) in at:
            keys, message = [*keys, named.group(1)], message[named.end():]
        line, col = locate(root, keys)
        out.append(SchemaError(message, Location(path, line, col, field_path(keys))))
    return out


def validate_model(
    root: Any, model: type[M], schema: dict[str, Any], path: str
) -> tuple[M | None, list[ClaimcheckError]]:
    """Schema-check then build the model; all errors, located (never raised)."""
    try:
        data = to_plain(root, path)
    except ClaimcheckError as exc:  # aliases, deep nesting: reported like any other error
        return None, [exc]
    except RecursionError:
        return None, [YamlSyntaxError(f"YAML nesting is deeper than {MAX_DEPTH} levels",
                                      Location(path))]
    # Valid data (nearly every file) passes the gate; only other data is read again for
    # located errors. The gate is never more lenient (tests/test_schema_gate.py).
    errors = [] if is_valid(schema)(data) else schema_errors(data, schema, root, path)
    try:
        built = model.model_validate(data)
    except ValidationError as exc:
        if not errors:
            return None, list(model_errors(exc, root, path))
        # Beside the schema's errors, the model's own checks (an impossible date, an unknown
        # placeholder) of the parts the schema found nothing wrong in: all in one round, not
        # one after the other (a CI probe fixed five mistakes of one rule in three rounds).
        beside: list[ClaimcheckError] = list(
            _beside(model_errors(exc, root, path, checks_only=True), errors))
        return None, list(errors) + beside
    return (None, list(errors)) if errors else (built, [])


def _beside(found: list[SchemaError], reported: Sequence[ClaimcheckError]
            ) -> list[SchemaError]:
    """The errors of `found` at no place of `reported` (nor inside or around one)."""
    taken = [e.location.field or "" for e in reported if e.location is not None]

    def near(field: str) -> bool:
        return any(not t or field == t or field.startswith((t + ".", t + "["))
                   or t.startswith((field + ".", field + "[")) for t in taken)

    return [e for e in found if e.location is None or not near(e.location.field or "")]
