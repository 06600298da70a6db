"""One coercer reads a whole catalog: what it remembers between records (vocabulary look-ups,
format-type splits) never changes what a record reads as, and stays within its bound."""

from __future__ import annotations

from typing import Any

import pytest

from govcatalog.packs import Pack
from govcatalog.records import values
from govcatalog.records.coerce import Coercer
from govcatalog.records.coerced import Coerced
from govcatalog.vocab import Match, Vocabulary


def _outcome(out: Coerced | None) -> tuple[object, ...]:
    assert out is not None
    return out.record, out.hits, out.renames, out.invalid, out.pending


RECORDS: list[dict[str, Any]] = [
    # the same text is a value of two vocabularies, standing for a different concept in each
    {"update_cycle": "1"},
    {"share": {"share_type": "1"}},
    {"update_cycle": "每月更新", "open": {"open_to_public": "Y"}},
    {"format": {"format_types": ["数据库-oracle"]}, "share": {"share_condition": "有条件共享"}},
    {"format": {"format_types": [1]}},
    {"format": {"format_types": [True]}},  # equal to [1] as a key, but written otherwise
    {"format": {"format_types": [{"x": 1}, "电子表格"]}},
    {"update_cycle": "不定期(视情况而定)", "format": {"format_class": "数据库-oracle"}},
]


def test_a_reader_reads_each_record_as_a_new_reader_does(pack: Pack) -> None:
    shared = Coercer(pack)
    for _ in range(2):  # the second time, everything was looked up before
        for data in RECORDS:
            assert _outcome(shared.resource(data)) == _outcome(Coercer(pack).resource(data))


def test_look_ups_are_remembered_within_the_bound(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(values, "_REMEMBERED", 2)
    reader = Coercer(pack)
    memory = reader.values
    reader.resource({"update_cycle": "每月更新", "format": {"format_types": ["MySQL"]}})
    assert len(memory._matches) == 1
    assert len(memory._splits) == 1
    for cycle, kind in (("每年更新", "xls"), ("每日更新", "pdf")):
        reader.resource({"update_cycle": cycle, "format": {"format_types": [kind]}})
        assert 1 <= len(memory._matches) <= 2
        assert 1 <= len(memory._splits) <= 2
    out = reader.resource({"update_cycle": "每月更新", "format": {"format_types": ["MySQL"]}})
    assert _outcome(out) == _outcome(
        Coercer(pack).resource({"update_cycle": "每月更新", "format": {"format_types": ["MySQL"]}})
    )


def test_a_value_read_again_is_not_looked_up_again(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    look_up = Vocabulary.lookup
    split = values.split_format_types

    def counted_lookup(vocabulary: Vocabulary, text: str) -> Match | None:
        asked.append(text)
        return look_up(vocabulary, text)

    def counted_split(*args: Any) -> values.FormatParts:
        asked.append("split")
        return split(*args)

    monkeypatch.setattr(Vocabulary, "lookup", counted_lookup)
    monkeypatch.setattr(values, "split_format_types", counted_split)
    reader = Coercer(pack)
    data = {"update_cycle": "每月更新", "format": {"format_types": ["数据库-oracle"]}}
    first = _outcome(reader.resource(data))
    assert "每月更新" in asked
    assert "split" in asked
    asked.clear()
    assert _outcome(reader.resource(data)) == first
    assert asked == []
