"""Read a seller's file of videos (Seller Center video analytics .xlsx, Ads Manager video reports, Spanish
and Mexican exports, this app's template) or a typed table into checked inputs, with every rate kept
in its own definition, every problem located, and what was skipped or assumed said.

Rows with a problem are skipped and listed; every other row is still analysed. A missing value
(``--``, ``-``, empty) is never a problem by itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from content_logic.calculator import Reading, UnmappedLabel
from content_logic.funnel.checks import Flags, check_rows
from content_logic.funnel.inputs import FunnelInputs
from content_logic.funnel.models import (
    COUNT_FIELDS,
    FUNNEL_FIELDS,
    LABEL_FIELDS,
    MEASURES,
    RATE_FIELDS,
    RATE_MAX,
    VideoFunnel,
)
from content_logic.funnel.vocabulary import COUNT_INPUTS, column_kind
from content_logic.problems import InputError, Problem, Scalar
from content_logic.sheets import DecimalMark, NumberColumn, parse_number_column, read_sheet

FRACTION_MAX = 1.0
"""A rate column with no "%" whose values are all at most 1 was exported as fractions (0.42 = 42 %),
as Excel stores percent-formatted cells."""


def _parse_columns(
    data: pd.DataFrame, fields: Mapping[str, str], file: str | None
) -> tuple[dict[str, NumberColumn], list[Problem]]:
    """Every number column read by the shared parser, the decimal mark decided per column; a column
    that can't tell (``120,000`` only) follows the file's other columns (``$1,189.00``), and is noted
    only when no column of the file says which mark it uses."""
    names = [f for f in (*FUNNEL_FIELDS, *COUNT_INPUTS) if f in fields]
    columns = {f: parse_number_column(data[fields[f]]) for f in names}
    marks: list[DecimalMark] = [
        c.decimal for c in columns.values() if c.decimal is not None and not c.ambiguous
    ]
    prefer: DecimalMark | None = None
    if marks:
        prefer = "," if marks.count(",") > marks.count(".") else "."
    notes: list[Problem] = []
    for field, column in columns.items():
        if column.ambiguous and prefer is not None:
            columns[field] = parse_number_column(data[fields[field]], prefer=prefer)
        elif column.ambiguous and (note := column.ambiguity_note(file=file, column=fields[field])):
            notes.append(note)
    return columns, notes


def _fractions(raw: pd.Series, value: pd.Series) -> bool:
    """A rate column written as fractions: every value at most :data:`FRACTION_MAX`, no "%" anywhere."""
    known = value.dropna()
    if known.empty or (known > FRACTION_MAX).any():
        return False
    return not raw.astype("string").str.contains("%", regex=False).any()


def _columns(
    frame: pd.DataFrame, file: str | None, mapping: Mapping[str, str] | None
) -> tuple[dict[str, str], list[str], list[str], list[UnmappedLabel]]:
    """Field → header, trait headers, id headers, and the headers nobody knows (for the mapping editor)."""
    fields: dict[str, str] = {}
    traits: list[str] = []
    ids: list[str] = []
    unmapped: list[UnmappedLabel] = []
    problems: list[Problem] = []
    for header in (str(h) for h in frame.columns):
        found = column_kind(header, mapping)
        if found is None:
            filled = int(frame[header].notna().sum())
            if filled and not header.startswith("Unnamed:"):
                unmapped.append(UnmappedLabel(column=header, label=header, rows=filled))
            continue
        kind, name = found
        if kind == "trait":
            traits.append(header)
        elif kind == "id":
            ids.append(header)
        elif kind == "field" and name in fields:
            values: dict[str, Scalar] = {"first": fields[name], "second": header}
            problems.append(Problem(code="funnel_duplicate_column", file=file, values=values))
        elif kind == "field":
            fields[name] = header
    if "views" not in fields and "impressions" not in fields:
        problems.append(Problem(code="funnel_missing_views", file=file))
    elif not set(fields) - {"views", "impressions", *LABEL_FIELDS}:
        listed = ", ".join(str(c) for c in frame.columns)
        problems.append(Problem(code="funnel_no_stage_columns", file=file, values={"found": listed}))
    if problems:
        raise InputError(problems)
    return fields, traits, ids, unmapped


def _numbers(data: pd.DataFrame, fields: Mapping[str, str], flags: Flags, notes: list[Problem],
             file: str | None) -> dict[str, pd.Series]:  # fmt: skip
    numbers: dict[str, pd.Series] = {}
    parsed, ambiguous = _parse_columns(data, fields, file)
    notes += ambiguous
    for field in (*FUNNEL_FIELDS, *COUNT_INPUTS):
        if field not in fields:
            numbers[field] = pd.Series(np.nan, index=data.index)
            continue
        raw = data[fields[field]]
        value = parsed[field].values
        text_in_number = pd.Series(data.index.isin(list(parsed[field].invalid)), index=data.index)
        flags.flag(text_in_number, "funnel_not_a_number", field, raw)
        if field in RATE_FIELDS and _fractions(raw, value):
            value = value * 100
            notes.append(Problem(code="funnel_rates_as_fractions", file=file, column=fields[field]))
        flags.flag(value < 0, "funnel_negative", field, value)
        if field in (*COUNT_FIELDS, *COUNT_INPUTS):
            flags.flag((value >= 0) & (value % 1 != 0), "funnel_not_whole", field, value)
        if field in RATE_FIELDS:
            flags.flag(value > RATE_MAX, "funnel_rate_range", field, value)
        if field == "video_seconds":
            flags.flag(value == 0, "funnel_zero_length", field)
        numbers[field] = value
    return numbers


def prepare(
    frame: pd.DataFrame,
    *,
    file: str | None = None,
    first_row: int | None = 2,
    mapping: Mapping[str, str] | None = None,
) -> Reading[FunnelInputs]:
    """Check a table of videos cell by cell; ``first_row`` is the row number of the first data row,
    or ``None`` to take each row's number from the index (as the sheet reader gives it)."""
    try:
        fields, traits, ids, unmapped = _columns(frame, file, mapping)
    except InputError as error:
        return Reading(inputs=None, problems=tuple(error.problems))
    row_numbers = frame.index.to_numpy(dtype=int) if first_row is None else np.arange(len(frame)) + first_row
    data = frame.reset_index(drop=True)
    if data.empty:
        return Reading(inputs=None, problems=(Problem(code="funnel_no_rows", file=file),))
    flags = Flags(file=file, rows=pd.Series(row_numbers, index=data.index), columns=fields)
    notes: list[Problem] = []
    numbers = _numbers(data, fields, flags, notes, file)
    check_rows(numbers, flags)
    empty = (
        pd.DataFrame({f: numbers[f] for f in FUNNEL_FIELDS if f not in ("views", "impressions")})
        .isna()
        .all(axis=1)
    )
    skipped_empty = np.flatnonzero((empty & ~flags.bad_mask()).to_numpy())
    for index in skipped_empty:
        notes.append(Problem(code="funnel_row_empty", file=file, row=int(row_numbers[index])))
    bad = flags.bad_mask() | empty
    labels = _labels(data, fields, ids)
    videos = _videos(data, numbers, fields, traits, labels, ~bad)
    notes += [Problem(code="funnel_unmapped_column", file=file, column=u.column) for u in unmapped]
    problems = tuple(p for _, p in sorted(flags.issues, key=lambda item: item[0]))
    definitions = _definitions(numbers, ~bad)
    if not videos:
        no_rows = () if problems or skipped_empty.size else (Problem(code="funnel_no_rows", file=file),)
        return Reading(
            inputs=None, problems=(*problems, *no_rows), notes=tuple(notes), unmapped=tuple(unmapped)
        )
    inputs = FunnelInputs(mode="batch", source="upload", videos=videos)
    return Reading(inputs=inputs, problems=problems, notes=tuple(notes), unmapped=tuple(unmapped),
                   definitions=definitions)  # fmt: skip


