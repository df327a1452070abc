"""The channel checker's inputs: story, upload, weekly table, window, stock plan and thresholds."""

from __future__ import annotations

import streamlit as st
from pydantic import BaseModel

from content_logic.channels import (
    CHANNELS,
    StabilityPolicy,
    StockPlan,
    WeeklySales,
    template_csv,
)
from content_logic.i18n import Language, translate
from ui import calculator_io as io
from ui import channels_state as state
from ui.i18n import t
from ui.widgets import problem_list

STEPS = {
    "min_history_weeks": 1,
    "baseline_percentile": 5.0,
    "spike_factor": 0.5,
    "max_decline_pct": 1.0,
    "planned_order_units": 10.0,
    "stock_on_hand": 10.0,
    "recent_weeks": 1,
    "min_weekly_orders": 1.0,
    "paid_growth_pct": 1.0,
    "organic_growth_pct": 0.5,
}
"""Step of each number input; shares and CVs move by 0.05, weeks and units per order by 1."""


def data_section(lang: Language) -> WeeklySales:
    """Story, upload and the weekly table; returns the sales to analyse (the last good ones on bad input)."""
    with st.container(border=True, key="channels_data"):
        st.header(t("channels.data_header"))
        io.demo_picker(
            state.STORY_KEY,
            t("channels.story"),
            state.STORY_OPTIONS,
            format_func=lambda s: translate(f"channels.story_name.{s}", lang),
            on_pick=state.story_picked,
            default=state.DEFAULT_STORY,
            help=t("channels.story_help"),
        )
        io.file_upload(
            state.UPLOAD_KEY,
            t("channels.upload"),
            types=("csv", "txt", "xlsx", "xls"),
            on_file=state.file_changed,
            help=t("channels.upload_help"),
        )
        unmapped = state.read_upload()
        left, right = st.columns(2)
        for column, layout in ((left, "wide"), (right, "long")):
            column.download_button(
                t(f"channels.template_{layout}"),
                data=lambda layout=layout: template_csv(lang, layout),  # type: ignore[misc]
                file_name=f"channels-template-{layout}-{lang}.csv",
                mime="text/csv",
                key=f"channels_template_{layout}",
                icon=":material/download:",
                on_click="ignore",
            )
        failed = st.session_state.get(state.UPLOAD_PROBLEMS_KEY)
        if failed:
            problem_list(t("channels.upload_problems", file=failed[0]), [p.describe(lang) for p in failed[1]])
        if io.kept_file(state.UPLOAD_KEY) is not None:
            io.mapping_editor(
                state.UPLOAD_KEY,
                unmapped,
                (*CHANNELS, state.IGNORE),
                id_label=lambda c: translate(
                    "channels.mapping_ignore" if c == state.IGNORE else f"channels.name.{c}", lang
                ),
            )
        base: WeeklySales = st.session_state[state.BASE_KEY]
        if source := st.session_state.get(state.SOURCE_KEY):
            st.info(
                t("channels.upload_in_use", file=source, weeks=len(base.weeks)), icon=":material/upload_file:"
            )
            _how_read(base, lang)
        sales = _table(lang)
        st.slider(
            t("channels.window"),
            4,
            26,
            key=state.WINDOW_KEY,
            help=t("channels.window_help"),
            persist_state=io.KEEP,
        )
    return sales


def _how_read(sales: WeeklySales, lang: Language) -> None:
    if not sales.notes and not sales.labels:
        return
    with st.expander(t("channels.notes_header"), icon=":material/fact_check:"):
        st.markdown("\n".join(f"- {n.describe(lang)}" for n in sales.notes))
        if sales.labels:
            rows = [f"| {t('channels.mapping_label')} | {t('channels.mapping_channel')} |", "| --- | --- |"]
            rows += [f"| {m.label} | {t(f'channels.name.{m.channel}')} |" for m in sales.labels]
            st.markdown(f"**{t('channels.mapping_header')}**\n\n" + "\n".join(rows))


def _table(lang: Language) -> WeeklySales:
    base: WeeklySales = st.session_state[state.BASE_KEY]
    shown = io.table_rows(state.TABLE_KEY)
    week = str((shown if shown is not None else base.to_table()).columns[0])
    names = {c: translate(f"channels.name.{c}", lang) for c in CHANNELS} | {week: t("channels.week_column")}
    config: dict[str, object] = {week: st.column_config.TextColumn(names[week])}
    config |= {c: st.column_config.NumberColumn(names[c], min_value=0, format="%g") for c in CHANNELS}
    state.table_language(lang)
    st.markdown(f"**{t('channels.table_header')}**")
    st.caption(t("channels.table_help"))
    edited = io.table_editor(state.TABLE_KEY, base.to_table, num_rows="dynamic", column_config=config)
    sales, problems = state.table_sales(edited, names)
    if problems:
        problem_list(t("channels.table_problems"), [p.describe(lang) for p in problems])
    return sales


