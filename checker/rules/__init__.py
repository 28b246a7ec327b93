"""Rules: loading rule files into a RuleSet (rules by kind, plus the lexicon they define)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from checker.errors import ClaimcheckError, Location, RuleError, SchemaError, UsageError
from checker.lexicon import Lexicon, phrase_stems
from checker.models.rules import (
    ConsistencyRule,
    EntityRule,
    FactRule,
    PredicateRule,
    Rule,
    RuleFile,
    TermRule,
)
from checker.nlp import match_tokens, token_key
from checker.rules.builtin import BUILTIN, builtin_rules
from checker.rules.fastload import read_rule_file
from checker.rules.lookalike import latin_looks, mixed_script
from checker.schemacheck import validate_model
from checker.schemas import load as load_schema
from checker.textutil import fold
from checker.yamlio import locate, read_yaml

T = TypeVar("T")


@dataclass(frozen=True)
class RuleSource:
    """Where a rule is defined: its file and line, and where each of its keys is."""

    path: str
    line: int | None
    index: int | None = None  # its place in the file's `rules:` list
    keys: tuple[tuple[str, int | None, int | None], ...] = ()  # (key, line, column)
    # (key, item, line, column) of the items of the rule's lists (`aliases: [a, b]`)
    items: tuple[tuple[str, int, int | None, int | None], ...] = ()

    def at(self, key: str) -> Location:
        """Where the rule's `key` is written (the rule's own line when it is not)."""
        for name, line, column in self.keys:
            if name == key:
                return Location(self.path, line, column, self._field(key))
        return Location(self.path, self.line, None, self._field(key))

    def at_item(self, key: str, item: int) -> Location:
        """Where item `item` of the rule's list `key` is written (else the key's place)."""
        for name, index, line, column in self.items:
            if name == key and index == item:
                return Location(self.path, line, column, self._field(f"{key}[{item}]"))
        return self.at(key)

    def place(self, key: str, item: int | None = None) -> str:
        """`path:line` of a key (or of one of its items), for a message naming it."""
        where = self.at(key) if item is None else self.at_item(key, item)
        return f"{where.path}:{where.line}" if where.line is not None else where.path

    def _field(self, key: str) -> str:
        return f"rules[{self.index}].{key}" if self.index is not None else key


@dataclass
class RuleSet:
    """The enabled rules, by kind, with where each came from and the lexicon they build."""

    rules: list[Rule] = field(default_factory=list)
    sources: dict[str, RuleSource] = field(default_factory=dict)
    lexicon: Lexicon = field(default_factory=Lexicon)
    # Rules defined but left out of this run by --select/--ignore (or `enabled: false`),
    # and those with an error (`_reject`).
    left_out: frozenset[str] = frozenset()
    # Entity rules written `enabled: false`: claim files drafted earlier may name them.
    disabled_entities: dict[str, EntityRule] = field(default_factory=dict)
    # Built-in predicate id -> the phrases it gave up to the project's predicates.
    yielded: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def of_kind(self, kind: type[T]) -> list[T]:
        """Rules of one kind."""
        return [r for r in self.rules if isinstance(r, kind)]

    @property
    def facts(self) -> list[FactRule]:
        """Fact rules."""
        return [r for r in self.rules if isinstance(r, FactRule)]

    @property
    def terms(self) -> list[TermRule]:
        """Term (spelling) rules."""
        return [r for r in self.rules if isinstance(r, TermRule)]

    @property
    def consistency(self) -> list[ConsistencyRule]:
        """Consistency rules."""
        return [r for r in self.rules if isinstance(r, ConsistencyRule)]

    def get(self, rule_id: str) -> Rule | None:
        """A rule by id."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def is_builtin(self, rule_id: str) -> bool:
        """Whether a rule is one shipped with the package (not the project's)."""
        source = self.sources.get(rule_id)
        return source is not None and source.path.startswith(BUILTIN)

    def drafted_by_disabled(self, entity_id: str, text: str) -> bool:
        """Whether an entity slot's id is what extract drafted for its text under an entity
        rule since written `enabled: false` (the text is one of that rule's names), not
        an id an editor chose."""
        rule = self.disabled_entities.get(entity_id)
        if rule is None:
            return False
        names = [rule.name, *rule.aliases, *rule.demonyms, *rule.metonyms]
        return _name_key(text) in {_name_key(n) for n in names}

    def why_unknown(self, rule_id: str, kind: str) -> str:
        """How to make an unknown entity or predicate id known (or why it is not)."""
        return _define(self, rule_id, kind)


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files under the given rule paths, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        elif path.exists():
            out.append(path)
    return out


