"""The one list of axe-core findings that are Streamlit's, not ours, each with why.

An entry forgives one rule only on elements inside one piece of Streamlit's own frontend (found by
its ``data-testid``), never a rule everywhere: the same rule on markup we emit still fails the test.
Streamlit 1.67 draws these from its React components whatever a page passes in, so no page of ours
can fix them; re-check each entry when Streamlit is upgraded.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page


@dataclass(frozen=True)
class StreamlitFinding:
    """An axe rule forgiven on elements inside (or being) ``within``, with the reason."""

    rule: str
    within: str
    """CSS selector of the Streamlit component the offending element belongs to."""
    why: str


ALLOWED: tuple[StreamlitFinding, ...] = (
    StreamlitFinding(
        "list",
        '[data-testid="stSidebarNavItems"]',
        "st.navigation with sections renders the menu as one <ul> whose children are a <div> per "
        "section (its heading and its <li> items); the menu's markup is Streamlit's SidebarNav.",
    ),
    StreamlitFinding(
        "listitem",
        '[data-testid="stSidebarNavItems"]',
        "The same menu: each page's <li> sits in a section <div>, not directly in the <ul>.",
    ),
    StreamlitFinding(
        "presentation-role-conflict",
        '[data-testid="stFileUploaderDropzone"]',
        "(minor) st.file_uploader's drop zone is a <section role=presentation> with an aria-label; "
        "the focusable control is its own 'Browse files' button, which has our label.",
    ),
)
"""Streamlit's own findings, by rule and component."""

_INSIDE = """([selector, within]) => {
    const element = document.querySelector(selector);
    return element !== null && element.closest(within) !== null;
}"""


def is_streamlits(page: Page, rule: str, target: list[str]) -> bool:
    """Whether axe's finding ``rule`` on the node at ``target`` is one of Streamlit's listed above."""
    if len(target) != 1:  # inside an iframe or shadow root: none of ours are, none are forgiven
        return False
    return any(
        entry.rule == rule and bool(page.evaluate(_INSIDE, [target[0], entry.within])) for entry in ALLOWED
    )
