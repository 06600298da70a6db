"""The JSON answer of ``/resolve`` written from pieces, each item's remembered.

:func:`answer_json` gives byte for byte what ``dumps(resolution.to_json_dict())`` gives, but
most of that form is the items' answers (about 1 KB each), and an item's JSON depends only
on its answer object and two things of the resolution: the rules applied (its reply and
delivery deadlines) and the licence catalog. The resolver hands out the same answer object
for the same name while nothing it depends on changes (it remembers finished answers per
index snapshot), so :class:`ItemFragments` keeps each answer's encoded JSON by the answer
object itself. A changed index, other rules or another day give other answer objects, whose
JSON is written anew; nothing has to be invalidated.
"""

from __future__ import annotations

from typing import TypeVar

from govcatalog.resolve.answers import ItemResolution, Resolution
from govcatalog.resolve.render_rows import item_to_json, key_to_json, resolution_head
from govcatalog.service.fastjson import dumps

V = TypeVar("V")

FRAGMENTS = 8192
"""How many items' JSON :class:`ItemFragments` keeps (about 1 KB each; the oldest go first)."""

_Entry = tuple[ItemResolution, object, object, bytes]


class ItemFragments:
    """Items' encoded JSON, by answer object, rules applied and licence catalog.

    An answer's JSON is kept the second time the answer is seen: answers the resolver does
    not remember (fuzzy matches, new every time) are seen once and never fill the store.
    Entries hold their answer object, so its ``id`` is not reused while they live; a lookup
    checks it is the same object. Not locked: one thread (the event loop) uses it.

    Args:
        size: How many answers' JSON to keep at most (and how many answers seen once).
    """

    __slots__ = ("_known", "_seen", "_size")

    def __init__(self, size: int = FRAGMENTS) -> None:
        self._known: dict[int, _Entry] = {}
        self._seen: dict[int, ItemResolution] = {}
        self._size = size

    def __len__(self) -> int:
        return len(self._known)

    def item(self, answer: ItemResolution, res: Resolution) -> bytes:
        """The JSON of one item's answer within ``res`` (as ``item_to_json(answer, res)``)."""
        pack = res.regime.pack if res.regime is not None else None
        key = id(answer)
        known = self._known.get(key)
        if (
            known is not None
            and known[0] is answer
            and known[1] is pack
            and known[2] is res.licences
        ):
            return known[3]
        encoded = dumps(item_to_json(answer, res))
        if self._seen.pop(key, None) is answer:
            # a copy: orjson's own result keeps its larger buffer (several KB) alive
            entry = (answer, pack, res.licences, bytes(memoryview(encoded)))
            _put(self._known, key, entry, self._size)
        else:
            _put(self._seen, key, answer, self._size)
        return encoded


def _put(store: dict[int, V], key: int, value: V, size: int) -> None:
    """``store[key] = value``, the oldest entry forgotten first when ``store`` is full."""
    if len(store) >= size and key not in store:
        del store[next(iter(store))]
    store[key] = value


def answer_json(res: Resolution, fragments: ItemFragments) -> bytes:
    """``dumps(res.to_json_dict())``, with the items' JSON from ``fragments``."""
    head = dumps(resolution_head(res))
    items = b",".join([fragments.item(r, res) for r in res.items])
    keys = dumps([key_to_json(k) for k in res.keys])
    return b"".join((head[:-1], b',"items":[', items, b'],"keys":', keys, b"}"))
