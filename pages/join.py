"""Join a workshop: the room's code and a nickname, then the open poll, your link and what you shared."""

import streamlit as st

from content_logic.workshop import WorkshopError
from content_logic.workshop.join_url import CODE_PARAM
from ui import attendee, join_view
from ui.i18n import t
from ui.shell import require_app_shell
from ui.workshop_state import error_text, store

require_app_shell()

st.title(t("room.join.title"))
problem = st.session_state.pop(attendee.RESTORE_ERROR_KEY, None)  # a personal link that didn't work
if problem:
    st.error(problem, icon=":material/link_off:")

details = attendee.info()
wanted_code = st.query_params.get(CODE_PARAM)
if details is None or (wanted_code and not join_view.same_workshop(wanted_code)):
    join_view.join_form()  # a QR of another workshop: joining it leaves the one before on this phone
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
