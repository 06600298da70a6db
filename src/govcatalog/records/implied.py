"""The class a value of its partner field implies, read from the vocabularies' skos:broader.

A compound element (信息资源格式: 分类 + 类型; 共享方式: 分类 + 类型) is often written by its
type alone: 接口 where 共享方式分类 is expected, xlsx in a single 信息资源格式 column. The type's
concept points to its class (``skos:broader``: 接口 → 共享平台方式, xlsx → 电子表格), so the
class is not a guess: the value reads as class + type and is reported as a non-standard form.
"""

from __future__ import annotations

from govcatalog._bilingual import Bilingual, joined, listed
from govcatalog.io.lists import split_list
from govcatalog.packs.fields import FieldKind, FieldSpec
from govcatalog.packs.pack import Pack
from govcatalog.packs.value_forms import AbsentElements
from govcatalog.records.coerced import Coerced, Pending, names, normalised, pointer_of
from govcatalog.records.forms import LISTED
from govcatalog.records.hits import Hit, Record

_LONGEST = 64
"""No label is longer: a longer text implies nothing, and is not remembered."""


class Implied:
    """Classes implied by partner values, for the compound fields of one pack (remembered)."""

    def __init__(self, pack: Pack) -> None:
        self._pack = pack
        self._known: dict[tuple[str, str], tuple[str, str | list[str]] | None] = {}
        self._classes = self._class_members()
        self._shown: dict[tuple[str, str, tuple[str, ...]], tuple[str, Bilingual]] = {}

    def read(self, spec: FieldSpec, value: str, cpath: str, dst: Record, out: Coerced) -> bool:
        """Whether ``value`` is a type written for its class (接口 for 共享方式分类), read as the
        class its type implies, and the type where it is not given (GC-F003)."""
        implied = self.of(spec, value) if spec.compound else None
        if implied is None:
            return False
        cls, partner = implied
        dst[spec.key] = cls
        partner_spec = self._pack.fields.get(spec.compound or "")
        partner_vocab = self._pack.field_vocabulary(partner_spec)
        partners = [partner] if isinstance(partner, str) else partner
        terms = listed(partner_vocab.term(p) for p in partners)
        if len(partners) > 1 and partner_spec.kind is not FieldKind.TEXTS:
            # 服务接口、文件下载: the class they share is read, the types are several (GC-F018)
            where = pointer_of(partner_spec.id)
            out.renames.setdefault(where, out.original(cpath))
            out.listed[where] = LISTED.join(partners)
            out.invalid.add(where)
            params = names(partner_spec) | {"values": terms}
            out.hits.append(Hit("GC-F018", where, params, value))
            own = self._pack.field_vocabulary(spec)
            out.hits.append(normalised(spec, value, own.term(cls), cpath))
            return True
        out.pending.append(Pending(spec.compound or "", partner, False, cpath))
        out.hits.append(normalised(spec, value, self._class_and(spec, cls, terms), cpath))
        return True

    def _class_and(self, spec: FieldSpec, cls: str, partner: Bilingual) -> Bilingual:
        """A class and what it was read with: 电子表格 + xlsx (with the class's English label)."""
        return joined((self._pack.field_vocabulary(spec).term(cls), partner), " + ", " + ")

    def class_of_main(self, main: FieldSpec, value: object, cpath: str, out: Coerced) -> None:
        """The class a group's single cell implies (信息资源格式 "xlsx": 电子表格), set where the
        class is not given, and then reported as a non-standard form of the group."""
        found = self.of_main(self._classes[main.id], value) if main.id in self._classes else None
        if found is not None:
            member, label, parts = found
            group = self._pack.fields.get(member.parent or "")
            where = f"{cpath.rpartition('/')[0]}/{member.key}"
            shown, read = self._said(member, label, parts)
            hit = normalised(group, shown, read, where)
            out.pending.append(Pending(member.id, label, False, cpath, hit))

    def _said(self, member: FieldSpec, label: str, parts: tuple[str, ...]) -> tuple[str, Bilingual]:
        """The parts of a group's cell as shown, and what they read as (remembered: a catalog
        writes the same few formats)."""
        key = (member.id, label, parts)
        said = self._shown.get(key)
        if said is None:
            if len(self._shown) > 10_000:
                self._shown.clear()
            shown = listed(parts)
            said = self._shown[key] = (shown.zh, self._class_and(member, label, shown))
        return said

    def of(self, spec: FieldSpec, text: str) -> tuple[str, str | list[str]] | None:
        """(class label, partner value) when ``text`` is a value of the vocabulary of the field
        ``spec`` is compound with and its concept's broader concept is in ``spec``'s
        vocabulary; None otherwise. The partner value is a list for a field of texts."""
        if len(text) > _LONGEST:
            return None
        key = (spec.id, text)
        if key not in self._known:
            if len(self._known) > 10_000:
                self._known.clear()
            self._known[key] = self._find(spec, text.strip())
        return self._known[key]

    def _find(self, spec: FieldSpec, text: str) -> tuple[str, str | list[str]] | None:
        fields = self._pack.fields
        if not spec.compound or not spec.vocabulary or not text or not fields.has(spec.compound):
            return None
        partner = fields.get(spec.compound)
        own = self._pack.field_vocabulary(spec)
        if not partner.vocabulary or own.lookup(text) is not None:
            return None
        parts = split_list(text)
        if len(parts) > 1:  # 服务接口、文件下载: the types of one class, listed, each read alone
            found = [self.of(spec, part) for part in parts]
            if any(f is None for f in found) or len({f[0] for f in found if f}) != 1:
                return None
            return found[0][0], [_one(f[1]) for f in found if f]  # type: ignore[index]
        match = self._pack.field_vocabulary(partner).lookup(text)
        if match is None or match.concept.broader is None:
            return None
        broader = next((c for c in own.concepts if c.iri == match.concept.broader), None)
        if broader is None:
            return None
        value = match.concept.label_zh
        return broader.label_zh, [value] if partner.kind is FieldKind.TEXTS else value

    def _class_members(self) -> dict[str, FieldSpec]:
        """A group's main field → the member holding its class (format.format_types →
        format.format_class): the fields whose single cell may imply the class.

        Empty for a pack that reports an element its exports lack once per file (the portal
        pack): such an export has no class at all, and implying it for some resources only
        would turn that one finding into one per resource."""
        if self._pack.value_forms.absent_elements is AbsentElements.PER_FILE:
            return {}
        table = self._pack.fields
        return {
            m.compound: m
            for m in table.fields
            if m.compound and m.parent and table.get(m.parent).main == m.compound
        }

    def of_main(
        self, member: FieldSpec, value: object
    ) -> tuple[FieldSpec, str, tuple[str, ...]] | None:
        """(class member, class label, the parts as written) for a group's single cell whose
        every part implies the same class (信息资源格式 "xlsx" → 电子表格; "xls、csv" alike)."""
        parts = [value] if isinstance(value, str) else value
        if not isinstance(parts, list) or not parts:
            return None
        classes = set()
        for part in parts:
            if not isinstance(part, str):
                return None
            implied = self.of(member, part)
            if implied is None:
                return None
            classes.add(implied[0])
        if len(classes) != 1:
            return None
        return member, classes.pop(), tuple(str(p).strip() for p in parts)


def _one(partner: str | list[str]) -> str:
    """The one type a part of a listing reads as (a list of one for a field of texts)."""
    return partner if isinstance(partner, str) else partner[0]
