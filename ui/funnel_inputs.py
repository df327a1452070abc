"""Funnel page inputs: lesson links, benchmarks, the one-video form, the upload, the table, batch options."""

from __future__ import annotations

import types
import typing
from functools import partial

import streamlit as st
from pydantic import BaseModel

from content_logic.calculator import UnmappedLabel
from content_logic.funnel import DEMO_IDS, FunnelBenchmarks, FunnelInputs, VideoFunnel, text
from content_logic.i18n import Language, translate
from ui.calculator_io import demo_picker, file_upload, kept_file, mapping_editor, table_editor
from ui.funnel_state import (
    BENCH_KEYS,
    DEMO_KEY,
    MAPPING_KEY,
    MODE_KEY,
    RESTORED_KEY,
    SINGLE_FIELDS,
    SINGLE_KEYS,
    SOURCE_KEY,
    TABLE_COLUMNS,
    TABLE_KEY,
    UPLOAD_KEY,
    BatchRun,
    demo_changed,
    forget_restored,
    table_frame,
)
from ui.funnel_view import column_label
from ui.i18n import t
from ui.routes import LESSON

BENCH_EDIT_KEY = "funnel_bm_edit"
"""The toggle that shows the benchmark inputs (hidden, they cost nothing on a rerun; values are kept)."""

_DECIMALS: dict[str, str] = {"click_through": "%.2f", "product_ctr": "%.2f", "click_to_order": "%.2f",
                             "gpm_reference": "%.2f", "gmv": "%.2f"}  # fmt: skip
"""Display format of a number input; rates with small values get two decimals, others one."""


_SHOWN_BENCHMARKS = ("hook_rate", "impression_hook_rate", "completion_rate", "finish_rate", "click_through",
                     "product_ctr", "click_to_order")  # fmt: skip
"""The rates shown in the benchmarks' one-line summary, each named with its definition."""


def _rules(annotation: object) -> list[object]:
    """The constraint objects (``Ge``, ``Le``, ``Gt``) inside an annotation, also inside ``X | None``."""
    found: list[object] = []
    for meta in getattr(annotation, "__metadata__", ()):
        found += list(getattr(meta, "metadata", [meta]))
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found += _rules(arg)
    return found


