"""Read a sales export into weekly sales: ``read_file`` → ``Reading[ChannelInputs]``.

Long files (one row per date and channel, or per date × carrier × source) and wide ones (a date
column, then one column per channel and measure) in English or Spanish, as ``vocabulary.toml``
lists them. Every label column is used; labels that map nowhere are listed in ``Reading.unmapped``
with their row counts and their rows left out (said in a note) until the user maps them.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from content_logic.calculator import Reading, UnmappedLabel
from content_logic.channels.cells import ChannelProblem, Problems, column_numbers
from content_logic.channels.inputs import ChannelInputs
from content_logic.channels.models import CHANNELS, ChannelId, LabelMapping, Measure, Note, WeeklySales
from content_logic.channels.vocabulary import (
    carrier_of,
    channel_of,
    column_role,
    combine,
    is_creator_list,
    is_known_header,
    is_total,
    names_gmv,
    source_of,
)
from content_logic.channels.weeks import ROWS, read_periods, to_weekly
from content_logic.problems import InputError, Problem, Scalar
from content_logic.sheets import read_sheet

IGNORE = "ignore"
"""A mapping value that leaves a label's rows out on purpose (the editor's "not a channel")."""

_UNSPLIT = {("self_video", "video")}
"""A video label with no source: creators' videos can't be told apart from the seller's, so it is said."""

_FORMATS = {"ymd": "yyyy-mm-dd", "dmy": "dd/mm/yyyy", "mdy": "mm/dd/yyyy"}


def read_file(
    data: bytes, filename: str, *, mapping: Mapping[str, str] | None = None
) -> Reading[ChannelInputs]:
    """The file as weekly sales; ``mapping`` maps labels as written to channel ids (or ``ignore``)."""
    file = filename or "upload"
    try:
        sheet = read_sheet(data, file, is_known_label=is_known_header)
        frame = sheet.frame
        frame = frame.loc[
            :, [not (str(c).startswith("Unnamed:") and frame[c].isna().all()) for c in frame.columns]
        ]
        # the sheet's rows are indexed by the row numbers the seller sees, titles and blank rows included
        frame = frame.assign(row=[int(i) for i in frame.index]).reset_index(drop=True)
        result = _Reader(frame, file, dict(mapping or {}), sheet.notes).read()
    except InputError as error:
        return Reading(inputs=None, problems=tuple(error.problems))
    sales, unmapped = result
    if not any(any(sales.orders[c]) for c in CHANNELS) and unmapped:
        problem = ChannelProblem(code="nothing_mapped", file=file, values={"count": len(unmapped)})
        return Reading(inputs=None, problems=(problem,), notes=sales.notes, unmapped=unmapped)
    inputs = ChannelInputs(source=file, sales=sales)
    return Reading(inputs=inputs, notes=sales.notes, unmapped=unmapped)


