"""Property: no reader raises on bad input, and none gives an internal message.

Random bytes and structure-aware mutations of valid files (truncated, bit-flipped,
fields replaced by values of every JSON type) go through every annotated reader and
the plain readers under every extension; each yields records or failures that say
what is wrong in words.

A failing example hypothesis finds is kept in tests/fixtures/hypothesis_found/
(``READER--HASH.SUFFIX``, written on hypothesis's final, shrunk run) and replayed by
``test_cases_hypothesis_found_stay_fixed`` on every run from then on."""

from __future__ import annotations

import hashlib
import json
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import formats
from corpus.formats.model import Annotated, FormatError, RecordFailure
from corpus.readers import read_bytes

INTERNAL = re.compile(r"Traceback|[A-Z][a-z]+Error\b|object has no attribute|internal error|"
                      r"unhashable|object is not|invalid literal for|values to unpack")
TEXT = "德州市审计局召开会议，王玉东出席。"
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=5), lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=6)
VALID = {
    "doccano": {"text": TEXT, "label": [[0, 6, "ORG"], [12, 15, "PER"]], "meta": {"a": 1}},
    "labelstudio": {"id": 1, "data": {"text": TEXT}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": 0, "end": 6, "labels": ["ORG"]}}]}],
        "predictions": [1]},
    "cluener": {"text": TEXT, "label": {"ORG": {"德州市审计局": [[0, 5]]}}},
    "hf": {"tokens": list("德州市"), "ner_tags": [1, 2, 2]},
}
SUFFIX = {"doccano": ".jsonl", "labelstudio": ".json", "cluener": ".json", "hf": ".jsonl"}


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _replaced(value, path, new):
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copy


FOUND = Path(__file__).resolve().parents[2] / "fixtures" / "hypothesis_found"


@contextmanager
def kept_if_failing(reader: str, suffix: str, data: bytes):
    """On hypothesis's final run of a failing example, keep its bytes in FOUND."""
    try:
        yield
    except Exception:
        if _final_run():
            FOUND.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256(data).hexdigest()[:12]
            (FOUND / f"{reader}--{digest}{suffix}").write_bytes(data)
        raise


def _final_run() -> bool:
    from hypothesis.control import current_build_context

    try:
        return current_build_context().is_final
    except Exception:  # noqa: BLE001 - not inside a hypothesis test (a replay)
        return False


def check_reader(name: str, tmp_path, data: bytes) -> None:
    with kept_if_failing(name, SUFFIX.get(name, ".txt"), data):
        _check_reader(name, tmp_path, data)


def _check_reader(name: str, tmp_path, data: bytes) -> None:
    path = tmp_path / f"input{SUFFIX.get(name, '.txt')}"
    path.write_bytes(data)
    try:
        results = list(formats.get(name).read(path))
    except FormatError as error:
        assert not INTERNAL.search(str(error)), str(error)
        return
    for result in results:
        assert isinstance(result, Annotated | RecordFailure)
        if isinstance(result, RecordFailure):
            assert result.name and not INTERNAL.search(result.reason), result.reason
        else:
            assert isinstance(result.text, str)
            for _, why in result.rejected:
                assert not INTERNAL.search(why), why


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(VALID)), st.data())
def test_a_field_of_any_type_is_named_never_internal(tmp_path, name, data):
    record = VALID[name]
    path = data.draw(st.sampled_from(list(_paths(record))[1:]))
    mutated = _replaced(record, path, data.draw(JSON_VALUES))
    body = json.dumps([mutated] if SUFFIX[name] == ".json" else mutated, ensure_ascii=False)
    check_reader(name, tmp_path, body.encode())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(VALID)), st.data())
def test_truncated_and_bit_flipped_records_fail_in_words(tmp_path, name, data):
    body = json.dumps(VALID[name], ensure_ascii=False).encode()
    if data.draw(st.booleans()):
        body = body[:data.draw(st.integers(0, len(body)))]
    else:
        flipped = bytearray(body)
        for position in data.draw(st.lists(st.integers(0, len(body) - 1), max_size=6)):
            flipped[position] ^= 1 << data.draw(st.integers(0, 7))
        body = bytes(flipped)
    check_reader(name, tmp_path, body)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["doccano", "labelstudio", "cluener", "conll", "hf", "brat"]),
       st.binary(max_size=300))
def test_random_bytes_never_raise_in_an_annotated_reader(tmp_path, name, data):
    if name == "brat":
        with kept_if_failing("brat", ".ann", data):
            check_brat(tmp_path, data, data[::-1])
        return
    check_reader(name, tmp_path, data)


def check_brat(tmp_path, ann: bytes, txt: bytes) -> None:
    (tmp_path / "input.txt").write_bytes(txt)
    path = tmp_path / "input.ann"
    path.write_bytes(ann)
    try:
        results = list(formats.get("brat").read(path))
    except FormatError as error:
        assert not INTERNAL.search(str(error))
        return
    for result in results:
        if isinstance(result, RecordFailure):
            assert not INTERNAL.search(result.reason), result.reason
        else:
            for _, why in result.rejected:
                assert not INTERNAL.search(why), why


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([".txt", ".md", ".html", ".docx", ".csv", ".tsv", ".jsonl", ".json",
                        ""]), st.binary(max_size=400))
def test_random_bytes_under_every_extension_give_articles_or_reasons(suffix, data):
    with kept_if_failing("plain", suffix or ".none", data):
        check_plain(suffix, data)


def check_plain(suffix: str, data: bytes) -> None:
    for item in read_bytes(data, f"f{suffix}", suffix=suffix):
        reason = getattr(item, "reason", None)
        if reason is not None:
            assert not INTERNAL.search(reason), reason
        else:
            assert isinstance(item.text, str)


def test_a_bad_brat_line_is_rejected_alone_and_non_utf8_is_said_in_words(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tORG 0 6\t德州市审计局\nT2\tPER zz\t王\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe")
    (tmp_path / "b.ann").write_bytes(b"")
    a, b = formats.get("brat").read(tmp_path)
    assert [(s.start, s.end, s.label) for s in a.spans] == [(0, 6, "ORG")]
    assert len(a.rejected) == 1 and a.rejected[0][0].startswith("a.ann:2")
    assert isinstance(b, RecordFailure) and b.reason.startswith("b.txt is not UTF-8 text (byte 0)")


def _found() -> list[Path]:
    """The kept cases; a brat case's .txt (``brat--HASH.txt``) goes with its .ann."""
    if not FOUND.is_dir():
        return []
    return [path for path in sorted(FOUND.iterdir())
            if "--" in path.name and not (path.name.startswith("brat--")
                                          and path.suffix == ".txt")]


@pytest.mark.parametrize("path", _found(), ids=lambda path: path.name)
def test_cases_hypothesis_found_stay_fixed(tmp_path, path):
    reader = path.name.partition("--")[0]
    data = path.read_bytes()
    if reader == "plain":
        check_plain("" if path.suffix == ".none" else path.suffix, data)
    elif reader == "brat":
        txt = path.with_suffix(".txt")
        check_brat(tmp_path, data, txt.read_bytes() if txt.is_file() else data[::-1])
    else:
        _check_reader(reader, tmp_path, data)


def test_the_kept_cases_are_replayed():
    assert len(_found()) >= 4    # the corpus is there and the names are understood
