"""The typed catalog model: pure data, no I/O."""

from typing import TYPE_CHECKING

from govcatalog.model.code import CodeProblem, CodeRules, ResourceCode, parse_resource_code
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
    UsagePurpose,
)

_RESOURCE = (
    "Catalog",
    "CatalogInfo",
    "Category",
    "DataItem",
    "OpenAttributes",
    "Resource",
    "ResourceFormat",
    "ShareAttributes",
)
"""The pydantic models, imported when first asked for: validating never needs them, and
building them is a good part of a command's start-up."""

if TYPE_CHECKING:
    from govcatalog.model.resource import (
        Catalog,
        CatalogInfo,
        Category,
        DataItem,
        OpenAttributes,
        Resource,
        ResourceFormat,
        ShareAttributes,
    )


def __getattr__(name: str) -> object:
    if name in _RESOURCE:
        from govcatalog.model import resource  # noqa: PLC0415 - see _RESOURCE

        return getattr(resource, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Catalog",
    "CatalogInfo",
    "CatalogLevel",
    "Category",
    "CodeProblem",
    "CodeRules",
    "DataItem",
    "DataType",
    "FormatClass",
    "OpenAttributes",
    "Resource",
    "ResourceClass",
    "ResourceCode",
    "ResourceFormat",
    "SecrecyClass",
    "ShareAttributes",
    "ShareModeClass",
    "ShareModeType",
    "ShareType",
    "UpdateCycle",
    "UsagePurpose",
    "parse_resource_code",
]
