"""Reading one value of a record for its field: its kind, vocabulary, forms and normalisations.

Every liberty taken is reported as a hit on the :class:`~govcatalog.records.coerced.Coerced`
being built; a value that cannot be read is reported and left out (:data:`MISSING`).
"""

from __future__ import annotations

import re
from functools import partial

from govcatalog._bilingual import Bilingual, joined, listed
from govcatalog._lenient import typed_as_text
from govcatalog.io.lists import is_list_syntax, split_list
from govcatalog.model.code import CodeProblem, ResourceCode, parse_resource_code, problem_text
from govcatalog.model.code_forms import read_code
from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.packs.value_forms import fold_value
from govcatalog.records.coerced import (
    FORM_FIELDS,
    FORMAT_CLASS,
    FORMAT_TYPES,
    MISSING,
    OPEN_CONDITION,
    OPEN_TO_PUBLIC,
    PARSED_CODE,
    SHARE_CONDITION,
    SHARE_TYPE,
    Coerced,
    Pending,
    allowed,
    compound_split,
    element_value,
    excerpt,
    names,
    normalised,
    pointer_of,
    type_params,
)
from govcatalog.records.forms import (
    LISTED,
    NO_CONDITION,
    SIZED,
    FormatParts,
    several_values,
    slashed_types,
    split_format_types,
    split_note,
)
from govcatalog.records.hits import Hit, Record
from govcatalog.records.scalar_values import read_date, read_int
from govcatalog.vocab import Match, MatchKind, Vocabulary

_PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
"""A number's text that is the digits as written (no exponent, no nan or inf)."""

_REMEMBERED = 20_000
"""Vocabulary look-ups and format-type splits remembered per reader (a catalog repeats its
values: 数据库, MySQL, 有条件共享 …); all are forgotten at once past this many."""