def parse_rule_file(root: object, display: str) -> tuple[list[tuple[Rule, RuleSource]],
                                                         list[ClaimcheckError]]:
    """Validate one parsed rule file: its rules with where each is, or located errors."""
    if not isinstance(root, dict):
        # Say what a rule file is rather than quote the whole file back.
        what = "empty" if root is None else f"a {'list' if isinstance(root, list) else 'value'}"
        return [], [SchemaError(f"the file is {what}; a rule file is a mapping with "
                                f"`schema_version: \"1\"` and `rules:` (a list of rules)",
                                Location(display, 1, 1))]
    model, errors = validate_model(root, RuleFile, load_schema("rules"), display)
    if errors or model is None:
        return [], list(errors)
    located = []
    nodes = root.get("rules") or []
    for index, rule in enumerate(model.rules):
        line, _ = locate(root, ["rules", index])
        node = nodes[index] if index < len(nodes) else {}
        keys = tuple((k, *locate(root, ["rules", index, k])) for k in node
                     if isinstance(k, str)) if isinstance(node, dict) else ()
        items = tuple((k, i, *locate(root, ["rules", index, k, i]))
                      for k, value in node.items() if isinstance(k, str)
                      and isinstance(value, list) for i in range(len(value))) \
            if isinstance(node, dict) else ()
        located.append((rule, RuleSource(display, line, index, keys, items)))
    return located, []


def _builtin() -> tuple[tuple[Rule, RuleSource], ...]:
    """Rules shipped with the package: predicate phrases and countries."""
    return tuple((rule, RuleSource(path, line)) for rule, path, line in builtin_rules())


def load_rules(
    paths: Sequence[Path], display: dict[Path, str] | None = None,
    select: Sequence[str] = (), ignore: Sequence[str] = (), fuzzy_threshold: float = 0.9,
) -> tuple[RuleSet, list[ClaimcheckError]]:
    """Load every rule file; bad files are reported, the good ones still load.

    select/ignore take rule ids or tags; they never take lexicon rules (entity, predicate)
    away, because that would silently change what every other rule sees; a lexicon rule
    written `enabled: false` is left out, and a rule naming it says so.
    """
    errors: list[ClaimcheckError] = []
    found: list[tuple[Rule, RuleSource]] = list(_builtin())
    for path in rule_files(paths):
        name = (display or {}).get(path, path.as_posix())
        fast = read_rule_file(path, name)
        if fast is not None:  # a valid file, read by the C parser (checker.rules.fastload)
            found.extend(fast)
            continue
        try:
            root = read_yaml(path, name)
        except ClaimcheckError as exc:
            errors.append(exc)
            continue
        rules, file_errors = parse_rule_file(root, name)
        errors.extend(file_errors)
        found.extend(rules)
    ruleset = RuleSet()
    seen: dict[str, RuleSource] = {}
    twice: set[str] = set()
    for rule, source in found:
        if rule.id in seen and not seen[rule.id].path.startswith(BUILTIN):
            # Said at both places, and neither runs: which file sorts first is no reason for
            # one to win (a review: the error named the file nobody had edited, and the
            # new rule replaced the fact rule whose violation left the report).
            first = seen[rule.id]
            errors.append(RuleError(f"rule id {rule.id!r} is also defined at {source.path}:"
                                    f"{source.line}", first.at("id")))
            errors.append(RuleError(f"rule id {rule.id!r} is already defined at {first.path}:"
                                    f"{first.line}", source.at("id")))
            twice.add(rule.id)
            continue
        if rule.id in seen:  # a project rule overrides a built-in one
            ruleset.rules = [r for r in ruleset.rules if r.id != rule.id]
        seen[rule.id] = source
        ruleset.rules.append(rule)
        ruleset.sources[rule.id] = source
    errors.extend(_check_selection(ruleset, select, ignore))
    ruleset.left_out = frozenset(r.id for r in ruleset.rules if not _enabled(r, select, ignore))
    ruleset.rules = [r for r in ruleset.rules if r.id not in ruleset.left_out]
    ruleset.disabled_entities = {r.id: r for r, _ in found if isinstance(r, EntityRule)
                                 and r.id in ruleset.left_out}
    phrase_clashes = _check_phrases(ruleset)
    ruleset.rules, ruleset.yielded = _yield_phrases(ruleset.rules, ruleset.sources)
    ruleset.lexicon = Lexicon.build(
        ruleset.of_kind(EntityRule), ruleset.of_kind(PredicateRule)
    )
    ruleset.lexicon.fuzzy_threshold = fuzzy_threshold
    checked = [*phrase_clashes, *_check_references(ruleset), *_check_names(ruleset),
               *_check_forms(ruleset), *_check_lookalikes(ruleset), *_check_patterns(ruleset)]
    errors.extend(error for _, error in checked)
    _reject(ruleset, {rule_id for rule_id, _ in checked} | twice)
    return ruleset, errors


