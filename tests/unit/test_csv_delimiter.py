"""CSV files separated by ",", ";", tab or "|" read alike."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from govcatalog.io.csv_text import csv_delimiter
from govcatalog.io.sheet_reader import read_csv


@st.composite
def _tables(draw: st.DrawFn) -> tuple[str, list[list[str]]]:
    """A separator and a table whose cells hold it (quoted) but no other separator."""
    sep = draw(st.sampled_from([",", ";", "\t", "|"]))
    cells = st.text(alphabet=f"信息资源名称数据 'abc12{sep}", min_size=1, max_size=8)
    width = draw(st.integers(min_value=2, max_value=6))
    rows = draw(st.lists(st.lists(cells, min_size=width, max_size=width), min_size=2, max_size=6))
    return sep, rows


@given(_tables())
def test_the_separator_that_wrote_a_table_is_found(table: tuple[str, list[list[str]]]) -> None:
    sep, rows = table
    out = io.StringIO()
    csv.writer(out, delimiter=sep, quoting=csv.QUOTE_MINIMAL).writerows(rows)
    text = out.getvalue()
    assert list(csv.reader(io.StringIO(text), delimiter=csv_delimiter(text))) == rows


def test_commas_inside_the_cells_of_a_semicolon_file_do_not_split_them() -> None:
    text = "信息资源名称;信息资源代码;信息资源格式类型\n企业登记信息;307001/000001;xls,csv\n公交;1;json\n"
    assert csv_delimiter(text) == ";"


def test_a_semicolon_file_reads_as_its_comma_twin() -> None:
    rows = [
        ["信息资源名称", "信息资源代码", "信息资源格式类型"],
        ["企业登记信息", "307001/000001", "xls,csv"],
        ["公交线路", "307001/000002", "json"],
    ]
    docs = []
    for sep in (",", ";", "\t"):
        out = io.StringIO()
        csv.writer(out, delimiter=sep).writerows(rows)
        docs.append(read_csv(out.getvalue().encode("utf-8-sig"), "book.csv"))
    read = [[(r.data, r.cells) for r in doc.records] for doc in docs]
    assert read[0] == read[1] == read[2]
    assert len(read[0]) == 2