class ValueReader:
    """Reads values for one pack's fields. Build once, use for every value (what it remembers
    of the values read before changes no outcome)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        table = pack.fields
        self._vocab: dict[str, Vocabulary] = {
            f.id: pack.field_vocabulary(f)
            for f in (*table.resource_fields(), *table.catalog_fields())
            if f.vocabulary
        }
        self._labels: dict[str, frozenset[str]] = {
            k: frozenset(v.labels()) for k, v in self._vocab.items()
        }
        self._forms = pack.value_forms
        self._matches: dict[tuple[str, str], Match | None] = {}
        self._splits: dict[tuple[object, ...], FormatParts] = {}
        self._allowed_said: dict[str, Bilingual] = {}

    def _allowed(self, vocab: Vocabulary) -> Bilingual:
        """The values of a vocabulary, for a finding that lists them (made once a vocabulary)."""
        said = self._allowed_said.get(vocab.id)
        if said is None:
            said = self._allowed_said[vocab.id] = allowed(vocab)
        return said

    def _lookup(self, field_id: str, text: str) -> Match | None:
        """What ``text`` stands for in the vocabulary of a field (remembered)."""
        key = (field_id, text)
        matches = self._matches
        found = matches.get(key, MISSING)
        if found is MISSING:
            if len(matches) >= _REMEMBERED:
                matches.clear()
            found = matches[key] = self._vocab[field_id].lookup(text)
        return found  # type: ignore[return-value]

    def _format_split(self, types: list[object]) -> FormatParts:
        """The format classes taken out of a list of format types (remembered for lists of text:
        a catalog names the same few formats)."""
        if not all(type(part) is str for part in types):
            return split_format_types(types, self._vocab[FORMAT_CLASS], self._vocab[FORMAT_TYPES])
        key = tuple(types)
        splits = self._splits
        found = splits.get(key)
        if found is None:
            if len(splits) >= _REMEMBERED:
                splits.clear()
            found = splits[key] = split_format_types(
                types, self._vocab[FORMAT_CLASS], self._vocab[FORMAT_TYPES]
            )
        return found

    def wrong_type(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> None:
        out.hits.append(Hit("GC-S003", cpath, type_params(spec, value), excerpt(value)))
        out.invalid.add(cpath)

    def value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if value is None:
            return MISSING
        if (
            isinstance(value, str)
            and spec.id != SHARE_CONDITION  # 无 there says "no condition" (R1)
            and self._forms.is_placeholder(value)
        ):
            out.hits.append(Hit("GC-F016", cpath, names(spec), value))
            return MISSING
        kind = spec.kind
        if kind in (FieldKind.TEXT, FieldKind.CODE):
            return self._text_value(spec, value, cpath, out)
        if kind in (FieldKind.TEXTS, FieldKind.CODES):
            return self._list_value(spec, value, cpath, out)
        if kind is FieldKind.VOCAB:
            return self._vocab_value(spec, value, cpath, out)
        if kind is FieldKind.BOOL:
            return self._bool_value(spec, value, cpath, out)
        if kind is FieldKind.DATE:
            return read_date(spec, value, cpath, out)
        if kind is FieldKind.INT:
            return read_int(spec, value, cpath, out)
        self.wrong_type(spec, value, cpath, out)
        return MISSING

    def _normalised(
        self, spec: FieldSpec, given: object, canonical: object, cpath: str, out: Coerced
    ) -> None:
        out.hits.append(normalised(spec, given, canonical, cpath))

    def _text_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.wrong_type(spec, value, cpath, out)
            return MISSING
        if not isinstance(value, str):
            text = str(value)
            # A number in a text element (a portal's record count, its rating) reads as the
            # digits written; a code may have lost leading zeros, 1e20 or nan its written form.
            if spec.kind is FieldKind.CODE or not _PLAIN_NUMBER.match(text):
                self._normalised(spec, value, text, cpath, out)
            value = text
        trimmed = value.strip()
        if not trimmed:
            return MISSING
        if spec.kind is FieldKind.TEXT:
            # Spaces, line breaks or an ideographic space around a text (a cell typed or pasted
            # so, a CHAR column padded by its system) are no part of it: 姓名 , not a new name;
            # nor is the apostrophe typed to keep digits as text ('91350100M000100Y43).
            read = typed_as_text(trimmed)
            if read != value:
                self._normalised(spec, value, read, cpath, out)
                value = read
        if spec.id in FORM_FIELDS and self._text_form(spec, value, cpath, out):
            return MISSING
        if spec.max_length is not None and len(value) > spec.max_length:
            params = names(spec) | {"length": len(value), "max_length": spec.max_length}
            out.hits.append(Hit("GC-F004", cpath, params, value))
        if spec.kind is FieldKind.CODE:
            value, parsed = self._code(spec, value, cpath, out)
            if parsed is not None and cpath == "/code":
                out.record[PARSED_CODE] = parsed
        return value

    def _code(
        self, spec: FieldSpec, value: str, cpath: str, out: Coerced
    ) -> tuple[str, ResourceCode | None]:
        """A 信息资源代码 as read, and parsed. One written in another form (full-width digits or
        slash, spaces, a backslash or a dash for the slash, dashes between the levels: see
        :mod:`govcatalog.model.code_forms`) is read as the code it spells, said as GC-F003; a
        code that is wrong, or whose reading is open, is GC-F005 with what is wrong."""
        rules = self.pack.code_rules
        parsed = parse_resource_code(value, rules)
        if not isinstance(parsed, CodeProblem):  # as written: the code of nearly every resource
            return value, parsed
        read = read_code(value, rules)
        if isinstance(read, CodeProblem):
            zh, en = problem_text(read)
            out.hits.append(Hit("GC-F005", cpath, {"reason_zh": zh, "reason_en": en}, value))
            return value, None
        canonical = str(read)
        if canonical != value:
            self._normalised(spec, value, canonical, cpath, out)
        return canonical, read

    def _list_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        given = value[0] if isinstance(value, list) and len(value) == 1 else value
        if isinstance(value, str | list):
            written = value if isinstance(value, str) else excerpt(given)
            parts: list[object] = [*split_list(value)] if isinstance(value, str) else value
            whole = slashed_types(spec.id, parts, self._vocab)
            as_list = isinstance(value, str) and is_list_syntax(value)
            if (as_list or whole != parts) and LISTED.join(map(str, whole)) != written.strip():
                self._normalised(spec, written, listed(whole), cpath, out)
            value = whole
        if isinstance(value, list) and spec.id == FORMAT_TYPES and FORMAT_CLASS in self._vocab:
            split = self._format_split(value)
            for cls in split.classes[:1]:
                out.pending.append(Pending(FORMAT_CLASS, cls, False, cpath))
                self._normalised(spec, excerpt(given), self._class_read(cls, split), cpath, out)
            value = split.types
            if not value and split.classes:
                return MISSING
        if not isinstance(value, list):
            self.wrong_type(spec, value, cpath, out)
            return MISSING
        kept: list[str] = []
        for i, part in enumerate(value):
            if not isinstance(part, str):
                self.wrong_type(spec, part, f"{cpath}/{i}", out)
                continue
            if part.strip():
                if spec.kind is FieldKind.CODES:
                    part, _ = self._code(spec, part, f"{cpath}/{i}", out)  # noqa: PLW2901
                kept.append(part)
        return kept

    def _class_read(self, cls: str, split: FormatParts) -> Bilingual:
        """What format types with a format class among them read as: 数据库 + mysql, or the
        class alone (信息资源格式分类：电子文件)."""
        term = self._vocab[FORMAT_CLASS].term(cls)
        if split.types:
            return joined((term, listed(split.types)), " + ", " + ")
        return element_value(self.pack.fields.get(FORMAT_CLASS), term)

    def _vocab_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if isinstance(value, str) and value in self._labels[spec.id]:
            return value
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.wrong_type(spec, value, cpath, out)
            return MISSING
        text = str(value)
        if spec.compound and compound_split(text):
            text = compound_split(text)[0]  # type: ignore[index]
        if not text.strip():
            return MISSING
        match = self._coded(self._lookup(spec.id, text), cpath, out)
        if match is None:
            return self._vocab_form(spec, self._vocab[spec.id], text, cpath, out)
        if match.is_defect or not isinstance(value, str):
            self._normalised(spec, value, match.concept.term, cpath, out)
        return match.concept.label_zh

    @staticmethod
    def _coded(match: Match | None, cpath: str, out: Coerced) -> Match | None:
        """``match``, unless it is by a code written under a catalog system's key whose
        codes are not read (``shareType: 1`` is 无条件共享 in one system, 有条件共享 in
        another): such a code is no value."""
        if match is None or cpath not in out.uncoded:
            return match
        code = match.concept.notation
        by_code = match.kind is MatchKind.NOTATION or fold_value(match.given) == code
        return None if by_code and code is not None else match

    def _vocab_form(
        self, spec: FieldSpec, vocab: Vocabulary, text: str, cpath: str, out: Coerced
    ) -> object:
        """A value outside the vocabulary: a noted, described or unknown form."""
        sized = SIZED.match(text) if spec.size else None
        found = self._lookup(spec.id, sized[1]) if sized else None
        if sized and found:  # varchar2(50): the type, and the size for its own field
            size = self.pack.fields.get(spec.size or "")
            out.pending.append(Pending(size.id, int(sized[2]), False, cpath))
            term = found.concept.term
            read = Bilingual(f"{term.zh}，{size.zh} {sized[2]}", f"{term.en}, {size.en} {sized[2]}")
            self._normalised(spec, text, read, cpath, out)
            return found.concept.label_zh
        match = self._noted(spec, text, cpath, out)
        if match is not None:
            return match.concept.label_zh
        noted = split_note(text) if spec.note else None
        head = noted.value if noted else text
        described = self._forms.described_as(vocab.id, head)
        if described is not None and spec.note:
            out.pending.append(Pending(spec.note, text, True, cpath))
            note = self.pack.fields.get(spec.note)
            params = names(spec) | {
                "canonical": vocab.term(described),
                "note_zh": note.zh,
                "note_en": note.en,
            }
            out.hits.append(Hit("GC-F015", cpath, params, text))
            return described
        several = several_values(partial(self._lookup, spec.id), text)
        if several:  # 接口、文件 where one value is taken: said as such, not as an unknown value
            out.listed[cpath] = LISTED.join(several)
            params = names(spec) | {"values": listed(map(vocab.term, several))}
            out.hits.append(Hit("GC-F018", cpath, params, excerpt(text)))
        else:
            params = names(spec) | {"allowed": self._allowed(vocab)}
            out.hits.append(Hit("GC-F002", cpath, params, excerpt(text)))
        out.invalid.add(cpath)
        return MISSING

    def _noted(self, spec: FieldSpec, text: str, cpath: str, out: Coerced) -> Match | None:
        """What ``value（note）`` reads as, the note kept in the field's ``note`` field
        (appended to what it holds), and both said (GC-F003: 按“有条件共享，共享条件：仅限公安”
        处理); None when the text is no such form."""
        noted = split_note(text) if spec.note else None
        match = self._lookup(spec.id, noted.value) if noted else None
        if match is not None and noted is not None:
            out.pending.append(Pending(spec.note or "", noted.note, True, cpath))
            note = element_value(self.pack.fields.get(spec.note or ""), noted.note)
            self._normalised(spec, text, joined((match.concept.term, note), "，", ", "), cpath, out)
        return match

    def _text_form(self, spec: FieldSpec, value: str, cpath: str, out: Coerced) -> bool:
        """Read an open type or a share type written as text; True when the value is taken."""
        if spec.id == OPEN_CONDITION:
            is_open = self._forms.open_type(value)
            if is_open is not None:
                spec_open = self.pack.fields.get(OPEN_TO_PUBLIC)
                yes_no = self._vocab[OPEN_TO_PUBLIC].term("是" if is_open else "否")
                params = names(spec_open) | {"canonical": yes_no}
                hit = Hit("GC-F003", pointer_of(OPEN_TO_PUBLIC), params, value)
                out.pending.append(Pending(OPEN_TO_PUBLIC, is_open, False, cpath, hit))
                return not is_open  # a closed type is no condition of opening
            return False
        match = self._lookup(SHARE_TYPE, value) if SHARE_TYPE in self._vocab else None
        if match is None or match.kind is MatchKind.NOTATION or fold_value(value) in NO_CONDITION:
            return False  # 无条件 (共享) there says "no condition" (R1)
        out.pending.append(Pending(SHARE_TYPE, match.concept.label_zh, False, cpath))
        params = names(spec) | {"share_type": match.concept.term}
        out.hits.append(Hit("GC-F017", cpath, params, value))
        return True

    def compound(self, spec: FieldSpec, value: str, cpath: str, dst: Record, out: Coerced) -> None:
        second = self.pack.fields.get(spec.compound or "")
        rest = compound_split(value)[1]  # type: ignore[index]
        if second.kind is FieldKind.TEXTS:
            kept = self._list_value(second, rest, cpath, out)
            if isinstance(kept, list) and kept:
                dst[second.key] = kept
                read = joined(
                    (self._vocab[spec.id].term(dst[spec.key]), listed(kept)), " + ", " + "
                )
                self._normalised(spec, value, read, cpath, out)
            return
        result = self._vocab_value(second, rest, cpath, out)
        if result is not MISSING:
            dst[second.key] = result
            said = (
                self._vocab[spec.id].term(dst[spec.key]),
                self._vocab[second.id].term(str(result)),
            )
            self._normalised(spec, value, joined(said, " + ", " + "), cpath, out)

    def _bool_value(self, spec: FieldSpec, value: object, cpath: str, out: Coerced) -> object:
        if isinstance(value, bool):
            return value
        vocab = self._vocab[spec.id]
        match = self._lookup(spec.id, str(value)) if isinstance(value, str | int) else None
        match = self._coded(match, cpath, out)
        if match is None and spec.id == OPEN_TO_PUBLIC and isinstance(value, str):
            is_open = self._forms.open_type(value)
            if is_open is not None:  # an open type where yes/no is expected: keep it as condition
                if is_open:
                    out.pending.append(Pending(OPEN_CONDITION, value, False, cpath))
                self._normalised(spec, value, vocab.term("是" if is_open else "否"), cpath, out)
                return is_open
        noted = (
            self._noted(spec, value, cpath, out)
            if match is None and isinstance(value, str)
            else None
        )
        if noted is not None and noted.concept.notation in ("0", "1"):  # 是（无条件开放）
            return noted.concept.notation == "1"
        if match is None or match.concept.notation not in ("0", "1"):
            params = names(spec) | {"allowed": self._allowed(vocab)}
            out.hits.append(Hit("GC-F002", cpath, params, excerpt(value)))
            out.invalid.add(cpath)
            return MISSING
        if match.is_defect or not isinstance(value, str):
            self._normalised(spec, value, match.concept.term, cpath, out)
        return match.concept.notation == "1"
