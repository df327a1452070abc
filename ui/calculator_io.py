"""The three ways a calculator gets its data — a table the user edits, a file they upload, a demo
they pick — and the mapping of a file's unknown labels, with everything kept for the session.

One mechanism for all three calculators:

- Simple widgets (selectboxes, number inputs, toggles) pass ``persist_state=KEEP``: Streamlit 1.67
  keeps their value across page switches itself (``persist_state="session"``), so a page sets no
  defaults twice and copies nothing.
- A table (:func:`table_editor`) is drawn from a *base* frame that stays fixed while the editor is
  on screen, so the editor's pending edits always apply to the data they were made on. The edited
  rows are kept; when the editor's own state is gone (the user came back from another page) they
  become the new base. Replacing the table (:func:`replace_table`: a demo, a file, a restore)
  renames the hidden index, which gives the editor a new identity in Streamlit (its identity
  includes the index) so old edits can't come back, while its key stays the same.
- An upload (:func:`file_upload`) is kept as bytes when it arrives; coming back to the page shows
  the same file (the uploader itself comes back empty), and only the user removing it forgets it.

Keys: everything kept lives under the widget key the page chose (``channels_table`` →
``channels_table.kept``), so pages keep their prefixes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import pandas as pd
import streamlit as st

from content_logic.calculator import UnmappedLabel
from ui.i18n import t

KEEP: Literal["session"] = "session"
"""``persist_state`` for a calculator's simple widgets: their values come back with the page."""

LEAVE_OUT = ""
"""The mapping editor's choice for "don't use this label's rows"."""

ss = st.session_state


def _kept_key(key: str) -> str:
    return f"{key}.kept"


# --- a table the user edits --------------------------------------------------------------------


@dataclass
class _Table:
    base: pd.DataFrame
    """What the editor is drawn from (fixed while it is on screen)."""
    rows: pd.DataFrame
    """The rows as the user sees them now (the base plus the editor's edits)."""
    version: int = 0
    """Bumped whenever the base changes, to give the editor a new identity."""
    changed: bool = False
    """True once the user edited the table since it was last replaced."""
    shown: pd.DataFrame | None = None
    """The base with its versioned index, built once per version."""


_EDIT_PARTS = ("edited_rows", "added_rows", "deleted_rows")


def _has_edits(state: object) -> bool:
    return isinstance(state, dict) and any(state.get(part) for part in _EDIT_PARTS)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.reset_index(drop=True)


def table_editor(key: str, initial: Callable[[], pd.DataFrame], **editor_options: Any) -> pd.DataFrame:
    """Draw an editable table (``st.data_editor``) whose rows are kept for the session; return them.

    ``initial`` gives the first rows (called once per session, or after :func:`forget_table`).
    ``editor_options`` go to ``st.data_editor`` (``column_config``, ``num_rows``...); the index is
    always hidden, and the returned rows are indexed from 0.
    """
    table = ss.get(_kept_key(key))
    if table is None:
        frame = _plain(initial())
        table = ss[_kept_key(key)] = _Table(base=frame, rows=frame)
    elif key not in ss and table.rows is not table.base:  # back from another page: edits become the base
        table.base, table.version, table.shown = table.rows, table.version + 1, None
    if table.shown is None:
        table.shown = table.base.copy(deep=False)
        table.shown.index = pd.RangeIndex(len(table.base), name=f"{key}#{table.version}")
    edited = st.data_editor(table.shown, key=key, hide_index=True, **editor_options)
    if _has_edits(ss.get(key)):
        table.rows, table.changed = _plain(edited), True
    else:
        table.rows = table.base
    return table.rows


def replace_table(key: str, frame: pd.DataFrame) -> None:
    """Show ``frame`` in the table from the next draw on (a demo, a file, restored inputs); the
    user's edits to the previous data are dropped."""
    table = ss.get(_kept_key(key))
    version = table.version + 1 if table is not None else 0
    frame = _plain(frame)
    ss[_kept_key(key)] = _Table(base=frame, rows=frame, version=version)


def table_rows(key: str) -> pd.DataFrame | None:
    """The table's rows as last seen, without drawing it (``None`` before its first draw)."""
    table = ss.get(_kept_key(key))
    return None if table is None else table.rows


def table_changed(key: str) -> bool:
    """True once the user edited the table since it was last replaced."""
    table = ss.get(_kept_key(key))
    return bool(table is not None and table.changed)


def forget_table(key: str) -> None:
    """Drop the kept rows: the next draw starts again from ``initial``."""
    ss.pop(_kept_key(key), None)


# --- a file they upload ------------------------------------------------------------------------


class KeptFile(NamedTuple):
    """An uploaded file, kept for the session (the uploader forgets it on a page switch)."""

    name: str
    data: bytes
    file_id: str


def _file_key(key: str) -> str:
    return f"{key}.file"


