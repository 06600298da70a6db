"""The typed catalog model: pure data, no I/O."""

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
