"""The compiled copies of the data files (scoring/data/*.marshal): fresh, faithful, and never trusted when stale."""

import os
import shutil

import pytest

from copydesk.scoring import lexicons
from copydesk.scoring.errors import LexiconError
from copydesk.scoring.lexicons import (
    COMPILED_MAGIC,
    COMPILED_SUFFIX,
    DATA_DIR,
    TOML_PARSER,
    compile_data,
    compiled_sources,
    parse_toml,
    read_compiled,
    read_data,
    same_data,
)

SOURCES = compiled_sources()
TOML_NAMES = sorted(name[: -len(".toml")] for name in SOURCES if name.endswith(".toml"))
SMALL = b'[meta]\ntitle = "A test list"\nsources = ["a", "b"]\n\n[lists]\nwords = ["Alpha", "beta"]\n'


def _read(path):
    with open(path, "rb") as f:
        return f.read()


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_compiled_copy_is_fresh_and_equals_the_parsed_source(name):
    """Fails when a data file was edited without `tools/build_data.py`: rebuild and commit the .marshal file."""
    parser, parse = SOURCES[name]
    source = _read(os.path.join(DATA_DIR, name))
    path = os.path.join(DATA_DIR, name + COMPILED_SUFFIX)
    assert os.path.exists(path), f"{name} has no compiled copy: run tools/build_data.py"
    data = read_compiled(_read(path), source, parser)
    assert data is not None, f"{name}{COMPILED_SUFFIX} is stale or damaged: run tools/build_data.py"
    assert same_data(data, parse(source.decode("utf-8")))


def test_every_toml_file_has_a_compiled_form_and_no_compiled_file_is_orphaned():
    names = set(os.listdir(DATA_DIR))
    assert {n for n in names if n.endswith(".toml")} <= set(SOURCES) <= names
    assert {n[: -len(COMPILED_SUFFIX)] for n in names if n.endswith(COMPILED_SUFFIX)} == set(SOURCES)


@pytest.mark.parametrize("name", TOML_NAMES)
def test_lexicon_from_compiled_copy_equals_lexicon_from_toml(name, tmp_path):
    shutil.copy(os.path.join(DATA_DIR, f"{name}.toml"), tmp_path)  # no compiled copy: parsed
    assert lexicons.load(name, str(tmp_path)) == lexicons.load(name)


def _write(tmp_path, source, compiled=None):
    (tmp_path / "t.toml").write_bytes(source)
    if compiled is not None:
        (tmp_path / ("t.toml" + COMPILED_SUFFIX)).write_bytes(compiled)
    return str(tmp_path)


def test_a_fresh_compiled_copy_is_what_gets_loaded(tmp_path):
    # Its payload differs from the source on purpose, to show which one the loader read.
    decoy = {"meta": {"title": "compiled", "sources": ["c", "d"]}, "lists": {"words": ["gamma"]}}
    data_dir = _write(tmp_path, SMALL, compile_data(SMALL, TOML_PARSER, decoy))
    assert lexicons.load("t", data_dir).terms("lists.words") == {"gamma"}


def _damaged_copies():
    good = compile_data(SMALL, TOML_PARSER, parse_toml(SMALL.decode()))
    header = len(COMPILED_MAGIC) + 64 + 1 + 8 + 1
    flipped = bytearray(good)
    flipped[header + 20] ^= 0x01
    other_source = SMALL.replace(b"beta", b"delta")
    decoy = {"meta": {"title": "stale", "sources": ["c", "d"]}, "lists": {"words": ["gamma"]}}
    return {
        "stale: built from an older source": compile_data(other_source, TOML_PARSER, decoy),
        "built by another parser": compile_data(SMALL, "tomllib-0", decoy),
        "payload bit flipped": bytes(flipped),
        "truncated": good[:-5],
        "header only": good[:header],
        "unknown layout": COMPILED_MAGIC.replace(b"1", b"2") + good[len(COMPILED_MAGIC) :],
        "empty": b"",
        "fresh, but not a table": compile_data(SMALL, TOML_PARSER, ["not", "a", "table"]),
        "garbage": b"\x00\xff" * 40,
    }


@pytest.mark.parametrize("case", sorted(_damaged_copies()))
def test_a_stale_or_damaged_compiled_copy_is_ignored(case, tmp_path):
    data_dir = _write(tmp_path, SMALL, _damaged_copies()[case])
    lexicon = lexicons.load("t", data_dir)
    assert lexicon.title == "A test list"
    assert lexicon.terms("lists.words") == {"alpha", "beta"}


def test_a_missing_compiled_copy_falls_back_to_the_source(tmp_path):
    assert read_data("t.toml", parse_toml, TOML_PARSER, _write(tmp_path, SMALL)) == parse_toml(SMALL.decode())


def test_a_bad_source_is_a_lexicon_error_even_with_a_compiled_copy(tmp_path):
    good = compile_data(SMALL, TOML_PARSER, parse_toml(SMALL.decode()))
    with pytest.raises(LexiconError, match="t:"):
        lexicons.load("t", _write(tmp_path, b"[meta\n", good))
    with pytest.raises(LexiconError, match="missing:"):
        lexicons.load("missing", str(tmp_path))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ({"a": [1, 2.0]}, {"a": [1, 2.0]}, True),
        ({"a": 1}, {"a": True}, False),
        ({"a": 1.0}, {"a": 1}, False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),
        ([0.0], [-0.0], False),
        ([float("nan")], [float("nan")], True),
        (["x"], ("x",), False),
    ],
)
def test_same_data_is_strict_about_types_and_order(a, b, same):
    assert same_data(a, b) is same
