"""Funnel diagnoser: the first stage where a video loses its buyers (one video or many) and what to change."""

import streamlit as st

from content_logic.funnel import diagnose_video, dump_inputs, room_summary
from content_logic.funnel import load_inputs as inputs_from_saved
from content_logic.funnel.inputs import LESSON_EXAMPLE
from content_logic.problems import InputError
from ui import funnel_state as state
from ui.exercise import prefilled_file
from ui.funnel_inputs import (
    batch_options,
    batch_source,
    benchmark_editor,
    lesson_links,
    mode_picker,
    single_form,
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
# A lesson exercise's link (issue 14, course-code): its file is read as if uploaded, once.
if (exercise_file := prefilled_file("funnel")) is not None:
    state.use_file(*exercise_file)

st.title(t("funnel.title"))
st.markdown(t("funnel.intro"))
lesson_links()
mode = mode_picker(lang)
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
    batch_source(lang)
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
    result, inputs = shared
    calculator_sharing("funnel", lambda: room_summary(result), lambda: dump_inputs(inputs))
st.caption(t("funnel.rules_of_thumb"))
