"""Channel stability checker: is a short-video channel stable enough to stock up, and how much stock?"""

import streamlit as st

from content_logic.channels import assess_channels, room_summary
from content_logic.channels.inputs import inputs_from_json, inputs_to_json
from ui import channels_inputs, channels_state, channels_view
from ui.exercise import prefilled_file
from ui.i18n import current_language, t
from ui.share import calculator_sharing, restore_saved_inputs
from ui.shell import require_app_shell

require_app_shell()

lang = current_language()
restore_saved_inputs("channels", lambda saved: channels_state.restore_inputs(inputs_from_json(saved)))
channels_state.init_state()
# A lesson exercise's link (issue 14, course-code): its file is read as if uploaded, once.
if (exercise_file := prefilled_file("channels")) is not None:
    channels_state.read_file(*exercise_file)

st.title(t("channels.title"))
st.caption(t("channels.intro"))
channels_view.lesson_links()
verdict_slot = st.container(key="channels_verdict")
sales = channels_inputs.data_section(lang)

report = assess_channels(sales, policy=channels_inputs.policy(), plan=channels_state.plan_from_state())

channels_view.verdict(verdict_slot, report, lang)
channels_view.cards(report, lang)
channels_view.chart(report, sales, lang)
channels_view.stock_panel(report, lang)
calculator_sharing(
    "channels",
    lambda: room_summary(report),
    lambda: inputs_to_json(channels_state.current_inputs(sales)),
)
channels_inputs.rules_editor(lang)
channels_view.downloads(report, lang)
