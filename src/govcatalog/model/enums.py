"""Enumerations of the guide's controlled vocabularies.

Each enum mirrors one SKOS concept scheme in ``vocab/`` (the single source of
truth); values are the canonical Chinese labels (``skos:prefLabel@zh``). A test
asserts that every enum and its scheme agree, so neither can drift.

Whether a value is *allowed* in a catalog is decided by the pack (for example the
national pack leaves out 每旬); the enums list every value the vocabulary knows.
"""

from __future__ import annotations

from enum import StrEnum


class ResourceClass(StrEnum):
    """资源属性分类 — the 类 of the classification (code digit 1/2/3)."""

    BASE = "基础信息资源目录"
    THEME = "主题信息资源目录"
    DEPARTMENT = "部门信息资源目录"


class SecrecyClass(StrEnum):
    """涉密属性分类."""

    SECRET = "涉密政务信息资源目录"
    NON_SECRET = "非涉密政务信息资源目录"


class ShareType(StrEnum):
    """共享类型 (国发〔2016〕51号 第五条)."""

    UNCONDITIONAL = "无条件共享"
    CONDITIONAL = "有条件共享"
    NOT_SHARED = "不予共享"

    @property
    def openness(self) -> int:
        """Ordering from most open (2) to least open (0); used to classify changes."""
        return {ShareType.UNCONDITIONAL: 2, ShareType.CONDITIONAL: 1, ShareType.NOT_SHARED: 0}[self]


class ShareModeClass(StrEnum):
    """共享方式分类."""

    PLATFORM = "共享平台方式"
    EMAIL = "邮件方式"
    MEDIUM = "介质方式"


class ShareModeType(StrEnum):
    """共享方式类型 (only with 共享平台方式)."""

    DATABASE = "数据库"
    FILE = "文件"
    API = "接口"


class FormatClass(StrEnum):
    """信息资源格式分类."""

    ELECTRONIC_FILE = "电子文件"
    SPREADSHEET = "电子表格"
    DATABASE = "数据库"
    IMAGE = "图形图像"
    STREAMING_MEDIA = "流媒体"
    SELF_DESCRIBING = "自描述格式"
    SERVICE = "服务接口"
    OTHER = "其他"


class DataType(StrEnum):
    """信息项 数据类型 (the FoxPro field-type letters C N Y D T L M G B I F)."""

    CHAR = "字符型"
    NUMERIC = "数值型"
    CURRENCY = "货币型"
    DATE = "日期型"
    DATETIME = "日期时间型"
    LOGICAL = "逻辑型"
    MEMO = "备注型"
    GENERAL = "通用型"
    DOUBLE = "双精度型"
    INTEGER = "整型"
    FLOAT = "浮点型"


class UpdateCycle(StrEnum):
    """更新周期."""

    REALTIME = "实时"
    DAILY = "每日"
    WEEKLY = "每周"
    TEN_DAYS = "每旬"
    MONTHLY = "每月"
    QUARTERLY = "每季度"
    HALF_YEARLY = "每半年"
    YEARLY = "每年"
    OTHER = "其他"


class CatalogLevel(StrEnum):
    """层级属性分类."""

    DEPARTMENT = "部门政务信息资源目录"
    NATIONAL = "国家政务信息资源目录"


class UsagePurpose(StrEnum):
    """使用用途: what shared data may serve (共享管理办法 第十条)."""

    ADMINISTRATIVE_BASIS = "作为行政依据"
    WORK_REFERENCE = "工作参考"
    DATA_VERIFICATION = "数据校核"
    BUSINESS_COORDINATION = "业务协同"


ENUM_SCHEMES: dict[str, type[StrEnum]] = {
    "resource-class": ResourceClass,
    "secrecy": SecrecyClass,
    "share-type": ShareType,
    "share-mode-class": ShareModeClass,
    "share-mode-type": ShareModeType,
    "format-class": FormatClass,
    "data-type": DataType,
    "update-cycle": UpdateCycle,
    "catalog-level": CatalogLevel,
    "usage-purpose": UsagePurpose,
}
"""Which vocabulary scheme (file in ``vocab/``) each enum mirrors."""
