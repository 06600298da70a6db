"""A class written with its type in brackets reads as the class and the type, as with a slash.

共享平台方式（接口） is 共享平台方式/接口, 数据库(MySQL) is 数据库-MySQL: the same record and the same
findings but for the value each echoes.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govcatalog.packs import get_pack
from govcatalog.records.coerce import Coercer

PACK = get_pack("gb-1272@^1")
COERCER = Coercer(PACK)
FORMAT_CLASSES = ["数据库", "电子表格", "电子文件", "服务接口", "其他"]
FORMAT_TYPES = ["MySQL", "oracle", "xlsx", "csv", "pdf", "共12张表"]
MODE_CLASSES = ["共享平台方式", "邮件方式", "介质方式", "平台"]
MODE_TYPES = ["接口", "文件", "数据库", "API"]
BRACKETS = st.sampled_from([("（", "）"), ("(", ")"), (" （", "） "), ("(", "）")])


def _read(group: str, key: str, value: str) -> tuple[object, list[tuple[str, str]]]:
    out = COERCER.resource({group: {key: value}})
    assert out is not None
    return out.record.get(group), sorted((h.code, h.pointer) for h in out.hits)


@given(
    pair=st.one_of(
        st.tuples(
            st.just("format"),
            st.just("format_class"),
            st.sampled_from(FORMAT_CLASSES),
            st.sampled_from(FORMAT_TYPES),
        ),
        st.tuples(
            st.just("share"),
            st.just("share_mode_class"),
            st.sampled_from(MODE_CLASSES),
            st.sampled_from(MODE_TYPES),
        ),
    ),
    brackets=BRACKETS,
)
def test_brackets_read_as_a_slash(
    pair: tuple[str, str, str, str], brackets: tuple[str, str]
) -> None:
    group, key, head, tail = pair
    opening, closing = brackets
    assert _read(group, key, f"{head}{opening}{tail}{closing}") == _read(
        group, key, f"{head}/{tail}"
    )
