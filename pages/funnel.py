"""Funnel diagnoser: every stage of a video judged by its own definition (one video or many), the
bottleneck first, and what to change."""

import streamlit as st

from content_logic.funnel import inputs_to_json, room_summary
from content_logic.problems import InputError
from ui import funnel_state as state
from ui.exercise import prefilled_file
from ui.funnel_inputs import (
    batch_source,
    benchmark_editor,
    columns_editor,
    lesson_links,
    mode_picker,
    single_form,
)
from ui.funnel_replicate import batch_options
from ui.funnel_view import show_batch, show_details, show_problems, show_verdict
from ui.i18n import current_language, t
from ui.share import calculator_sharing, restore_saved_inputs
from ui.shell import require_app_shell
from ui.widgets import problem_list

require_app_shell()

lang = current_language()
restore_saved_inputs("funnel", state.restore)
state.init_state()
# A lesson exercise's link (issue 14, course-code): its file is read as if uploaded, once.
if (exercise_file := prefilled_file("funnel")) is not None:
    state.use_file(*exercise_file)

st.title(t("funnel.title"))
st.markdown(t("funnel.intro"))
lesson_links()
mode = mode_picker(lang)
result = None
shared = None
if mode == "single":
    try:
        inputs = state.page_inputs()
        result, single = state.single_run(state.single_key(inputs))
        show_verdict(single, lang, key="funnel_single")
    except InputError as error:
        problem_list(t("funnel.fix_these"), [p.describe(lang) for p in error.problems])
benchmark_editor(lang)

if mode == "single":
    form, details = st.columns([2, 3], gap="large")
    with form, st.container(border=True, key="funnel_form"):
        single_form()
    if result is not None:
        with details:
            show_details(single, lang, key="funnel_single", downloads=result)
        shared = (result, inputs)
else:
    batch_source(lang)
    options = st.container()
    try:
        run = state.batch_run(state.page_inputs(), lang)
    except InputError as error:
        run = None
        problem_list(t("funnel.fix_these"), [p.describe(lang) for p in error.problems])
    if run is not None:
        columns_editor(run, lang)
        show_problems(run, lang)
        if run.result is not None and run.inputs is not None:
            batch_options(options, run.result, lang)
            show_batch(run, lang)
            shared = (run.result, run.inputs)

if shared is not None:
    result, inputs = shared
    calculator_sharing("funnel", lambda: room_summary(result).model_dump(), lambda: inputs_to_json(inputs))
st.caption(t("funnel.rules_of_thumb"))