def _file_changed(key: str, on_file: Callable[[KeptFile | None], None] | None) -> None:
    upload = ss.get(key)
    kept = None if upload is None else KeptFile(upload.name, upload.getvalue(), upload.file_id)
    if kept is None:
        ss.pop(_file_key(key), None)
    else:
        ss[_file_key(key)] = kept
    if on_file is not None:
        on_file(kept)


def _file_cleared(key: str, on_file: Callable[[KeptFile | None], None] | None) -> None:
    ss.pop(_file_key(key), None)
    if on_file is not None:
        on_file(None)


def file_upload(
    key: str,
    label: str,
    *,
    types: Sequence[str] = ("csv", "xlsx"),
    on_file: Callable[[KeptFile | None], None] | None = None,
    **uploader_options: Any,
) -> KeptFile | None:
    """Draw a file uploader; return the file in use, kept across reruns and page switches.

    ``on_file`` is called once when a file arrives (with it) and when the user removes it (with
    ``None``): read it there, and replace the table with what it holds. A page switch doesn't
    count as removing: the file stays, named under the uploader with a button to stop using it.
    """
    st.file_uploader(
        label, type=list(types), key=key, on_change=_file_changed, args=(key, on_file), **uploader_options
    )
    kept: KeptFile | None = ss.get(_file_key(key))
    if kept is not None and ss.get(key) is None:
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.caption(t("common.file_in_use", name=kept.name))
        stop = t("common.file_stop")
        right.button(stop, key=f"{key}_stop", on_click=_file_cleared, args=(key, on_file), type="tertiary")
    return kept


def keep_file(key: str, name: str, data: bytes) -> KeptFile:
    """Keep ``data`` as the file in use, as if uploaded (a lesson exercise's file); call before the
    uploader is drawn, then read it as an upload's ``on_file`` would."""
    kept = ss[_file_key(key)] = KeptFile(name, data, f"given:{hashlib.sha256(data).hexdigest()}")
    return kept


def kept_file(key: str) -> KeptFile | None:
    """The file in use, without drawing the uploader."""
    kept: KeptFile | None = ss.get(_file_key(key))
    return kept


# --- a demo they pick --------------------------------------------------------------------------


def demo_picker(
    key: str,
    label: str,
    options: Sequence[str],
    *,
    format_func: Callable[[str], str],
    on_pick: Callable[[str], None],
    default: str | None = None,
    **selectbox_options: Any,
) -> str:
    """A selectbox of demo ids whose choice is kept for the session; ``on_pick`` runs when the user
    picks one (load it into the table there). Returns the id chosen."""
    if key not in ss and default is not None:
        ss[key] = default
    chosen: str = st.selectbox(
        label,
        options,
        format_func=format_func,
        key=key,
        on_change=lambda: on_pick(ss[key]),
        persist_state=KEEP,
        **selectbox_options,
    )
    return chosen


# --- the mapping of labels the calculator doesn't know ------------------------------------------


def _mapping_key(key: str) -> str:
    return f"{key}.mapping"


def current_mapping(key: str) -> dict[str, str]:
    """The labels the user mapped so far (label as written → id), for ``read_file(mapping=...)``."""
    return dict(ss.get(_mapping_key(key), {}))


def _label_key(key: str, label: str) -> str:
    return f"{key}_map_{hashlib.sha1(label.encode()).hexdigest()[:10]}"


def _mapped(key: str, label: str) -> None:
    mapping = ss.setdefault(_mapping_key(key), {})
    chosen = ss.get(_label_key(key, label), LEAVE_OUT)
    if chosen == LEAVE_OUT:
        mapping.pop(label, None)
    else:
        mapping[label] = chosen


def mapping_editor(
    key: str, unmapped: Sequence[UnmappedLabel], ids: Sequence[str], *, id_label: Callable[[str], str]
) -> dict[str, str]:
    """Ask what each unknown label means ("treat `Seller-owned` as …"), one selectbox per label with
    the calculator's ``ids`` shown as ``id_label(id)``; return the mapping, remembered for the session.

    Labels already mapped stay listed (with their choice) so the user can change their mind.
    """
    mapping: dict[str, str] = ss.setdefault(_mapping_key(key), {})
    waiting = {item.label: item for item in unmapped if item.label not in mapping}
    labels = [*mapping, *waiting]
    if not labels:
        return {}
    leave_out = t("common.mapping_leave_out")
    with st.container(key=f"{key}_mapping"):
        st.markdown(t("common.mapping_title"))
        for label in labels:
            widget = _label_key(key, label)
            if widget not in ss:
                ss[widget] = mapping.get(label, LEAVE_OUT)
            item = waiting.get(label)
            text = (
                t("common.mapping_treat_rows", label=label, rows=item.rows, column=item.column)
                if item is not None
                else t("common.mapping_treat", label=label)
            )
            st.selectbox(
                text,
                (LEAVE_OUT, *ids),
                format_func=lambda value: id_label(value) if value != LEAVE_OUT else leave_out,
                key=widget,
                on_change=_mapped,
                args=(key, label),
            )
    return dict(mapping)
