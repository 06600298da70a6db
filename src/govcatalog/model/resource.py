"""Typed catalog model (pydantic v2): one class per element group of the guide.

The model mirrors the 13 core elements of 《政务信息资源目录编制指南（试行）》§ 6.2.
Every field is optional at the type level: *which* elements are required is the
pack's decision (the guide's own M/O flags are UNCONFIRMED), and the validator
reports a missing element as a finding rather than refusing the whole resource.

The canonical JSON form uses these field names; catalogs keyed by the guide's
Chinese element names (信息资源名称 …) are mapped onto them by the reader using the
pack's field table.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from govcatalog._views import html_view
from govcatalog.model.code import CodeRules, ResourceCode, parse_resource_code
from govcatalog.model.enums import (
    CatalogLevel,
    DataType,
    FormatClass,
    ResourceClass,
    SecrecyClass,
    ShareModeClass,
    ShareModeType,
    ShareType,
    UpdateCycle,
)


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
        str_strip_whitespace=False,
        use_attribute_docstrings=True,
    )


class Category(_Model):
    """信息资源分类 (element 1): 类、项、目、细目 by name."""

    lei: ResourceClass | None = None
    """类 — 资源属性分类 (基础/主题/部门信息资源目录)."""
    xiang: str | None = None
    """项 — e.g. 国家人口基础信息资源, 社会保障, or the department's name."""
    mu: str | None = None
    """目 — third level, by name."""
    ximu: str | None = None
    """细目 — fourth and lower levels, by name."""


class ResourceFormat(_Model):
    """信息资源格式 (element 7)."""

    format_class: FormatClass | None = None
    """信息资源格式分类."""
    format_types: tuple[str, ...] = ()
    """信息资源格式类型 — open text with suggested values (e.g. xlsx, Oracle)."""
    other_description: str | None = None
    """其他类型资源格式描述 — required for 其他 and for types not among the suggestions."""


class DataItem(_Model):
    """信息项 (element 8): one data item of a resource."""

    name: str | None = None
    """信息项名称."""
    data_type: DataType | None = None
    """数据类型."""
    length: int | None = Field(default=None, ge=1)
    """数据长度 (a template column, not a core element)."""
    base_item: bool | None = None
    """是否基础信息项 — for base resources: a 基础信息项 (True) or a 业务信息项 (False)."""
    data_element: str | None = None
    """数据元标识符 (GB/T 19488) this item follows, if any."""
    description: str | None = None
    """Definition or remarks."""
    extensions: dict[str, JsonValue] = Field(default_factory=dict)
    """Item fields added by a local standard (extension pack)."""


class ShareAttributes(_Model):
    """共享属性 (element 9)."""

    share_type: ShareType | None = None
    """共享类型."""
    share_condition: str | None = None
    """共享条件 — for 不予共享 the legal basis (不予共享依据)."""
    share_mode_class: ShareModeClass | None = None
    """共享方式分类."""
    share_mode_type: ShareModeType | None = None
    """共享方式类型 (only with 共享平台方式)."""


class OpenAttributes(_Model):
    """开放属性 (element 10)."""

    open_to_public: bool | None = None
    """是否向社会开放 (是/否)."""
    open_condition: str | None = None
    """开放条件 — required when open to the public."""


class Resource(_Model):
    """One 政务信息资源 entry of a catalog (the 13 core elements and extensions)."""

    category: Category = Field(default_factory=Category)
    """1 信息资源分类."""
    name: str | None = None
    """2 信息资源名称."""
    code: str | None = None
    """3 信息资源代码, e.g. ``101001/000001``."""
    provider: str | None = None
    """4 信息资源提供方."""
    provider_code: str | None = None
    """5 信息资源提供方代码."""
    abstract: str | None = None
    """6 信息资源摘要."""
    format: ResourceFormat = Field(default_factory=ResourceFormat)
    """7 信息资源格式."""
    items: tuple[DataItem, ...] = ()
    """8 信息项信息."""
    share: ShareAttributes = Field(default_factory=ShareAttributes)
    """9 共享属性."""
    open: OpenAttributes = Field(default_factory=OpenAttributes)
    """10 开放属性."""
    update_cycle: UpdateCycle | None = None
    """11 更新周期."""
    update_note: str | None = None
    """更新周期说明: what the update cycle as written adds (not an element of the guide)."""
    publish_date: dt.date | None = None
    """12 发布日期 (CCYY-MM-DD)."""
    related_codes: tuple[str, ...] = ()
    """13 关联资源代码."""
    secrecy: SecrecyClass | None = None
    """涉密属性分类 (classification dimension, optional)."""
    extensions: dict[str, JsonValue] = Field(default_factory=dict)
    """Fields added by a local standard (extension pack), keyed by their field id."""

    def parsed_code(self, rules: CodeRules = CodeRules()) -> ResourceCode | None:
        """The parsed 信息资源代码, or None when absent or malformed."""
        if self.code is None:
            return None
        parsed = parse_resource_code(self.code, rules)
        return parsed if isinstance(parsed, ResourceCode) else None


class CatalogInfo(_Model):
    """Facts about the catalog as a whole."""

    name: str | None = None
    """目录名称."""
    publisher: str | None = None
    """编制单位 — the body that compiles the catalog."""
    region_code: str | None = None
    """行政区划代码 (GB/T 2260) of the region the catalog covers."""
    level: CatalogLevel | None = None
    """层级属性分类."""
    version: str | None = None
    """The catalog's own version label."""
    issued: dt.date | None = None
    """Date this version was issued."""
    pack: str | None = None
    """The pack the catalog declares it follows, e.g. ``gb-1272@1``."""


class Catalog(_Model):
    """A 政务信息资源目录: catalog facts and its resources."""

    info: CatalogInfo = Field(default_factory=CatalogInfo, alias="catalog")
    """Facts about the catalog (JSON key ``catalog``)."""
    resources: tuple[Resource, ...] = ()
    """The resources, in document order."""

    def to_json_dict(self) -> dict[str, object]:
        """The canonical JSON form (English keys, Chinese values, nulls omitted)."""
        data: dict[str, object] = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        return data

    def _repr_html_(self) -> str:
        """Rich display in notebooks: facts, resources per department, the first resources."""
        return html_view(self)