def _labels(data: pd.DataFrame, fields: Mapping[str, str], ids: Sequence[str]) -> pd.Series:
    """Each video's name: its title, else its id."""
    title = data[fields["video"]] if "video" in fields else pd.Series(None, index=data.index, dtype=object)
    text = title.astype("string").str.strip()
    if ids:
        text = text.where(text.notna() & (text != ""), data[ids[0]].astype("string").str.strip())
    return text.fillna("")


def _definitions(numbers: Mapping[str, pd.Series], kept: pd.Series) -> dict[str, str]:
    """Measure → definition for each measure the kept rows give (``finish_rate``: per view)."""
    found: dict[str, str] = {}
    for name, spec in MEASURES.items():
        needs = [numbers[f][kept] for f in spec.needs]
        if needs and pd.concat(needs, axis=1).notna().all(axis=1).any():
            found[name] = spec.definition
    return found


def _videos(
    data: pd.DataFrame,
    numbers: Mapping[str, pd.Series],
    fields: Mapping[str, str],
    traits: Sequence[str],
    labels: pd.Series,
    kept: pd.Series,
) -> tuple[VideoFunnel, ...]:
    """The kept rows as models, with their content traits."""
    keep = np.flatnonzero(kept.to_numpy())
    values = {f: numbers[f].to_numpy() for f in FUNNEL_FIELDS}
    texts = {
        f: data[fields[f]].astype("string").str.strip().fillna("") for f in ("creator", "date") if f in fields
    }
    trait_text = {t: data[t].astype("string").str.strip() for t in traits}
    videos = []
    for i in keep:
        nums = {f: (None if np.isnan(v := values[f][i]) else (int(v) if f in COUNT_FIELDS else float(v)))
                for f in FUNNEL_FIELDS}  # fmt: skip
        own = {t: str(s.iloc[i]) for t, s in trait_text.items() if pd.notna(s.iloc[i]) and s.iloc[i] != ""}
        row: dict[str, object] = {"video": str(labels.iloc[i]), "traits": own, **nums}
        row.update({f: str(s.iloc[i]) for f, s in texts.items()})
        videos.append(VideoFunnel.model_validate(row))
    return tuple(videos)


def _known(label: object) -> bool:
    return isinstance(label, str) and column_kind(label.strip()) is not None


def read_file(
    data: bytes, filename: str, *, mapping: Mapping[str, str] | None = None
) -> Reading[FunnelInputs]:
    """The contract's reader: an uploaded CSV/XLSX of videos (one row each, the header wherever it is)
    read into batch inputs. ``mapping`` says what an unknown column is (a field id, ``trait``, ``id``
    or ``ignore``)."""
    try:  # the header is the row naming the most columns the vocabulary knows, wherever it is
        sheet = read_sheet(data, filename or "upload", is_known_label=_known)
    except InputError as error:
        return Reading(inputs=None, problems=tuple(error.problems))
    frame, layout_notes = sheet.frame, sheet.notes
    reading = prepare(frame, file=filename, first_row=None, mapping=mapping)
    return reading.model_copy(update={"notes": (*layout_notes, *reading.notes)}) if layout_notes else reading


def read_rows(rows: Sequence[Mapping[str, object]], columns: Sequence[str]) -> Reading[FunnelInputs]:
    """The typed table (rows numbered from 1), checked exactly like a file."""
    return prepare(pd.DataFrame(list(rows), columns=list(columns)), first_row=1)
