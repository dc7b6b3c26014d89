"""The report's types are frozen dataclasses whose written-out `__init__` matches their fields."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from scoring import results, text

# Every dataclass the report is made of: results.py's and the text model's.
TYPES = [
    obj
    for module in (results, text)
    for obj in vars(module).values()
    if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__
]


def _sample(cls: type) -> object:
    """An instance with a distinct value in every field (types do not matter to the class)."""
    return cls(*[f"value-{k}" for k in range(len(dataclasses.fields(cls)))])


def test_every_report_type_is_listed():
    names = {cls.__name__ for cls in TYPES}
    assert {"Report", "Claim", "Cue", "SentenceFinding", "Unit", "Paragraph", "Document"} <= names
    assert len(TYPES) == 19  # 16 in results.py, 3 in text.py


@pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        expected = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        assert p.default == expected, (cls.__name__, f.name)
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD


@pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
def test_init_sets_each_field_to_its_own_argument(cls):
    obj = _sample(cls)
    assert [getattr(obj, f.name) for f in dataclasses.fields(cls)] == [
        f"value-{k}" for k in range(len(dataclasses.fields(cls)))
    ]
    by_keyword = cls(**{f.name: f"value-{k}" for k, f in enumerate(dataclasses.fields(cls))})
    assert by_keyword == obj and hash(by_keyword) == hash(obj)


@pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
def test_instances_are_frozen(cls):
    obj = _sample(cls)
    first = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, first, "changed")
    assert cls.__dataclass_params__.frozen
    assert getattr(obj, first) == "value-0"