def _is_whole(annotation: object) -> bool:
    if annotation is int:
        return True
    return any(_is_whole(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def limits(model: type[BaseModel], field: str) -> tuple[float | int, float | int | None, str | None]:
    """Lowest, highest and display format of a number input, read from the model's own field rules
    (``ge``/``gt``/``le``, also inside ``X | None``), so an input can't produce an invalid model."""
    info = model.model_fields[field]
    whole = _is_whole(info.annotation)
    low: float | int = 0 if whole else 0.0
    high: float | int | None = None
    for rule in [*info.metadata, *_rules(info.annotation)]:
        if getattr(rule, "ge", None) is not None:
            low = rule.ge  # type: ignore[attr-defined]
        if getattr(rule, "gt", None) is not None:
            low = rule.gt + (1 if whole else 0.1)  # type: ignore[attr-defined]
        if getattr(rule, "le", None) is not None:
            high = rule.le  # type: ignore[attr-defined]
    if whole:
        return int(low), None if high is None else int(high), None
    return float(low), None if high is None else float(high), _DECIMALS.get(field, "%.1f")


def lesson_links() -> None:
    """Links to the two lessons this calculator applies."""
    for lesson in ("views-no-sales", "replicate-winners"):
        st.page_link(
            LESSON.file,
            label=t(f"funnel.lesson_{lesson.replace('-', '_')}"),
            icon=":material/menu_book:",
            query_params={"lesson": lesson},
        )


def _reset_benchmarks() -> None:
    for field, key in BENCH_KEYS.items():
        st.session_state[key] = getattr(FunnelInputs().benchmarks, field)


def benchmark_editor(lang: Language) -> None:
    """The benchmarks in use in one line, and behind a toggle the inputs to change them (with sources)."""
    with st.container(border=True, key="funnel_benchmarks"):
        edit = st.toggle(t("funnel.benchmarks_header"), key=BENCH_EDIT_KEY, persist_state="session")
        if not edit:
            values = {f: st.session_state.get(BENCH_KEYS[f]) for f in _SHOWN_BENCHMARKS}
            shown = {f: text.measure(f, v, lang) for f, v in values.items()}
            gpm = st.session_state.get(BENCH_KEYS["gpm_reference"])
            value = text.measure("gpm", gpm, lang) if gpm is not None else t("funnel.bm_gpm_median")
            st.caption(t("funnel.benchmarks_in_use", value=value, **shown))
            return
        st.caption(t("funnel.benchmarks_note"))
        columns = st.columns(2)
        for index, (field, key) in enumerate(BENCH_KEYS.items()):
            low, high, number_format = limits(FunnelBenchmarks, field)
            sources = " ".join(f"[{i}]({url})" for i, url in enumerate(text.sources(field), start=1))
            cited = f" {t('funnel.sources')} {sources}" if sources else ""
            columns[index % 2].number_input(
                t(f"funnel.bm.{field}"), min_value=low, max_value=high, format=number_format, key=key,
                help=t(f"funnel.bm_help.{field}") + cited, persist_state="session",
            )  # fmt: skip
        st.button(t("funnel.reset_benchmarks"), key="funnel_bm_reset", on_click=_reset_benchmarks)


def _fill(values: dict[str, object]) -> None:
    for field, key in SINGLE_KEYS.items():
        st.session_state[key] = values.get(field)


def single_form() -> None:
    """The one-video form (it starts with the lesson's example); an empty field means "unknown"."""
    example = FunnelInputs().video.model_dump(include=set(SINGLE_KEYS))
    st.text_input(t("funnel.field.video"), key=SINGLE_KEYS["video"], persist_state="session")
    columns = st.columns(2)
    for index, field in enumerate(SINGLE_FIELDS):
        low, high, number_format = limits(VideoFunnel, field)
        columns[index % 2].number_input(
            t(f"funnel.field.{field}"),
            min_value=low,
            max_value=high,
            format=number_format,
            key=SINGLE_KEYS[field],
            help=t(f"funnel.field_help.{field}"),
            placeholder=t("funnel.unknown"),
            persist_state="session",
        )
    left, right = st.columns(2)
    left.button(t("funnel.load_example"), key="funnel_single_example", on_click=_fill, args=(example,))
    right.button(t("funnel.clear_form"), key="funnel_single_clear", on_click=_fill, args=({},))


def upload_widget(lang: Language) -> None:
    """The file uploader (the file is kept for the session by ``ui.calculator_io``) and the template."""
    file_upload(
        UPLOAD_KEY,
        t("funnel.upload_label"),
        types=("csv", "xlsx", "xls", "txt", "tsv"),
        on_file=forget_restored,
        help=t("funnel.upload_help"),
    )
    st.download_button(
        t("funnel.template_download"),
        partial(text.template_csv, lang),
        file_name="funnel-template.csv",
        mime="text/csv",
        key="funnel_template",
        icon=":material/table_view:",
        on_click="ignore",
    )
    if kept_file(UPLOAD_KEY) is None and not st.session_state.get(RESTORED_KEY):
        st.info(t("funnel.upload_first"), icon=":material/upload_file:")


def columns_editor(run: BatchRun, lang: Language) -> None:
    """The columns of an upload that the vocabulary doesn't know: say what each is (a content trait,
    an identifier, a number to leave out); remembered for the session."""
    unknown = [UnmappedLabel(column=column, label=column, rows=rows) for column, rows in run.unmapped]
    mapping_editor(MAPPING_KEY, unknown, text.MAPPING_CHOICES,
                   id_label=lambda choice: translate(f"funnel.mapping_{choice}", lang))  # fmt: skip


def table_config(lang: Language) -> dict[str, object]:
    """Column headers and types of the typed table."""
    config: dict[str, object] = {c: st.column_config.TextColumn(column_label(c, lang)) for c in TABLE_COLUMNS}
    for field in SINGLE_FIELDS:
        low, high, _ = limits(VideoFunnel, field)
        config[field] = st.column_config.NumberColumn(
            column_label(field, lang), min_value=low, max_value=high
        )
    return config


def mode_picker(lang: Language) -> str:
    """One video or many: the page's two modes."""
    mode: str = st.segmented_control(
        t("funnel.mode"),
        ["single", "batch"],
        format_func=lambda m: translate(f"funnel.mode_{m}", lang),
        key=MODE_KEY,
        required=True,
        persist_state="session",
    )
    return mode


def batch_source(lang: Language) -> None:
    """Where the batch comes from: a demo set, an upload, or the typed table."""
    source = st.segmented_control(
        t("funnel.source_label"),
        ["demo", "upload", "table"],
        format_func=lambda s: translate(f"funnel.source_{s}", lang),
        key=SOURCE_KEY,
        required=True,
        persist_state="session",
    )
    if source == "demo":
        demo = demo_picker(
            DEMO_KEY,
            t("funnel.demo_pick"),
            DEMO_IDS,
            format_func=lambda d: translate(f"funnel.demo_name.{d}", lang),
            on_pick=lambda d: demo_changed(d, lang),
        )
        st.caption(t(f"funnel.demo_about.{demo}"))
    elif source == "upload":
        upload_widget(lang)
    else:
        st.caption(t("funnel.table_help"))
        table_editor(
            TABLE_KEY,
            lambda: table_frame(FunnelInputs()),
            num_rows="dynamic",
            column_config=table_config(lang),
        )
