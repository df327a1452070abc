"""My plan: what this session did, turned into the three next steps, and a PDF to take home."""

import streamlit as st

from content_logic.plan import PlanInputs, action_plan
from ui import plan_view
from ui.i18n import current_language, t
from ui.plan_results import latest_results
from ui.shell import require_app_shell

require_app_shell()

lang = current_language()
st.title(t("plan.title"))
st.caption(t("plan.intro"))
name = plan_view.name_input()

records = plan_view.lesson_records(lang)
assessed, failed = latest_results(lang)
summaries = {a.calculator: a.summary for a in assessed}
plan = action_plan(PlanInputs(lessons=records, **summaries))

plan_view.steps(plan, lang)
plan_view.download(plan_view.document(plan, records, assessed, lang, name))
plan_view.results(assessed, failed, lang)
plan_view.lessons(records, lang)
