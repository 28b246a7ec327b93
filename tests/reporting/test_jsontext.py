"""jsontext writes what json.dumps(indent=2, ensure_ascii=False) writes, byte for byte."""

from __future__ import annotations

import json
import random
import struct
import typing
from typing import Any

import pydantic
import pytest

from checker.models import report as report_models
from checker.models.common import Severity
from checker.models.report import ClaimRef, Finding, Report
from checker.reporting import json_report, sarif
from checker.reporting.jsontext import dump_model, dump_model_bytes, dumps, dumps_bytes, floats_in


def _slow(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _floats() -> list[float]:
    rng = random.Random(7)
    found = [0.0, -0.0, 1e-4, 1e-5, 9.99e-5, 1.5e-7, 5e-324, 1e15, 1e16, 1.2345e22, 1 / 3,
             float("nan"), float("inf"), -float("inf")]
    found += [rng.choice((1, -1)) * 10 ** rng.uniform(-30, 30) for _ in range(3000)]
    found += [round(rng.uniform(0, 1), rng.randint(0, 6)) for _ in range(1000)]
    found += [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0] for _ in range(1000)]
    return found


def test_every_character_as_json_dumps() -> None:
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    for i in range(0, len(chars), 20000):
        text = "".join(chars[i:i + 20000])
        value = {text: [text, {"k": text}], "n": None, "b": True, "e": [], "o": {}}
        assert dumps(value, []) == _slow(value)


def test_floats_of_every_magnitude() -> None:
    floats = _floats()
    value = {"x": floats, "y": {str(i): f for i, f in enumerate(floats)}}
    assert dumps(value, floats) == _slow(value)
    for f in floats:
        assert dumps([f, {"f": f}], [f]) == _slow([f, {"f": f}]), f
    # The bytes written are the text's (the fast way and the slow one).
    assert dumps_bytes(value, floats) == _slow(value).encode("utf-8")
    assert dumps_bytes([1.0, 0.5], [1.0, 0.5]) == _slow([1.0, 0.5]).encode("utf-8")


def test_a_lone_surrogate_as_json_dumps() -> None:
    assert dumps({"a": "x\ud800"}, []) == _slow({"a": "x\ud800"})
    # No UTF-8 holds it: as writing the text raised before the bytes were written directly.
    with pytest.raises(UnicodeEncodeError):
        dumps_bytes({"a": "x\ud800"}, [])


def _finding(confidence: float, details: dict[str, Any]) -> Finding:
    ref = ClaimRef(claim_id="c1", document="d", path="d.txt", line=1, column=1, end_line=1,
                   end_column=5, span=(0, 4), text="Text \u201cquoted\u201d")
    return Finding.model_construct(
        id="f", kind="conflict", severity=Severity.error, message="m", confidence=confidence,
        reason=None, claims=[ref], details=details)


@pytest.mark.parametrize("confidence", [0.5, 1e-5, float("nan"), float("inf")])
def test_a_model_as_json_dumps(confidence: float) -> None:
    finding = _finding(confidence, {"figures": [1e-6, 0.25, float("nan")], "s": "e-1"})
    floats = [finding.confidence, *floats_in(finding.details)]
    assert dump_model(finding, floats) == _slow(finding.model_dump(mode="json"))
    assert dump_model_bytes(finding, floats) == dump_model(finding, floats).encode("utf-8")


def test_reports_as_json_dumps(report: Report) -> None:
    assert json_report.render(report) == _slow(report.model_dump(mode="json")) + "\n"
    assert sarif.render(report) == _slow(sarif.build(report)) + "\n"
    for update in ({"confidence": 1e-5}, {"confidence": float("nan")},
                   {"details": {"figures": [[0.5, 2e-7]], "x": {"y": (1e-9,)}}},
                   {"details": {"deep": [[[float("inf")]]]}}):
        odd = report.model_copy(update={"findings": [
            f.model_copy(update=update) for f in report.findings]})
        assert json_report.render(odd) == _slow(odd.model_dump(mode="json")) + "\n"
        assert sarif.render(odd) == _slow(sarif.build(odd)) + "\n"
    # A lone surrogate, which no UTF-8 holds: the text as json.dumps makes it; the bytes,
    # which are what is written, cannot be made.
    odd = report.model_copy(update={"findings": [
        f.model_copy(update={"message": "x\ud800"}) for f in report.findings]})
    assert json_report.render(odd) == _slow(odd.model_dump(mode="json")) + "\n"
    assert sarif.render(odd) == _slow(sarif.build(odd)) + "\n"
    for render_bytes in (json_report.render_bytes, sarif.render_bytes):
        with pytest.raises(UnicodeEncodeError):
            render_bytes(odd)


def _float_paths(value: Any, path: str = "") -> set[str]:
    if isinstance(value, float):
        return {path}
    if isinstance(value, dict):
        return {p for k, v in value.items() for p in _float_paths(v, f"{path}.{k}")}
    if isinstance(value, list):
        return {p for v in value for p in _float_paths(v, f"{path}[]")}
    return set()


def test_confidence_is_the_only_float_of_a_sarif_log(report: Report) -> None:
    """sarif.render passes only the findings' confidences to dumps as the floats."""
    assert _float_paths(sarif.build(report)) == {".runs[].results[].properties.confidence"}


def _has(annotation: Any, kind: Any) -> bool:
    return annotation is kind or any(_has(a, kind) for a in typing.get_args(annotation))


def test_confidence_and_details_hold_the_floats_of_a_report() -> None:
    """json_report passes the findings' confidences and the floats of their details to
    dump_model: the one float field of the report models, and the one of any type."""
    models = [m for m in vars(report_models).values()
              if isinstance(m, type) and issubclass(m, pydantic.BaseModel)]
    fields = [(m.__name__, name, f.annotation) for m in models
              for name, f in m.model_fields.items()]
    assert {(m, name) for m, name, a in fields if _has(a, float)} == {("Finding", "confidence")}
    assert {(m, name) for m, name, a in fields if _has(a, Any)} == {("Finding", "details")}
