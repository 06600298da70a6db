"""The findings of a report as a pandas DataFrame (``pip install govcatalog[notebook]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from govcatalog._optional import require
from govcatalog.render.csv import COLUMNS, finding_row
from govcatalog.report import Lang, Report

if TYPE_CHECKING:
    import pandas


def to_dataframe(report: Report, lang: Lang = Lang.ZH) -> pandas.DataFrame:
    """One row per finding, columns as in the CSV rendering; line and column are nullable ints.

    Raises:
        MissingExtra: When pandas is not installed (``pip install 'govcatalog[pandas]'``).
    """
    pd = require("pandas", "to_pandas()")  # optional and slow to import

    rows = [finding_row(f, lang) for f in report.findings]
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in ("line", "column"):
        frame[col] = frame[col].astype("Int64")
    frame["severity"] = pd.Categorical(
        frame["severity"], categories=["error", "warning", "info"], ordered=True
    )
    return frame
