"""Team gap finder: does anyone on the team own content, and what is missing?"""

import streamlit as st

from content_logic.problems import InputError
from content_logic.team import TeamInputs, assess, room_summary
from ui import team_assumptions, team_inputs, team_state, team_view
from ui.exercise import prefilled_file
from ui.i18n import t
from ui.share import calculator_sharing, restore_saved_inputs
from ui.shell import require_app_shell

require_app_shell()

restore_saved_inputs("team", team_state.restore_inputs)
team_state.init()
if (exercise_file := prefilled_file("team")) is not None:  # a lesson exercise's link (issue 14)
    team_state.import_file(*exercise_file)
team_state.read_again_if_mapped()  # a title mapped since the last run
st.title(t("team.title"))
top = st.container()
inputs_column, results_column = st.columns([5, 6], gap="large")
with inputs_column:
    st.markdown(t("team.intro"))
    team_view.lesson_links()
    team_inputs.preset_picker()
    st.header(t("team.roster_header"))
    team_inputs.roster_editor()
    team_inputs.roster_files()
    team_inputs.title_mapping()
    st.header(t("team.questions_header"))
    team_inputs.questions()
    policy, reference = team_assumptions.assumptions()

inputs = TeamInputs(
    rows=team_state.current_rows(), answers=team_state.current_answers(), policy=policy, reference=reference
)
with results_column:
    st.header(t("team.results_header"))
    try:
        result = assess(inputs)
    except InputError as error:
        team_view.problems(error.problems)
    else:
        team_view.results(result, top)
        calculator_sharing(
            "team", lambda: room_summary(result).model_dump(mode="json"), team_state.save_inputs
        )