class _Reader:
    """One file's reading: its columns' roles, the problems and notes found, the labels met."""

    def __init__(
        self, frame: pd.DataFrame, file: str, mapping: dict[str, str], notes: tuple[Problem, ...]
    ) -> None:
        self.frame = frame
        self.file = file
        self.mapping = mapping
        self.problems = Problems(file)
        self.notes: list[Problem] = list(notes)
        self.unmapped: list[UnmappedLabel] = []
        self.unsplit: list[str] = []
        """Labels naming a content type but no source (``Video``): all read as the seller's own."""
        self.columns = [c for c in frame.columns if c != "row"]
        self.roles = {c: column_role(c) for c in self.columns}

    def _column(self, role: str) -> str | None:
        return next((c for c in self.columns if self.roles[c] == role), None)

    def read(self) -> tuple[WeeklySales, tuple[UnmappedLabel, ...]]:
        period = self._column("period")
        if period is None:
            code = "creator_list" if is_creator_list(self.columns) else "no_period_column"
            self.problems.add(code, found=", ".join(self.columns[:8]))
            self.problems.raise_if_any()
        assert period is not None
        frame = self.frame[self.frame[self.columns].notna().any(axis=1)]
        if frame.empty:
            self.problems.add("no_rows")
            self.problems.raise_if_any()
        self.frame = frame
        periods = read_periods([str(v) for v in frame[period].dropna().unique()])
        if periods.ambiguous_order and periods.order:
            values: dict[str, Scalar] = {"format": _FORMATS[periods.order]}
            self.notes.append(Note(code="date_order", file=self.file, column=period, values=values))
        labels = [c for c in self.columns if self.roles[c] in ("channel", "carrier", "source")]
        if labels:
            rows, measure, has_gmv, found = self._long(period, labels)
        else:
            rows, measure, has_gmv, found = self._wide(period)
        self.notes[:0] = [
            Note(code="unmapped", file=self.file, column=u.column, values={"label": u.label, "rows": u.rows})
            for u in self.unmapped
        ]
        self._check_periods(rows, period, periods.weeks)
        self.problems.raise_if_any()
        rows = rows[rows["slot"].notna() & rows["channel"].notna()]
        rows = rows.assign(
            week=rows["slot"].map(periods.weeks), slot=rows["slot"].map(periods.days or periods.weeks)
        )
        if measure == "gmv":
            self.notes.append(Note(code="measure_gmv", file=self.file))
        if self.unsplit:
            unsplit: dict[str, Scalar] = {"labels": ", ".join(dict.fromkeys(self.unsplit))}
            self.notes.append(Note(code="no_source", file=self.file, values=unsplit))
        if rows.empty:
            return _empty(self.notes, found), tuple(self.unmapped)
        sales = to_weekly(
            rows, periods, file=self.file, measure=measure, has_gmv=has_gmv, labels=found, notes=self.notes
        )
        return sales, tuple(self.unmapped)

    def _choose(self, label: str) -> ChannelId | None | str:
        """The user's choice for a label: a channel, ``ignore``, or absent (``""``)."""
        chosen = self.mapping.get(label, "")
        return chosen if chosen in CHANNELS or chosen == IGNORE else ""

    def _long(
        self, period: str, labels: list[str]
    ) -> tuple[pd.DataFrame, Measure, bool, tuple[LabelMapping, ...]]:
        frame = self.frame
        orders, gmv, creator = self._column("orders"), self._column("gmv"), self._column("creator")
        if orders is None and gmv is None:
            self.problems.add("no_values_column", found=", ".join(self.columns[:8]))
            self.problems.raise_if_any()
        carrier, source = self._column("carrier"), self._column("source")
        pairs = carrier is not None and source is not None and self._column("channel") is None
        used: list[str] = (
            [carrier, source] if (pairs and carrier and source) else [self._column("channel") or labels[0]]
        )
        texts = [frame[column].fillna("").astype(str).str.strip() for column in used]
        keys = texts[0] if len(texts) == 1 else texts[0] + "\x1f" + texts[1]  # column-wise, not row by row
        found: list[LabelMapping] = []
        channel_of_key: dict[str, ChannelId | None] = {}
        counts = keys.value_counts(sort=False)
        for text in counts.index:
            parts = str(text).split("\x1f")
            chosen, carrier_id = self._label_channel(parts, used, counts, text)
            channel_of_key[text] = chosen
            if chosen is not None and any(parts):
                shown = " · ".join(p for p in parts if p)
                mapped = any(p in self.mapping for p in parts)
                found.append(LabelMapping(label=shown, channel=chosen, carrier=carrier_id, chosen=mapped))
        value = column_numbers(frame, orders, self.problems, self.notes) if orders else None
        money = column_numbers(frame, gmv, self.problems, self.notes) if gmv else None
        main = value if value is not None else money
        assert main is not None
        has_numbers = main > 0 if money is None else (main > 0) | (money > 0)
        blank = (keys.str.replace("\x1f", "") == "") & has_numbers
        self.problems.rows("missing_channel", used[0], frame.loc[blank, "row"], keys[blank])
        rows = pd.DataFrame(
            {
                "row": frame["row"],
                "slot": frame[period],
                "channel": keys.map(channel_of_key),
                "label": keys,
                "value": main,
                "gmv": money if (money is not None and value is not None) else 0.0,
                "creator": frame[creator].map(lambda c: str(c).strip() or None, na_action="ignore")
                if creator
                else None,
            },
            columns=ROWS,
        )
        return rows, ("orders" if orders else "gmv"), bool(orders and gmv), tuple(found)

    def _label_channel(
        self, parts: list[str], used: list[str], counts: pd.Series, text: str
    ) -> tuple[ChannelId | None, str | None]:
        """The channel of one label (or carrier × source pair); an unknown one is listed as unmapped."""
        for part in parts:
            chosen = self._choose(part)
            if chosen:
                return (None if chosen == IGNORE else chosen), None  # type: ignore[return-value]
        if not any(parts):
            return None, None
        rows = int(counts[text])
        if len(parts) == 1:
            channel, carrier = channel_of(parts[0])
            if channel is None:
                self._unmapped(used[0], parts[0], rows)
            elif (channel, carrier) in _UNSPLIT:
                self.unsplit.append(parts[0])
            return channel, carrier
        carrier, source = carrier_of(parts[0]), source_of(parts[1])
        channel = combine(carrier, source)
        if channel is not None and (source is not None or carrier in ("ads", "product_card")):
            return channel, carrier
        unknown = 1 if carrier is not None else 0  # a known carrier with an unknown source: ask about it
        self._unmapped(used[unknown], parts[unknown], rows)
        return None, carrier

    def _unmapped(self, column: str, label: str, rows: int) -> None:
        for i, known in enumerate(self.unmapped):
            if known.column == column and known.label == label:
                self.unmapped[i] = known.model_copy(update={"rows": known.rows + rows})
                return
        self.unmapped.append(UnmappedLabel(column=column, label=label, rows=rows))

    def _wide(self, period: str) -> tuple[pd.DataFrame, Measure, bool, tuple[LabelMapping, ...]]:
        found: list[tuple[str, ChannelId]] = []
        ignored: list[str] = []
        for column in self.columns:
            if column == period:
                continue
            chosen = self._choose(column)
            channel, carrier = (chosen, None) if chosen else channel_of(column)
            if (channel, carrier) in _UNSPLIT:
                self.unsplit.append(column)
            if channel == IGNORE:
                continue
            if channel is not None:
                found.append((column, channel))  # type: ignore[arg-type]
            elif is_total(column):
                ignored.append(column)
            elif self.roles[column] is None and self.frame[column].notna().any():
                self.unmapped.append(
                    UnmappedLabel(column=column, label=column, rows=int(self.frame[column].notna().sum()))
                )
        if not found and not self.unmapped:
            self.problems.add("no_channel_columns", found=", ".join(self.columns[:8]))
        if ignored:
            self.notes.append(
                Note(code="ignored_columns", file=self.file, values={"columns": ", ".join(ignored)})
            )
        money = [(c, ch) for c, ch in found if names_gmv(c)]
        counted = [(c, ch) for c, ch in found if not names_gmv(c)]
        measure: Measure = "orders" if counted or not money else "gmv"
        main = counted if measure == "orders" else money
        for channel in dict.fromkeys(ch for _, ch in main):
            merged = [c for c, ch in main if ch == channel]
            if len(merged) > 1:
                values: dict[str, Scalar] = {"columns": " + ".join(merged), "channel": channel}
                self.notes.append(Note(code="merged_columns", file=self.file, values=values))
        parts = [self._melt(period, column, channel, money=False) for column, channel in main]
        if measure == "orders":
            parts += [self._melt(period, column, channel, money=True) for column, channel in money]
        rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=ROWS)
        labels = tuple(LabelMapping(label=c, channel=ch, chosen=c in self.mapping) for c, ch in found)
        return rows, measure, bool(counted and money), labels

    def _melt(self, period: str, column: str, channel: ChannelId, *, money: bool) -> pd.DataFrame:
        values = column_numbers(self.frame, column, self.problems, self.notes)
        return pd.DataFrame(
            {
                "row": self.frame["row"],
                "slot": self.frame[period],
                "channel": channel,
                "label": column,
                "value": 0.0 if money else values,
                "gmv": values if money else 0.0,
                "creator": None,
            }
        )

    def _check_periods(self, rows: pd.DataFrame, period: str, weeks: Mapping[str, object]) -> None:
        cells = self.frame[period]
        unread = cells.notna() & ~cells.isin(set(weeks))
        self.problems.rows("bad_date", period, self.frame.loc[unread, "row"], cells[unread])
        numbered = set(rows.loc[(rows["value"] + rows["gmv"] > 0) & rows["channel"].notna(), "row"])
        empty = cells.isna() & self.frame["row"].isin(numbered)
        self.problems.rows("missing_date", period, self.frame.loc[empty, "row"], cells[empty].fillna(""))


def _empty(notes: list[Problem], found: tuple[LabelMapping, ...]) -> WeeklySales:
    return WeeklySales.from_orders([], {}, notes=tuple(notes), labels=found)
