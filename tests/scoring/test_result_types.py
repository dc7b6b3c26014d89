"""The report's types are frozen dataclasses whose written-out `__init__` matches their fields."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from copydesk.scoring import analyze, build_document, results, text
from tests.conftest import SEED_PATH

ROOT = Path(__file__).resolve().parents[2]

# Every dataclass the report is made of: results.py's and the text model's.
TYPES = [
    obj
    for module in (results, text)
    for obj in vars(module).values()
    if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__
]
# An article with a restatement, a repeated figure and a conflicting one, besides the seed.
REPEATS = (
    "Floods forced 3,000 people from their homes, officials said. Floods forced 3,000 people from their homes.\n\n"
    "In all, 11,000 soldiers were sent to Russia. Officials said 12,000 soldiers were sent."
)


def _instances() -> dict[type, object]:
    """One instance of each report type, taken from real reports (compiled classes check their fields' types)."""
    found: dict[type, object] = {}

    def walk(value: object) -> None:
        if isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type) and type(value) in TYPES:
            found.setdefault(type(value), value)
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))

    for article in (SEED_PATH.read_text(encoding="utf-8"), REPEATS):
        walk(analyze(article))
        doc = build_document(article)
        walk(doc)
        walk(doc.paragraphs)
    return found


INSTANCES = _instances()


def test_every_report_type_is_listed_and_found():
    names = {cls.__name__ for cls in TYPES}
    assert {"Report", "Claim", "Cue", "SentenceFinding", "Unit", "Paragraph", "Document"} <= names
    assert len(TYPES) == 22  # 19 in results.py, 3 in text.py
    assert set(INSTANCES) == set(TYPES)


def _written_init(cls: type) -> ast.FunctionDef:
    """The class's `__init__` as written in its source (a compiled class's signature cannot be inspected)."""
    source = ROOT / (cls.__module__.removeprefix("copydesk.").replace(".", "/") + ".py")  # copydesk.scoring.x: scoring/x.py
    tree = ast.parse(source.read_text(encoding="utf-8"))
    (node,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__]
    (init,) = [n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"]
    return init


@pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    init = _written_init(cls)
    params = init.args.args[1:]
    fields = dataclasses.fields(cls)
    assert [p.arg for p in params] == [f.name for f in fields]
    assert not init.args.vararg and not init.args.kwarg and not init.args.kwonlyargs
    defaults = [ast.literal_eval(d) for d in init.args.defaults]
    expected = [f.default for f in fields if f.default is not dataclasses.MISSING]
    assert defaults == expected and all(f.default_factory is dataclasses.MISSING for f in fields)
    # every field set once, from its own argument
    sets = [
        (call.args[1].value, call.args[2].id)
        for stmt in init.body
        if isinstance(stmt, ast.Expr) and isinstance(call := stmt.value, ast.Call)
    ]
    assert sets == [(f.name, f.name) for f in fields]


@pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
def test_init_sets_each_field_to_its_own_argument(cls):
    obj = INSTANCES[cls]
    values = [getattr(obj, f.name) for f in dataclasses.fields(cls)]
    by_position = cls(*values)
    by_keyword = cls(**{f.name: v for f, v in zip(dataclasses.fields(cls), values)})
    for copy in (by_position, by_keyword):
        assert copy == obj and copy is not obj
        assert [getattr(copy, f.name) for f in dataclasses.fields(cls)] == values


@pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
def test_instances_are_frozen(cls):
    obj = INSTANCES[cls]
    first = dataclasses.fields(cls)[0].name
    before = getattr(obj, first)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, first, before)
    assert cls.__dataclass_params__.frozen
    assert getattr(obj, first) == before  # compiled, numbers are stored unboxed: equal, not the same object
