"""Row checks of a read file: counts turned into rates of their own definition, and the numbers that
can't be true together (each problem located by file, row and column)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from content_logic.funnel.models import ORDER_RULES, plain
from content_logic.problems import Problem


def _scalar(value: object) -> str | int | float:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return plain(value)
    return str(value)[:40]


@dataclass
class Flags:
    """Problems found so far, by row position; ``rows`` gives each position's spreadsheet row number."""

    file: str | None
    rows: pd.Series
    columns: Mapping[str, str]
    """Field → the header it was read from."""
    issues: list[tuple[int, Problem]] = field(default_factory=list)

    def flag(
        self, mask: pd.Series, code: str, field: str, values: pd.DataFrame | pd.Series | None = None
    ) -> None:
        """Record ``code`` for every row where ``mask`` holds (``values`` fill the message)."""
        for index in np.flatnonzero(mask.to_numpy()):
            if isinstance(values, pd.DataFrame):
                found = {k: plain(v) for k, v in values.iloc[index].items()}
            else:
                found = {} if values is None else {"value": _scalar(values.iloc[index])}
            problem = Problem(code=code, file=self.file, row=int(self.rows.iloc[index]),
                              column=self.columns.get(field), values=found)  # fmt: skip
            self.issues.append((int(index), problem))

    def bad_mask(self) -> pd.Series:
        """Rows with at least one problem."""
        return pd.Series(self.rows.index.isin([index for index, _ in self.issues]), index=self.rows.index)


def check_rows(numbers: dict[str, pd.Series], flags: Flags) -> None:
    """Turn 2-second and full-watch counts into rates (in place) and flag impossible combinations.

    The definitions are kept: 2-second views ÷ impressions is Ads Manager's hook rate
    (``impression_hook_rate``), ÷ views the course's (``hook_rate``); full watches ÷ 2-second views is
    the course's completion, and only without 2-second views do full watches ÷ views give the
    per-view finish rate. A rate the file gives itself is never replaced.
    """
    views, impressions = numbers["views"], numbers["impressions"]
    two_second, full = numbers.pop("two_second_views"), numbers.pop("full_watches")
    pairs = {"smaller": two_second, "larger": views}
    flags.flag(two_second > views, "funnel_two_second_over_views", "two_second_views", pd.DataFrame(pairs))
    pairs = {"smaller": full, "larger": two_second}
    flags.flag(full > two_second, "funnel_full_over_two_second", "full_watches", pd.DataFrame(pairs))
    with np.errstate(divide="ignore", invalid="ignore"):
        per_impression = (two_second / impressions * 100).where(impressions > 0)
        numbers["impression_hook_rate"] = numbers["impression_hook_rate"].fillna(per_impression)
        per_view = (two_second / views * 100).where((views > 0) & impressions.isna())
        numbers["hook_rate"] = numbers["hook_rate"].fillna(per_view)
        completion = (full / two_second * 100).where(two_second > 0)
        numbers["completion_rate"] = numbers["completion_rate"].fillna(completion)
        finish = (full / views * 100).where((views > 0) & two_second.isna())
        numbers["finish_rate"] = numbers["finish_rate"].fillna(finish)
    for rule in ORDER_RULES:
        pairs = {"smaller": numbers[rule.smaller], "larger": numbers[rule.larger]}
        flags.flag(pairs["smaller"] > pairs["larger"], rule.code, rule.smaller, pd.DataFrame(pairs))
