"""What the resolver indexes: catalogs, resources and items, in a compact, hashable form.

The index does not keep pydantic models: a province's catalogs hold millions of items, and
the resolver needs only a few facts of each. :func:`catalog_entry` turns a
:class:`~govcatalog.model.Catalog` into a :class:`CatalogEntry`; programs that produce
catalogs in bulk can build entries directly.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from govcatalog.model import Catalog, Resource
from govcatalog.model.enums import ShareType


class CatalogRole(StrEnum):
    """Whether a catalog describes a base database or a department's resources."""

    BASE = "base"
    """A base catalog (基础信息资源目录): its items are the authoritative source."""
    DEPARTMENT = "department"
    """A department catalog (部门信息资源目录), indexed for supply/demand matching (供需对接)."""


@dataclass(frozen=True, slots=True)
class ItemSpec:
    """One data item to index.

    Attributes:
        name: 信息项名称 as the catalog writes it.
        data_element: 数据元标识符, if any.
        base_item: 是否基础信息项, if stated.
        data_type: 数据类型 label, if stated.
        description: Definition.
    """

    name: str
    data_element: str | None = None
    base_item: bool | None = None
    data_type: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ResourceSpec:
    """One resource to index: the facts the resolver reports, and its items.

    Attributes:
        code: 信息资源代码.
        name: 信息资源名称.
        share_type: 共享类型, if stated.
        share_condition: 共享条件 (for 不予共享: the legal basis).
        provider: 信息资源提供方.
        items: The data items, in catalog order.
    """

    code: str
    name: str
    share_type: ShareType | None
    share_condition: str | None
    provider: str | None
    items: tuple[ItemSpec, ...]

    def digest(self) -> str:
        """A content hash: equal digests mean the resource need not be re-indexed."""
        data = [
            self.code,
            self.name,
            self.share_type,
            self.share_condition,
            self.provider,
            [[i.name, i.data_element, i.base_item, i.data_type, i.description] for i in self.items],
        ]
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """A catalog as the index sees it.

    Attributes:
        id: Stable id of the catalog (e.g. ``base:population`` or the publisher's name).
        version: The catalog's version label; an entry whose version is unchanged is skipped.
        role: Base or department catalog.
        database: Base database id (base catalogs only).
        database_name: Base database name (base catalogs only).
        resources: The resources.
    """

    id: str
    version: str
    role: CatalogRole
    database: str | None
    database_name: str | None
    resources: tuple[ResourceSpec, ...]


def catalog_entry(
    catalog: Catalog,
    *,
    catalog_id: str | None = None,
    role: CatalogRole = CatalogRole.DEPARTMENT,
    database: str | None = None,
    database_name: str | None = None,
) -> CatalogEntry:
    """The index entry of a catalog (resources without a code or name are left out).

    Args:
        catalog: The catalog.
        catalog_id: Its id; by default its name, else its publisher.
        role: Base or department catalog.
        database: Base database id, for base catalogs.
        database_name: Base database name, for base catalogs.

    Raises:
        ValueError: When no id is given and the catalog has neither name nor publisher.
    """
    ident = catalog_id or catalog.info.name or catalog.info.publisher
    if not ident:
        msg = "the catalog has no name or publisher: pass catalog_id"
        raise ValueError(msg)
    resources = tuple(
        ResourceSpec(
            code=res.code,
            name=res.name or "",
            share_type=res.share.share_type,
            share_condition=_conditions(res),
            provider=res.provider,
            items=tuple(
                ItemSpec(
                    name=item.name,
                    data_element=item.data_element,
                    base_item=item.base_item,
                    data_type=item.data_type.value if item.data_type else None,
                    description=item.description,
                )
                for item in res.items
                if item.name
            ),
        )
        for res in catalog.resources
        if res.code
    )
    return CatalogEntry(
        id=ident,
        version=catalog.info.version or "",
        role=role,
        database=database,
        database_name=database_name,
        resources=resources,
    )


def _conditions(res: Resource) -> str | None:
    """共享条件; for 有条件共享 the 使用条件 (条例 第十五条) when the catalog states them."""
    usage = res.extensions.get("usage_conditions")
    if res.share.share_type is ShareType.CONDITIONAL and isinstance(usage, str) and usage.strip():
        return usage
    return res.share.share_condition


@dataclass(frozen=True, slots=True)
class IndexedResource:
    """A resource as stored in the index.

    Attributes:
        catalog: Id of the catalog it belongs to.
        role: Base or department catalog.
        database: Base database id, or None.
        database_name: Base database name, or None.
        code: 信息资源代码.
        name: 信息资源名称.
        share_type: 共享类型.
        share_condition: 共享条件 / legal basis.
        provider: 信息资源提供方.
        digest: Content hash (see :meth:`ResourceSpec.digest`).
    """

    catalog: str
    role: CatalogRole
    database: str | None
    database_name: str | None
    code: str
    name: str
    share_type: ShareType | None
    share_condition: str | None
    provider: str | None
    digest: str


class IndexedItem(NamedTuple):
    """An item as stored in the index.

    Attributes:
        resource: Its resource.
        position: 0-based position in the resource.
        spec: The item's facts.
    """

    resource: IndexedResource
    position: int
    spec: ItemSpec

    @property
    def name(self) -> str:
        """信息项名称."""
        return self.spec.name


@dataclass(frozen=True, slots=True)
class UpdateStats:
    """What an index update did.

    Attributes:
        added: Resources added.
        changed: Resources re-indexed because their content changed.
        removed: Resources removed.
        unchanged: Resources left as they were.
    """

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
