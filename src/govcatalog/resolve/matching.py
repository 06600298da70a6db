"""Matching one requested name to the index: exact, synonym, resource, contained, fuzzy.

:class:`Matcher` gives the answer for a name on its own — what it matches and how, the
options when it is ambiguous, the nearest candidates when it is unmatched — without what the
request and its rules add (due dates, 补充材料, the provider's review; see
:mod:`govcatalog.resolve.resolver`). Such an answer depends only on the index and the
options, so exact, synonym, resource and contained answers are remembered per index
snapshot (:meth:`~govcatalog.resolve.lookup.ItemIndex.memo`).
"""

from __future__ import annotations

from govcatalog.model.enums import ShareType
from govcatalog.resolve.answers import (
    Action,
    Candidate,
    ItemResolution,
    MatchKind,
    ResolveOptions,
)
from govcatalog.resolve.containment import find_contained, strip_generic
from govcatalog.resolve.licences import LicenceCatalog, LicenceType
from govcatalog.resolve.lookup import FuzzyHit, ItemIndex, Memo, Targets, sort_hits
from govcatalog.resolve.model import CatalogRole, IndexedItem
from govcatalog.resolve.normalise import normalise

_EXACT_SCORE = 100.0
_SYNONYM_SCORE = 95.0
_PART_SCORE = 90.0
"""Score of a name matching once a synonym inside it is replaced (配偶身份证号 → 配偶公民身份号)."""
_RESOURCE_SCORE = 90.0
"""Score of a name that is a resource's (or licence type's) name."""
_CONTAINED_BASE = 80.0
"""A contained item scores this plus 10 × the share of the name it covers (80–90)."""

FUZZY_LEVELS = (90.0,)
"""Cutoffs asked first for a fuzzy match, highest first (those above ``accept`` only).

Most misspelt names are one character away from an item: 92 catches a character inserted or
dropped in a name of 6 characters or more, 86 one replaced in a name of 8 or more.
"""

_new = tuple.__new__
"""Builds a named tuple from a plain tuple of its fields (no keyword handling: hot path)."""


def _ambiguous(total: int) -> tuple[str, str]:
    return (f"匹配到 {total} 个信息项，无法唯一确定，请选择", f"{total} items fit; choose one")


