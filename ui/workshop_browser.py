"""The browser side of workshop mode: cookies written by a tiny inline script, read back through
``st.context.cookies``, the presenter's keyboard/clicker keys and their clock.

Why cookies for who you are: Streamlit 1.67 can *read* the cookies a browser sends when a page
opens (``st.context.cookies``) but has no way to *set* one from the server. A two-line script
(``st.html(..., unsafe_allow_javascript=True)``, run in the page itself, loading nothing) writes
it. A cookie then follows the person into every page, reload and new tab of the app, where a
``?me=`` query parameter would be lost on the next menu click or new tab, and would leak identity
into any URL copied, bookmarked or shown on a projector. The personal ``?me=`` link stays for
another device or another day.
"""

from __future__ import annotations

import hashlib
import json
import time

import streamlit as st

from ui.i18n import t

COOKIE_MAX_AGE_SECONDS = 30 * 24 * 3600
"""Cookies outlive a multi-day course; the instructor session inside has its own, shorter expiry."""

KEY_HANDLER_SCRIPT = """
<script>
(() => {
  if (window.__companionSlideKeys) return;
  window.__companionSlideKeys = true;
  const forward = new Set(["ArrowRight", "PageDown", " ", "Spacebar"]);
  const back = new Set(["ArrowLeft", "PageUp"]);
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const key = forward.has(event.key) ? "next" : back.has(event.key) ? "previous" : null;
    if (key === null) return;
    const button = document.querySelector(`.st-key-presenter_${key} button`);
    if (!button) return;
    event.preventDefault();
    if (!button.disabled) button.click();
  });
})();
</script>
"""
"""Clicker keys (→ Space PageDown forward, ← PageUp back) press the presenter's own next/previous
buttons; installed once per browser tab, ignored while typing in a field, no-op on other pages."""


def read_cookie(name: str) -> str | None:
    """The value of a cookie the browser sent when this session connected, if any."""
    try:
        value = st.context.cookies.to_dict().get(name)
    except Exception:  # no browser behind this run (tests, agent API): no cookies
        return None
    return value if isinstance(value, str) and value else None


def _cookie_script(name: str, value: str, max_age: int) -> str:
    # json.dumps makes each value a safe JS string literal; the values are our own tokens anyway.
    return (
        "<script>(() => {"
        f"const secure = location.protocol === 'https:' ? '; Secure' : '';"
        f"document.cookie = {json.dumps(name)} + '=' + encodeURIComponent({json.dumps(value)})"
        f" + '; Path=/; Max-Age={max_age}; SameSite=Lax' + secure;"
        "})();</script>"
    )


def write_cookie(name: str, value: str | None, *, written_key: str) -> None:
    """Set (or, with ``None``, delete) a cookie in this browser, once per value per session.

    ``written_key`` is a session-state key remembering what was written, so the script is sent
    only when the value changes; it runs when the browser draws it.
    """
    wanted = value or ""
    if st.session_state.get(written_key) == wanted:
        return
    st.session_state[written_key] = wanted
    max_age = COOKIE_MAX_AGE_SECONDS if value else 0
    # A new key per value: the browser runs an st.html script when the element first mounts, not
    # when an element in the same place changes its body.
    version = hashlib.sha256(wanted.encode()).hexdigest()[:12]
    with st.container(key=f"cookie_{written_key}_{version}", height=1, border=False):
        st.html(_cookie_script(name, wanted, max_age), unsafe_allow_javascript=True)


def slide_keys() -> None:
    """Let keyboard and presentation-clicker keys change slides on this page."""
    with st.container(key="presenter_keys", height=1, border=False):
        st.html(KEY_HANDLER_SCRIPT, unsafe_allow_javascript=True)


STARTED_KEY = "presenter_started"
"""Session state: Unix time the presenter's timer started."""

TIMER_SCRIPT = """
<div id="presenter-timer" style="font-size:2rem;font-weight:700;font-variant-numeric:tabular-nums">0:00</div>
<script>
(() => {{
  const started = {started} * 1000;
  const box = document.getElementById("presenter-timer");
  const draw = () => {{
    const seconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
    const minutes = Math.floor(seconds / 60);
    box.textContent = minutes + ":" + String(seconds % 60).padStart(2, "0");
  }};
  draw();
  clearInterval(window.__companionTimer);
  window.__companionTimer = setInterval(draw, 1000);
}})();
</script>
"""
"""The elapsed-time clock ticks in the browser: a server-side clock would rerun the page every second."""


def timer() -> None:
    """Time since the presenter started (or restarted) the clock, with a restart button."""
    started = st.session_state.setdefault(STARTED_KEY, int(time.time()))
    clock, restart = st.columns([2, 1], vertical_alignment="center")
    with clock:
        st.html(TIMER_SCRIPT.format(started=json.dumps(int(started))), unsafe_allow_javascript=True)
    restart.button(
        t("room.presenter.restart_timer"),
        key="presenter_timer_restart",
        on_click=lambda: st.session_state.update({STARTED_KEY: int(time.time())}),
        icon=":material/restart_alt:",
        type="tertiary",
    )
