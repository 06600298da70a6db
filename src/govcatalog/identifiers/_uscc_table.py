"""The GB 32100-2015 registration-department and institution-category table (USCC positions 1-2).

This is the one place the table lives. The rows for 1, 5, 9 and Y are from the 2015 text; the
other rows were added later and rest on agreement between independent implementations
(``confirmed=False``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class RegistrationDepartment:
    """One 登记管理部门 (USCC position 1) and the 机构类别 codes it may use (position 2).

    Attributes:
        code: The position-1 character.
        name: The department, in Chinese (e.g. ``"工商"``).
        name_en: The department, in English.
        categories: Position-2 code -> institution category, in Chinese.
        confirmed: True when the row is in the GB 32100-2015 text; False when it rests on
            implementations only.
    """

    code: str
    name: str
    name_en: str
    categories: Mapping[str, str]
    confirmed: bool


def _row(
    code: str, name: str, name_en: str, categories: dict[str, str], *, confirmed: bool
) -> RegistrationDepartment:
    return RegistrationDepartment(code, name, name_en, MappingProxyType(categories), confirmed)


USCC_REGISTRATION_TABLE: Mapping[str, RegistrationDepartment] = MappingProxyType(
    {
        row.code: row
        for row in (
            _row(
                "1",
                "机构编制",
                "institutional establishment",
                {
                    "1": "机关",
                    "2": "事业单位",
                    "3": "中央编办直接管理机构编制的群众团体",
                    "9": "其他",
                },
                confirmed=True,
            ),
            _row(
                "2",
                "外交",
                "foreign affairs",
                {"1": "外国常驻新闻机构", "9": "其他"},
                confirmed=False,
            ),
            _row(
                "3",
                "司法行政",
                "judicial administration",
                {
                    "1": "律师执业机构",
                    "2": "公证处",
                    "3": "基层法律服务所",
                    "4": "司法鉴定机构",
                    "5": "仲裁委员会",
                    "9": "其他",
                },
                confirmed=False,
            ),
            _row("4", "文化", "culture", {"1": "外国在华文化中心", "9": "其他"}, confirmed=False),
            _row(
                "5",
                "民政",
                "civil affairs",
                {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"},
                confirmed=True,
            ),
            _row(
                "6",
                "旅游",
                "tourism",
                {
                    "1": "外国旅游部门常驻代表机构",
                    "2": "港澳台地区旅游部门常驻内地（大陆）代表机构",
                    "9": "其他",
                },
                confirmed=False,
            ),
            _row(
                "7",
                "宗教",
                "religious affairs",
                {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"},
                confirmed=False,
            ),
            _row("8", "工会", "trade unions", {"1": "基层工会", "9": "其他"}, confirmed=False),
            _row(
                "9",
                "工商",
                "industry and commerce",
                {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"},
                confirmed=True,
            ),
            _row(
                "A",
                "中央军委改革和编制办公室",
                "Central Military Commission reform and establishment office",
                {"1": "军队事业单位", "9": "其他"},
                confirmed=False,
            ),
            _row(
                "N",
                "农业",
                "agriculture",
                {
                    "1": "组级集体经济组织",
                    "2": "村级集体经济组织",
                    "3": "乡镇级集体经济组织",
                    "9": "其他",
                },
                confirmed=False,
            ),
            _row("Y", "其他", "other", {"1": "其他"}, confirmed=True),
        )
    }
)
"""USCC position 1 -> its registration department and the allowed position-2 categories."""