class Matcher:
    """Answers for requested names against one index, with one set of options.

    Args:
        index: The index (a snapshot, or the reference scan).
        options: Thresholds and how many options to list.
        licences: The licence types (an answer naming one says so).
    """

    def __init__(self, index: ItemIndex, options: ResolveOptions, licences: LicenceCatalog) -> None:
        self.index = index
        self.options = options
        self.licences = licences.by_code()
        self.licence_db = licences.database
        # answers name licence types: a memo is valid for one licence table only
        self.scope = ("resolve", options.candidates, licences.digest() if licences.types else "")
        self.memo: Memo[ItemResolution] = index.memo(self.scope)

    def answer(self, text: str) -> ItemResolution:
        """The answer for a name, without due dates (remembered unless fuzzy)."""
        known = self.memo.get(text)
        if known is None:
            known, norm, rewritten = self._fresh(text)
            if known is None:  # fuzzy matching: not remembered
                return self._fuzzy(text, norm, rewritten)
            self.memo.remember(text, known)
        return known

    def _fresh(self, text: str) -> tuple[ItemResolution | None, str, str]:
        """Answer without fuzzy matching (None if needed), normalised name, rewritten name.

        The answer has no due date; the rewritten name has synonyms inside it replaced.
        """
        norm = normalise(text)
        if not norm:
            why = ("名称为空", "empty name")
            return self._none(text, norm, MatchKind.UNMATCHED, 0.0, why=why), norm, norm
        index = self.index
        limit = self.options.candidates
        found = index.exact(norm, limit)
        if found is not None:
            return self._decide(text, norm, MatchKind.EXACT, _EXACT_SCORE, [found]), norm, norm
        found = index.synonym(norm, limit)
        if found is not None:
            answer = self._decide(text, norm, MatchKind.SYNONYM, _SYNONYM_SCORE, [found])
            return answer, norm, norm
        rewritten = self.index.rewriter().rewrite(norm)
        if rewritten != norm:
            found = index.exact(rewritten, limit)
            if found is not None:
                answer = self._decide(text, norm, MatchKind.SYNONYM, _PART_SCORE, [found])
                return answer, norm, rewritten
        return self._resource(text, norm) or self._contained(text, norm), norm, rewritten

    def _resource(self, text: str, norm: str) -> ItemResolution | None:
        """The answer for a name that is a resource's or a licence type's (营业执照信息)."""
        key = strip_generic(norm)
        found = self.index.resources_named(key)
        if not found and key in self.index.synonyms:  # a licence's alias: 工商营业执照信息
            found = self.index.resources_named(self.index.synonyms[key])
        if not found:
            return None
        if len(found) > 1 and found[1].role is found[0].role:
            options = tuple(
                Candidate(items[0], key, _RESOURCE_SCORE)
                for res in found[: self.options.candidates]
                if (items := self.index.resource_items(res))
            )
            why = (
                f"有 {len(found)} 个信息资源名为“{found[0].name}”，请选择",
                f"{len(found)} resources are named {found[0].name!r}; choose one",
            )
            return self._none(
                text, norm, MatchKind.AMBIGUOUS, _RESOURCE_SCORE, why=why, options=options,
                total=len(found),
            )  # fmt: skip
        items = self.index.resource_items(found[0])
        if not items:
            return None
        answer = self._matched(text, norm, MatchKind.RESOURCE, _RESOURCE_SCORE, items[0], None)
        options = tuple(Candidate(i, normalise(i.name), _RESOURCE_SCORE) for i in items)
        return answer._replace(options=options, options_total=len(options))

    def _contained(self, text: str, norm: str) -> ItemResolution | None:
        """The answer for a name that ends with an item name or synonym (申请人身份证号码)."""
        limit = self.options.candidates
        index = self.index
        stripped = strip_generic(norm)
        if stripped != norm:  # 婚姻状况信息: the item name and a generic word
            found = index.targets(stripped, limit)
            if found is not None:
                score = _CONTAINED_BASE + 10.0 * len(stripped) / len(norm)
                return self._decide(text, norm, MatchKind.CONTAINED, score, [found])
        hit = find_contained(stripped, lambda key: index.targets(key, limit))
        if hit is None:
            return None
        key, found, _ = hit
        score = _CONTAINED_BASE + 10.0 * len(key) / len(norm)
        return self._decide(text, norm, MatchKind.CONTAINED, score, [found])

    def _hits(self, norm: str, rewritten: str, cutoff: float) -> list[FuzzyHit]:
        """The best fuzzy hits of the name, and of it with the synonyms inside it replaced."""
        limit = max(self.options.candidates, 10)
        hits = self.index.fuzzy(norm, cutoff=cutoff, limit=limit)
        if rewritten != norm:  # also try with the synonyms inside the name replaced
            merged = {h.key: h for h in hits}
            for h in self.index.fuzzy(rewritten, cutoff=cutoff, limit=limit):
                if h.key not in merged or merged[h.key].score < h.score:
                    merged[h.key] = h
            hits = sort_hits(merged.values(), limit)
        return hits

    def _accepted_hits(self, norm: str, rewritten: str) -> list[FuzzyHit]:
        """The hits an accepted answer is made of, else the hits down to ``accept - margin``.

        Only the best hit (when at least ``accept``) and those within ``margin`` of it decide an
        accepted answer. The best score of a hit among the keys near the name (``best_near``)
        is asked first: a hit reaches it, so when it is accepted the best hit is too, and only
        the hits down to it minus ``margin`` can matter — one lookup, and at a cutoff that
        rules out most lengths for the keys that are not near. Else a high cutoff needs many
        shared bigrams and a narrow range of lengths, so few keys are looked at: the levels of
        :data:`FUZZY_LEVELS` above ``accept`` are asked, highest first. Once one has hits, the
        best of them is the best of all, and the hits within ``margin`` of it are those at or
        above ``best - margin`` (asked again only when that is below the level). The hits at or
        above a floor are the same as those of the whole list cut at it, so the answer is the
        one the single query at ``accept - margin`` gives.
        """
        opts = self.options
        high = max(opts.accept - opts.margin, opts.cutoff)
        known = self.index.best_near(norm)
        if rewritten != norm:
            known = max(known, self.index.best_near(rewritten))
        if known >= max(opts.accept, high):  # the best hit reaches it: accepted
            return self._hits(norm, rewritten, max(high, known - opts.margin))
        for level in FUZZY_LEVELS:
            if level <= max(high, opts.accept):
                break
            hits = self._hits(norm, rewritten, level)
            if hits:
                floor = max(high, hits[0].score - opts.margin)
                return hits if floor >= level else self._hits(norm, rewritten, floor)
        return self._hits(norm, rewritten, high)

    def _fuzzy(self, text: str, norm: str, rewritten: str) -> ItemResolution:
        opts = self.options
        # First only the hits that could matter to an accepted answer (the best one, at least
        # ``accept``, and those within ``margin`` of it). The hits down to ``cutoff`` are needed
        # only when none is accepted.
        high = max(opts.accept - opts.margin, opts.cutoff)
        hits = self._accepted_hits(norm, rewritten)
        if hits and hits[0].score >= opts.accept:
            best = hits[0].score
            top = [h for h in hits if h.score >= best - opts.margin]
            targets = [t for h in top if (t := self.index.targets(h.key, opts.candidates))]
            return self._decide(text, norm, MatchKind.FUZZY, best, targets)
        if high > opts.cutoff:
            hits = self._hits(norm, rewritten, opts.cutoff)
        options: list[Candidate] = []
        seen: set[tuple[str, str, int]] = set()
        for hit in hits:
            found = self.index.targets(hit.key, 1)
            if found is None or not found.first:
                continue
            item = found.first[0]
            ident = (item.resource.catalog, item.resource.code, item.position)
            if ident not in seen and len(options) < opts.candidates:
                seen.add(ident)
                options.append(Candidate(item, hit.key, hit.score))
        why = (
            "未找到匹配的信息项" + ("，列出最接近的候选" if options else ""),
            "no matching item" + ("; the nearest candidates are listed" if options else ""),
        )
        score = hits[0].score if hits else 0.0
        return self._none(text, norm, MatchKind.UNMATCHED, score, why=why, options=tuple(options))

    def _decide(
        self, text: str, norm: str, kind: MatchKind, score: float, found: list[Targets]
    ) -> ItemResolution:
        """The answer for the items the keys in ``found`` lead to (without a due date)."""
        if len(found) == 1:  # the common case: one key
            key, _, nb, no, first = found[0]
            if nb == 1 or (nb == 0 and no == 1):
                return self._matched(text, norm, kind, score, first[0], found[0])
            total = nb or no
            if nb:
                first = first[:nb]  # base items come first
            options = tuple(
                [_new(Candidate, (i, key, score)) for i in first[: self.options.candidates]]
            )
            zh, en = _ambiguous(total)
            return _new(
                ItemResolution,
                (text, norm, MatchKind.AMBIGUOUS, score, zh, en, None, Action.NONE, None, None,
                 False, options, total, None, (), None),
            )  # fmt: skip
        use_base = any(t.base_count for t in found)
        pool: dict[tuple[str, str, int], tuple[Candidate, Targets]] = {}
        complete = True
        most = 0
        for t in found:
            relevant = t.base_count if use_base else t.other_count
            items = [i for i in t.first if (i.resource.role is CatalogRole.BASE) == use_base]
            complete = complete and len(items) == relevant
            most = max(most, relevant)
            for item in items:
                ident = (item.resource.catalog, item.resource.code, item.position)
                pool.setdefault(ident, (Candidate(item, t.key, score), t))
        if complete and len(pool) == 1:
            cand, via = next(iter(pool.values()))
            return self._matched(text, norm, kind, score, cand.item, via)
        total = len(pool) if complete else max(most, len(pool))
        options = tuple(c for c, _ in pool.values())[: self.options.candidates]
        why = _ambiguous(total)
        return self._none(
            text, norm, MatchKind.AMBIGUOUS, score, why=why, options=options, total=total
        )

    def _matched(
        self,
        text: str,
        norm: str,
        kind: MatchKind,
        score: float,
        item: IndexedItem,
        found: Targets | None,
    ) -> ItemResolution:
        """The answer for one matched item, without its due date (the caller adds it)."""
        name = item.spec.name
        resource = item.resource
        if kind is MatchKind.RESOURCE:
            zh = f"是信息资源“{resource.name}”的名称，列出其信息项"
            en = f"names resource {resource.name!r}; its items are listed"
        elif kind is MatchKind.CONTAINED:
            via = f"（同义词“{found.key}”）" if found is not None and found.via else ""
            via_en = f" (synonym {found.key!r})" if found is not None and found.via else ""
            zh = f"以信息项“{name}”{via}为中心语，其余为限定语或泛称"
            en = f"has item {name!r}{via_en} as its head; the rest qualifies it"
        elif kind is MatchKind.EXACT:
            zh, en = f"规范化后与信息项“{name}”一致", f"normalised name equals item {name!r}"
        elif kind is MatchKind.SYNONYM and score < _SYNONYM_SCORE:
            zh = f"替换其中的同义词后与信息项“{name}”一致"
            en = f"matches item {name!r} once synonyms inside it are replaced"
        elif kind is MatchKind.SYNONYM:
            zh, en = f"是信息项“{name}”的同义词", f"a synonym of item {name!r}"
        else:
            zh, en = (
                f"与信息项“{name}”相似（{score:.1f}）",
                f"similar to item {name!r} ({score:.1f})",
            )
            if found is not None and found.via is not None:
                zh += f"（经同义词“{found.key}”）"
                en += f" (via synonym {found.key!r})"
        if resource.database == self.licence_db and resource.role is CatalogRole.BASE:
            licence = self.licences.get(resource.code)
            if licence is not None:
                zh_more, en_more = _licence_reason(licence)
                zh, en = f"{zh}；{zh_more}", f"{en}; {en_more}"
        share = resource.share_type
        basis = None
        if share is ShareType.UNCONDITIONAL:
            action = Action.TAKE
        elif share is ShareType.CONDITIONAL:
            action = Action.APPLY
        elif share is ShareType.NOT_SHARED:
            action = Action.REFUSED
            basis = resource.share_condition
        else:
            action = Action.UNDETERMINED
        recollect = share in (ShareType.UNCONDITIONAL, ShareType.CONDITIONAL)
        return _new(
            ItemResolution,
            (text, norm, kind, score, zh, en, item, action, None, basis, recollect, (), 0,
             None, (), None),
        )  # fmt: skip

    @staticmethod
    def _none(
        text: str, norm: str, kind: MatchKind, score: float, *, why: tuple[str, str],
        options: tuple[Candidate, ...] = (), total: int = 0,
    ) -> ItemResolution:  # fmt: skip
        return _new(
            ItemResolution,
            (text, norm, kind, score, why[0], why[1], None, Action.NONE, None, None, False,
             options, total or len(options), None, (), None),
        )  # fmt: skip


def _licence_reason(licence: LicenceType) -> tuple[str, str]:
    """What a licence answer adds: the type, who issues and holds it, the key that fetches it."""
    keys_zh = "或".join(k.value for k in licence.subject_keys)
    keys_en = " or ".join(k.label_en for k in licence.subject_keys)
    zh = (
        f"证照类型“{licence.name}”，由{licence.authority}颁发，持证主体为{licence.holder.label_zh}，"
        f"凭持证主体的{keys_zh}获取"
    )
    en = (
        f"licence type {licence.name!r} issued by {licence.authority}, held by"
        f" {licence.holder.value}; fetched by the holder's {keys_en}"
    )
    return zh, en