# An error found by a check, with the id of the rule it is about.
Checked = tuple[str, ClaimcheckError]


def _reject(ruleset: RuleSet, rule_ids: set[str]) -> None:
    """Rules with an error do not run: a variant equal to the canonical form would still
    flag the right spelling next to the error that says so (a CI probe). Lexicon rules
    stay: taking an entity or predicate away would change what every other rule sees and
    turn the rules naming it into errors of their own (as --select/--ignore never do)."""
    rejected = {rule_id for rule_id in rule_ids
                if not isinstance(ruleset.get(rule_id), EntityRule | PredicateRule)}
    # Left out of the run like a disabled rule: a decision on its findings is not resolved.
    ruleset.left_out |= rejected
    ruleset.rules = [r for r in ruleset.rules if r.id not in rejected]


def _enabled(rule: Rule, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if isinstance(rule, EntityRule | PredicateRule):
        # Vocabulary, not checks: --select and --ignore never take it away, but a rule
        # written `enabled: false` is out of the lexicon (it was silently kept).
        return rule.enabled
    if not rule.enabled and rule.id not in select:
        return False
    keys = {rule.id, *rule.tags}
    # Finding kinds in --select filter findings (`kind_selected`); a rule runs when the
    # selection names it, or a kind of finding it makes (`--select rule-violation` runs
    # every fact rule; `--select conflict` none).
    if select and not keys & set(select) and \
            not set(_MADE_BY.get(rule.kind, ())) & _bare(select):
        return False
    return not keys & set(ignore)


def _bare(names: Sequence[str]) -> set[str]:
    return {n.removeprefix("claimcheck/") for n in names}


# Finding kinds --select and --ignore name as well as rules and tags, bare or as SARIF
# names them (`claimcheck/corroboration`): those no rule makes (comparison, arithmetic,
# claim files out of date) and those rules make.
RULELESS_KINDS = frozenset({"conflict", "self-contradiction", "corroboration", "arithmetic",
                            "stale-claims"})
RULE_KINDS = frozenset({"rule-violation", "rule-support", "term", "consistency"})
# The finding kinds each kind of rule makes.
_MADE_BY = {"fact": ("rule-violation", "rule-support"), "term": ("term",),
            "consistency": ("consistency",)}
_KIND_NAMES = frozenset(k for kind in RULELESS_KINDS | RULE_KINDS
                        for k in (kind, f"claimcheck/{kind}"))


def kind_selected(kind: str, select: Sequence[str], ignore: Sequence[str],
                  rule_keys: frozenset[str] = frozenset()) -> bool:
    """Whether a finding of this kind passes --select/--ignore. A --select that names no
    kind selects among the rules only (`--select spelling` keeps the comparison's findings,
    as it always did); one that names kinds keeps those kinds, and the findings of the
    rules it names (`rule_keys`: the id and tags of the finding's rule)."""
    if not select and not ignore:
        return True
    names = {kind, f"claimcheck/{kind}"}
    if not names.isdisjoint(ignore):
        return False
    if _KIND_NAMES.isdisjoint(select) or not names.isdisjoint(select):
        return True
    return not rule_keys.isdisjoint(select)


def _check_selection(ruleset: RuleSet, select: Sequence[str],
                     ignore: Sequence[str]) -> list[ClaimcheckError]:
    known = {r.id for r in ruleset.rules} | {t for r in ruleset.rules for t in r.tags} | \
        _KIND_NAMES
    unknown = sorted((set(select) | set(ignore)) - known)
    # No location: an option is not a file (a `file=--select` annotation would be forged).
    return [UsageError(f"--select/--ignore (or select/ignore in claimcheck.toml or "
                       f"[tool.claimcheck]): no rule, tag or finding kind named {u!r}; "
                       f"finding kinds: {', '.join(sorted(RULELESS_KINDS | RULE_KINDS))}")
            for u in unknown]


def _check_forms(ruleset: RuleSet) -> list[Checked]:
    """A term variant read as the canonical form would flag the right spelling ("Write
    Chang'e, not Chang'e"); a consistency form listed twice is one form counted as two."""
    from checker.rules.text import match_key  # terms imports this package's models

    errors: list[Checked] = []
    how = {True: "", False: " (the rule ignores case)"}
    for term in ruleset.terms:
        src = ruleset.sources[term.id]
        canonical = match_key(term.canonical, term.case_sensitive)
        for i, variant in enumerate(term.variants):
            if match_key(variant, term.case_sensitive) == canonical:
                errors.append((term.id, RuleError(
                    f"variant {variant!r} is the canonical form {term.canonical!r}"
                    f"{how[term.case_sensitive]}: it would flag the right spelling; remove "
                    "it" + ("" if term.case_sensitive else
                            ", or make the rule case_sensitive if only the case is wrong"),
                    src.at_item("variants", i))))
    for rule in ruleset.consistency:
        src = ruleset.sources[rule.id]
        seen: dict[str, int] = {}
        for i, form in enumerate(rule.forms):
            first = seen.setdefault(match_key(form, rule.case_sensitive), i)
            if first != i:
                errors.append((rule.id, RuleError(
                    f"form {form!r} is forms[{first}] {rule.forms[first]!r} again"
                    f"{how[rule.case_sensitive]}; list each form once",
                    src.at_item("forms", i))))
    return errors


def _check_lookalikes(ruleset: RuleSet) -> list[Checked]:
    """A form typed with a Cyrillic or Greek letter among Latin ones matches no text typed
    in one script, and a variant that differs from the canonical form only by such letters
    flags the right spelling (a CI probe: `Tiаngong` with a Cyrillic `а`)."""
    from checker.rules.text import match_key  # terms imports this package's models

    errors: list[Checked] = []
    for term in ruleset.terms:
        src = ruleset.sources[term.id]
        errors.extend((term.id, e) for e in _mixed("canonical", term.canonical, src.at(
            "canonical")))
        canonical = match_key(latin_looks(term.canonical), term.case_sensitive)
        for i, variant in enumerate(term.variants):
            where = src.at_item("variants", i)
            errors.extend((term.id, e) for e in _mixed("variant", variant, where))
            looks = match_key(latin_looks(variant), term.case_sensitive)
            if looks == canonical and match_key(variant, term.case_sensitive) != \
                    match_key(term.canonical, term.case_sensitive):
                errors.append((term.id, RuleError(
                    f"variant {variant!r} looks like the canonical form {term.canonical!r}: "
                    "they differ only in look-alike Latin, Cyrillic or Greek letters, so it "
                    "would flag the right spelling; retype them in one script", where)))
    for rule in ruleset.consistency:
        src = ruleset.sources[rule.id]
        seen: dict[str, int] = {}
        for i, form in enumerate(rule.forms):
            where = src.at_item("forms", i)
            errors.extend((rule.id, e) for e in _mixed("form", form, where))
            first = seen.setdefault(match_key(latin_looks(form), rule.case_sensitive), i)
            if first != i and match_key(form, rule.case_sensitive) != \
                    match_key(rule.forms[first], rule.case_sensitive):
                errors.append((rule.id, RuleError(
                    f"form {form!r} looks like forms[{first}] {rule.forms[first]!r}: they "
                    "differ only in look-alike Latin, Cyrillic or Greek letters, so one form "
                    "would count as two; retype them in one script", where)))
    return errors


def _mixed(what: str, form: str, where: Location) -> list[ClaimcheckError]:
    """An error for a form with a word in mixed scripts."""
    why = mixed_script(form)
    return [] if why is None else [RuleError(
        f"{what} {form!r}: {why}; it matches no text typed in one script: retype it", where)]


def _check_patterns(ruleset: RuleSet) -> list[Checked]:
    """Term patterns must compile with RE2 (linear time): an unusable pattern is an error
    at load time, so `rules test` and `validate` report it, not only `check`; each at its
    own item of `patterns:`, so they are listed in file order."""
    from checker.rules.terms import compile_pattern  # terms imports this package's models

    errors: list[Checked] = []
    for rule in ruleset.terms:
        src = ruleset.sources[rule.id]
        for k, pattern in enumerate(rule.patterns):
            _, problem = compile_pattern(rule, pattern)
            if problem is not None:
                errors.append((rule.id, RuleError(problem, src.at_item("patterns", k))))
    return errors


def _name_key(name: str) -> tuple[str, ...]:
    """The words under which the lexicon finds a name, lower-cased: two names with the same
    key are one name to it (an acronym's case-sensitive key is looked up after the lower-case
    ones, so "Iss" would take "ISS" too)."""
    return tuple(token_key(t.text) for t in match_tokens(fold(name)))


_NAME_FIELDS = ("name", "aliases", "demonyms", "metonyms")


def _check_names(ruleset: RuleSet) -> list[Checked]:
    """A name (name, alias, demonym or metonym) of two entities is an error: the lexicon
    keeps the first it reads, so the other entity silently loses it, and which one wins
    would depend on the order of the files."""
    errors: list[Checked] = []
    owners: dict[tuple[str, ...], tuple[EntityRule, str, int | None, str]] = {}
    for rule in ruleset.of_kind(EntityRule):
        src = ruleset.sources[rule.id]
        for fname in _NAME_FIELDS:
            names = [rule.name] if fname == "name" else getattr(rule, fname)
            for i, name in enumerate(names):
                key = _name_key(name)
                if not key:
                    continue
                item = None if fname == "name" else i
                first = owners.setdefault(key, (rule, fname, item, name))
                other, ofield, oitem, oname = first
                if other.id == rule.id:
                    continue
                osrc = ruleset.sources[other.id]
                errors.append((rule.id, RuleError(
                    f"{name!r} is already a name of entity {other.id!r} ({ofield} {oname!r} "
                    f"at {osrc.place(ofield, oitem)}); a name stands for one entity only: remove "
                    "it from one of them, or make them one entity (one id)",
                    src.at(fname) if item is None else src.at_item(fname, item))))
    return errors


def _check_phrases(ruleset: RuleSet) -> list[Checked]:
    """A phrase of two project predicates is an error: the lexicon would read it as the
    first one only, so the other silently never matches it (a first-time-user probe), and
    which one won would depend on the order of the files. Built-in predicates give way
    instead (`_yield_phrases`)."""
    errors: list[Checked] = []
    owners: dict[tuple[str, ...], tuple[PredicateRule, int]] = {}
    for rule in ruleset.of_kind(PredicateRule):
        if ruleset.is_builtin(rule.id):
            continue
        src = ruleset.sources[rule.id]
        for i, phrase in enumerate(rule.phrases):
            key = phrase_stems(phrase)
            other, first = owners.setdefault(key, (rule, i)) if key else (rule, i)
            if other.id == rule.id:
                continue
            where = ruleset.sources[other.id].place("phrases", first)
            errors.append((rule.id, RuleError(
                f"phrase {phrase!r} is already a phrase of predicate {other.id!r} "
                f"({other.phrases[first]!r} at {where}); a phrase stands for one predicate "
                "only: remove it from one of them, or make them one predicate (one id)",
                src.at_item("phrases", i))))
    return errors


def _yield_phrases(rules: list[Rule], sources: dict[str, RuleSource]
                   ) -> tuple[list[Rule], dict[str, tuple[str, ...]]]:
    """The rules with each built-in predicate's phrases that a project predicate lists
    taken out of it, and which phrases each gave up: the project's own word for its
    domain wins ("part of" in a project's `part-of` rule no longer reads as the built-in
    `member-of`, which silently kept it)."""
    builtin = {r.id for r in rules if sources[r.id].path.startswith(BUILTIN)}
    taken = {phrase_stems(p) for r in rules if isinstance(r, PredicateRule)
             and r.id not in builtin for p in r.phrases}
    out: list[Rule] = []
    yielded: dict[str, tuple[str, ...]] = {}
    for rule in rules:
        if isinstance(rule, PredicateRule) and rule.id in builtin:
            given = tuple(p for p in rule.phrases if phrase_stems(p) in taken)
            if given:
                yielded[rule.id] = given
                rule = rule.model_copy(update={
                    "phrases": [p for p in rule.phrases if p not in given]})
        out.append(rule)
    return out, yielded


def _define(ruleset: RuleSet, rule_id: str, kind: str) -> str:
    """How to make an unknown entity or predicate id known."""
    if rule_id in ruleset.left_out:
        source = ruleset.sources.get(rule_id)
        where = f" at {source.path}:{source.line}" if source else ""
        return f"it is written `enabled: false`{where}"
    return f"define it with a `kind: {kind}` rule"


def _check_references(ruleset: RuleSet) -> list[Checked]:
    """Fact rules must name known entities and predicates; entities' parents and
    predicates' antonyms must be known ids too."""
    from checker.rules.facts import rule_quantity  # facts imports this package's models

    errors: list[Checked] = []
    lex = ruleset.lexicon
    for entity in ruleset.of_kind(EntityRule):
        if entity.parent is not None and entity.parent not in lex.entities:
            errors.append((entity.id, RuleError(f"unknown parent entity {entity.parent!r} "
                                    f"({_define(ruleset, entity.parent, 'entity')})",
                                    ruleset.sources[entity.id].at("parent"))))
        elif entity.parent == entity.id:
            errors.append((entity.id, RuleError(f"entity {entity.id!r} is its own parent",
                                                ruleset.sources[entity.id].at("parent"))))
    for predicate in ruleset.of_kind(PredicateRule):
        for i, antonym in enumerate(predicate.antonyms):
            if antonym not in lex.predicates:
                errors.append((predicate.id, RuleError(f"unknown antonym predicate {antonym!r} "
                                        f"({_define(ruleset, antonym, 'predicate')})",
                                        ruleset.sources[predicate.id].at_item("antonyms", i))))
    for rule in ruleset.facts:
        src = ruleset.sources[rule.id]
        if rule.predicate not in lex.predicates:
            errors.append((rule.id, RuleError(f"unknown predicate {rule.predicate!r} "
                                    f"({_define(ruleset, rule.predicate, 'predicate')})",
                                    src.at("predicate"))))
        for fname in ("subject", "object"):
            value = getattr(rule, fname)
            if value is not None and value not in lex.entities:
                errors.append((rule.id, RuleError(f"unknown entity {value!r} "
                                        f"({_define(ruleset, value, 'entity')})",
                                        src.at(fname))))
        if rule.value is not None and rule_quantity(rule.value) is None:
            errors.append((rule.id, RuleError(
                f"unit {rule.value.unit!r} is not one claims' figures are read in, so no "
                "claim would match; write it as a document does next to the number: "
                "percent, percentage points, km, kg, USD, $, PKR, or the noun counted "
                "(employees)", src.at("value"))))
    return errors
