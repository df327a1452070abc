"""Join a workshop: the room's code and a nickname, then the open poll, your link and what you shared."""

import streamlit as st

from content_logic.workshop import WorkshopError
from ui import attendee, join_view
from ui.i18n import t
from ui.shell import require_app_shell
from ui.workshop_state import error_text, store

require_app_shell()

st.title(t("room.join.title"))
problem = attendee.resume_from_url()
if problem is not None:
    st.error(error_text(problem), icon=":material/link_off:")

details = attendee.info()
if details is None:
    join_view.join_form()
    st.stop()
try:
    view = store().resume(attendee.token() or "")
except WorkshopError as error:
    st.error(error_text(error), icon=":material/error:")
    if error.code == "invalid_token":  # the workshop was deleted: start over
        attendee.leave()
        join_view.join_form()
    st.stop()
join_view.joined(details, view)
