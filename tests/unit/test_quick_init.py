"""The quicker constructor makes the same objects as the dataclass's own."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import InitVar, dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcatalog._location import Location
from govcatalog._quick_init import quick_init
from govcatalog.io._jsonlocator import JsonLocator
from govcatalog.io.records import RawRecord
from govcatalog.model.code import ResourceCode
from govcatalog.packs.codebook import RenderedMessage
from govcatalog.records.hits import Hit
from govcatalog.records.read_record import ReadRecord
from govcatalog.report import Finding
from govcatalog.rules.catalog import CatalogHit, ResourceSummary
from govcatalog.validate.options import RecordOutcome

QUICK = [
    Finding, Hit, RenderedMessage, RawRecord, ReadRecord, ResourceSummary, CatalogHit,
    RecordOutcome, JsonLocator, Location, ResourceCode,
]  # fmt: skip


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_the_hot_classes_take_the_quick_constructor(cls: type) -> None:
    assert cls.__init__.__wrapped__ is not cls.__init__  # type: ignore[misc]
    assert dataclasses.is_dataclass(cls)


def _sample_class() -> Any:
    @dataclass(frozen=True, slots=True)
    class Sample:
        a: int
        b: str = "b"
        c: list[int] = field(default_factory=list)
        d: object = None

        def __post_init__(self) -> None:
            if self.b == "clip":
                object.__setattr__(self, "b", "clipped")

    return Sample


_Sample = _sample_class()
_QUICK_SAMPLE = quick_init(_sample_class())
_NAMES = ("a", "b", "c", "d")


@given(
    st.tuples(
        st.integers(), st.sampled_from(["x", "clip", "b"]), st.lists(st.integers()), st.none()
    ),
    st.integers(0, 4),
    st.integers(0, 4),
)
def test_same_objects_as_the_dataclass_constructor(
    values: tuple[Any, ...], given_count: int, positional: int
) -> None:
    """Any number of the fields given, any of them by position, the rest by name."""
    given_count = max(given_count, 1)  # a has no default
    positional = min(positional, given_count)
    args = values[:positional]
    kwargs = dict(zip(_NAMES[positional:given_count], values[positional:given_count], strict=True))
    quick = _QUICK_SAMPLE(*args, **kwargs)
    made = _Sample(*args, **kwargs)
    assert dataclasses.astuple(quick) == dataclasses.astuple(made)


def test_defaults_factories_and_post_init() -> None:
    one, two = _QUICK_SAMPLE(1), _QUICK_SAMPLE(1)
    assert one.c == [] and one.c is not two.c  # a fresh list each time
    assert _QUICK_SAMPLE(1, "clip").b == "clipped"
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.a = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        _QUICK_SAMPLE()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _QUICK_SAMPLE(1, "b", [], None, 5)  # type: ignore[call-arg]


def test_findings_still_clip_and_pickle() -> None:
    f = Finding("GC-R001", "error", "消" * 5000, "m", Location("f"), value="v" * 5000)  # type: ignore[arg-type]
    assert len(f.message_zh) < 5000 and f.value is not None and len(f.value) < 5000
    assert pickle.loads(pickle.dumps(f)) == f


def test_only_plain_frozen_dataclasses_with_slots() -> None:
    @dataclass(slots=True)
    class Mutable:
        a: int

    @dataclass(frozen=True, slots=True, kw_only=True)
    class KeywordOnly:
        a: int

    @dataclass(frozen=True, slots=True)
    class WithInitVar:
        a: int
        b: InitVar[int] = 0

    @dataclass(frozen=True, slots=True)
    class NotInInit:
        a: int
        b: int = field(init=False, default=0)

    for cls in (Mutable, KeywordOnly, WithInitVar, NotInInit):
        with pytest.raises(TypeError):
            quick_init(cls)
