"""Funnel diagnoser: the first stage where a video loses its buyers (one video or many) and what to change."""

import streamlit as st

from content_logic.funnel import DEMO_IDS, diagnose_video, dump_inputs, room_summary
from content_logic.funnel import load_inputs as inputs_from_saved
from content_logic.funnel.inputs import LESSON_EXAMPLE
from content_logic.i18n import translate
from content_logic.problems import InputError
from ui import funnel_state as state
from ui.funnel_inputs import (
    batch_options,
    benchmark_editor,
    lesson_links,
    single_form,
    table_config,
    upload_widget,
)
from ui.funnel_view import show_batch, show_details, show_problems, show_verdict
from ui.i18n import current_language, t
from ui.share import calculator_sharing, restore_saved_inputs
from ui.shell import require_app_shell
from ui.widgets import problem_list

require_app_shell()

lang = current_language()
restore_saved_inputs("funnel", lambda saved: state.restore(inputs_from_saved(saved)))
state.init_state()

st.title(t("funnel.title"))
st.markdown(t("funnel.intro"))
lesson_links()
mode = st.segmented_control(
    t("funnel.mode"),
    ["single", "batch"],
    format_func=lambda m: translate(f"funnel.mode_{m}", lang),
    key=state.MODE_KEY,
    required=True,
    persist_state="session",
)
diagnosis = None
shared = None
if mode == "single":
    try:
        inputs = state.inputs_from_state(st.session_state)
        diagnosis = diagnose_video(inputs.video, benchmarks=inputs.benchmarks)
        show_verdict(diagnosis, lang, key="funnel_single")
    except InputError as error:
        problem_list(t("funnel.fix_these"), [p.describe(lang) for p in error.problems])
benchmark_editor(lang)

if mode == "single":
    form, details = st.columns([2, 3], gap="large")
    with form, st.container(border=True, key="funnel_form"):
        single_form(LESSON_EXAMPLE.model_dump(exclude={"traits"}))
    if diagnosis is not None:
        with details:
            show_details(diagnosis, lang, key="funnel_single")
        shared = (diagnosis, inputs)
else:
    source = st.segmented_control(
        t("funnel.source_label"),
        ["demo", "upload", "table"],
        format_func=lambda s: translate(f"funnel.source_{s}", lang),
        key=state.SOURCE_KEY,
        required=True,
        persist_state="session",
    )
    if source == "demo":
        demo = st.selectbox(
            t("funnel.demo_pick"),
            DEMO_IDS,
            format_func=lambda d: translate(f"funnel.demo_name.{d}", lang),
            key=state.DEMO_KEY,
            on_change=state.demo_changed,
            args=(lang,),
            persist_state="session",
        )
        st.caption(t(f"funnel.demo_about.{demo}"))
    elif source == "upload":
        upload_widget(lang)
    else:
        st.caption(t("funnel.table_help"))
        st.data_editor(
            state.table_frame(),
            num_rows="dynamic",
            hide_index=True,
            key=state.TABLE_KEY,
            on_change=state.keep_edits,
            column_config=table_config(lang),
        )
    options = st.container()
    try:
        inputs = state.inputs_from_state(st.session_state)
        run = state.batch_run(inputs, lang)
    except InputError as error:
        run = None
        problem_list(t("funnel.fix_these"), [p.describe(lang) for p in error.problems])
    if run is not None:
        show_problems(run, lang)
        if run.result is not None:
            batch_options(options, run.result, lang)
            show_batch(run, lang)
            shared = (run.result, inputs)

if shared is not None:
    calculator_sharing("funnel", room_summary(shared[0]), dump_inputs(shared[1]))
st.caption(t("funnel.rules_of_thumb"))
