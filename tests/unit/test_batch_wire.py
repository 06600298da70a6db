"""A file's outcome sent from a worker to the caller as plain rows comes back as it was."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from govcatalog.batch.files import FileOutcome, FileTask, check_file
from govcatalog.batch.wire import (
    from_wire,
    summaries_to_wire,
    summary_columns_from_wire,
    to_wire,
)
from govcatalog.report import VALUE_LIMIT, Finding, Location, Report, Severity, Stats
from govcatalog.rules.catalog import FixedPositions, ResourceSummary, SummaryColumns, check_catalog
from govcatalog.validate import ValidationOptions
from tests.helpers import resource, write_catalog

OPTIONS = ValidationOptions(today=dt.date(2026, 1, 15))

# short texts, and long ones (around the limit a finding clips its value at)
longs = st.builds(str.__mul__, st.characters(), st.integers(VALUE_LIMIT - 2, VALUE_LIMIT + 40))
texts = st.text(max_size=8) | longs
maybe_texts = st.none() | texts
numbers = st.none() | st.integers(min_value=0, max_value=1 << 40)
locations = st.builds(
    Location, maybe_texts, maybe_texts, maybe_texts, numbers, numbers, maybe_texts, maybe_texts,
    maybe_texts,
)  # fmt: skip
findings = st.builds(
    Finding,
    st.sampled_from(["GC-F003", "GC-R008", "GC-C001"]),
    st.sampled_from(list(Severity)),
    texts,
    texts,
    locations,
    texts,
    texts,
    maybe_texts,
    texts,
)
positions = st.dictionaries(texts, st.tuples(numbers, numbers), max_size=3)
summaries = st.builds(
    ResourceSummary,
    st.integers(min_value=0, max_value=10**6),
    texts,
    maybe_texts,
    maybe_texts,
    maybe_texts,
    st.lists(st.tuples(texts, texts), max_size=3).map(tuple),
    texts,
    texts,
    positions.map(FixedPositions),
    maybe_texts,
    st.none() | st.dictionaries(texts, texts, max_size=2),
    maybe_texts,
)
outcomes = st.builds(
    FileOutcome,
    st.builds(
        Report,
        st.lists(findings, max_size=4).map(tuple),
        st.builds(Stats, st.integers(0, 9), st.integers(0, 10**6), st.integers(0, 10**7)),
        texts,
        texts,
        texts,
    ),
    st.lists(summaries, max_size=4).map(tuple),
    maybe_texts,
    st.none() | st.tuples(texts, texts),
    maybe_texts,
    st.lists(texts, max_size=2).map(tuple),
)


@given(outcomes)
def test_any_outcome_comes_back_equal(outcome: FileOutcome) -> None:
    back = from_wire(to_wire(outcome))
    assert back == outcome
    assert [f.value for f in back.report] == [f.value for f in outcome.report]


def test_a_real_outcome_comes_back_equal_its_clipped_values_untouched(tmp_path: Path) -> None:
    path = write_catalog(
        tmp_path / "a.json",
        resource(code="101001/000001", name="名" * (VALUE_LIMIT + 100)),
        resource(code="101001/000002", related_codes=["101001/000001", "9" * 700]),
    )
    task = FileTask(str(path), "a.json", None, OPTIONS, catalog_rules=False)
    outcome = check_file(task)
    clipped = [f for f in outcome.report if f.value is not None and f.value.endswith("chars]")]
    assert clipped, "a long value is echoed clipped"
    assert len(outcome.summaries) == 2
    back = from_wire(to_wire(outcome))
    assert back == outcome
    assert back.report.findings == outcome.report.findings
    assert back.summaries == outcome.summaries
    # pickled alone (as partitions come back from a process pool), not clipped again either
    again = pickle.loads(pickle.dumps(clipped))
    assert again == clipped
    assert [f.value for f in again] == [f.value for f in clipped]


def test_a_locator_holding_the_text_is_sent_as_positions(tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "a.json", resource(code="101001/000001"))
    task = FileTask(str(path), "a.json", None, OPTIONS, catalog_rules=False)
    outcome = check_file(task)
    live = outcome.summaries[0]
    assert isinstance(live.locator, FixedPositions)
    unfixed = FileOutcome(outcome.report, (replace(live, locator=_Text()),))
    back = from_wire(to_wire(unfixed))
    assert back.summaries[0].locator == FixedPositions(
        dict.fromkeys((live.code_pointer, live.name_pointer), (7, 9))
    )


class _Text:
    """A locator that would hold the input's text."""

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        return (7, 9)


# codes, names and related codes drawn from a few values: duplicates and dangling references
few = st.sampled_from(["A", "B", "C", ""]) | st.none()
catalog_summaries = st.builds(
    ResourceSummary,
    st.integers(min_value=0, max_value=99),
    texts,
    few,
    few,
    st.sampled_from(["甲", "乙"]) | st.none(),
    st.lists(st.tuples(st.sampled_from(["A", "B", "Z", ""]), texts), max_size=2).map(tuple),
    texts,
    texts,
    positions.map(FixedPositions),
    maybe_texts,
    st.none(),
    st.sampled_from(["one.json", "two.json"]),
)


@given(st.lists(st.lists(catalog_summaries, max_size=6), max_size=3))
def test_the_rules_find_from_the_columns_sent_what_they_find_from_the_summaries(
    parts: list[list[ResourceSummary]],
) -> None:
    expected = list(check_catalog([s for part in parts for s in part]))
    sent = [summary_columns_from_wire(summaries_to_wire(part)) for part in parts]
    assert list(check_catalog(SummaryColumns.joined(sent))) == expected


def test_the_reduce_step_makes_a_whole_summary_only_for_a_resource_it_reports() -> None:
    def summary(i: int, code: str, related: tuple[tuple[str, str], ...] = ()) -> ResourceSummary:
        return ResourceSummary(
            i, f"/resources/{i}", code, f"名称{i}", "甲", related, "/code", "/name",
            FixedPositions({}), file="one.json",
        )  # fmt: skip

    sent = [summary(i, f"C{i}") for i in range(500)]
    sent[7] = summary(7, "C3")  # a duplicate of 3
    sent[9] = summary(9, "C9", (("C1", "/related_codes/0"), ("Z", "/related_codes/1")))
    table = summary_columns_from_wire(summaries_to_wire(sent))
    made: list[int] = []

    def counted(i: int) -> ResourceSummary:
        made.append(i)
        return table.summary(i)

    hits = list(check_catalog(replace(table, summary=counted)))
    assert [(h.code, h.summary.index) for h in hits] == [
        ("GC-R008", 3), ("GC-R008", 7), ("GC-C001", 9),
    ]  # fmt: skip
    assert sorted(made) == [3, 7, 9]
    assert hits == list(check_catalog(sent))


def test_summaries_are_made_by_their_constructor_which_changes_nothing() -> None:
    # the wire makes summaries by their constructor; a step that changed a value (as a
    # finding clips its message) would change it a second time on the way back
    assert not hasattr(ResourceSummary, "__post_init__")