def policy() -> StabilityPolicy:
    """The thresholds in use; contradicting edits are explained in the thresholds panel."""
    chosen, _ = state.policy_from_state()
    return chosen


def plan_inputs(measure: str) -> None:
    """The purchase being considered; the average order value only when the data is GMV."""
    left, right = st.columns(2)
    for column, field in zip((left, left, left, right, right), PLAN_INPUTS, strict=True):
        low, high = _bounds(StockPlan, field)
        column.number_input(
            t(f"channels.plan.{field}"),
            min_value=low,
            max_value=high,
            step=STEPS.get(field, 1.0),
            format="%g",
            key=state.plan_key(field),
            persist_state=io.KEEP,
        )
    if measure == "gmv":
        right.number_input(
            t("channels.plan.average_order_value"),
            min_value=0.01,
            format="%g",
            key=state.plan_key("average_order_value"),
            help=t("channels.plan.average_order_value_help"),
            persist_state=io.KEEP,
        )


PLAN_INPUTS = ("planned_order_units", "stock_on_hand", "units_per_order", "lead_time_weeks", "buffer_weeks")
"""In reading order: on a phone the left column comes first, then the right."""


def rules_editor(lang: Language) -> None:
    """The formulas and every threshold, editable; drawn only while the panel is open."""
    _, problems = state.policy_from_state()
    if problems:
        problem_list(t("channels.rules_header"), [p.describe(lang) for p in problems])
    panel = st.expander(
        t("channels.rules_header"), key="channels_rules", on_change="rerun", icon=":material/tune:"
    )
    if not panel.open:
        return
    with panel:
        st.markdown(t("channels.formulas"))
        for field in state.POLICY_FIELDS:
            if field == "demand_channels":
                st.multiselect(
                    t("channels.policy.demand_channels"),
                    CHANNELS,
                    key=state.policy_key(field),
                    format_func=lambda c: translate(f"channels.name.{c}", lang),
                    help=t("channels.policy_help.demand_channels"),
                    persist_state=io.KEEP,
                )
                continue
            low, high = _bounds(StabilityPolicy, field)
            st.number_input(
                t(f"channels.policy.{field}"),
                min_value=low,
                max_value=high,
                step=STEPS.get(field, 0.05),
                key=state.policy_key(field),
                help=t(f"channels.policy_help.{field}"),
                persist_state=io.KEEP,
            )
        peaks_editor()
        st.button(
            t("channels.reset"),
            key="channels_policy_reset",
            on_click=state.reset_policy,
            icon=":material/undo:",
        )


def peaks_editor() -> None:
    """The sales-peak calendar as an editable table (rows can be added or deleted)."""
    st.markdown(f"**{t('channels.peaks_header')}**")
    st.caption(t("channels.peaks_help"))
    config: dict[str, object] = {
        c: st.column_config.TextColumn(t(f"channels.peak_{c}")) for c in state.PEAK_COLUMNS
    }
    config["id"] = None  # hidden: it keeps the course's peaks translatable
    edited = st.data_editor(
        st.session_state[state.PEAKS_TABLE_KEY],
        key=state.PEAKS_KEY,
        num_rows="dynamic",
        hide_index=True,
        column_config=config,
    )
    used = st.session_state[state.PEAKS_GOOD_KEY]
    peaks, good = state.peaks_from_table(edited)
    if not good:
        st.warning(t("channels.peaks_problem"), icon=":material/event_busy:")
    elif peaks != used:
        st.rerun()  # the table is drawn below the answer: judge again with the calendar as edited


def _bounds(model: type[BaseModel], field: str) -> tuple[float | None, float | None]:
    """The model's own limits for a number, so an input can't produce an invalid model."""
    info = model.model_fields[field]
    low = high = None
    step = STEPS.get(field, 0.05 if model is StabilityPolicy else 1.0)
    for rule in info.metadata:
        low = getattr(rule, "ge", low)
        if getattr(rule, "gt", None) is not None:
            low = rule.gt + step
        high = getattr(rule, "le", high)
    if isinstance(info.default, int) and not isinstance(info.default, bool) and model is StabilityPolicy:
        return low, high
    return (None if low is None else float(low)), (None if high is None else float(high))
