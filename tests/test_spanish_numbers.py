"""Every number a calculator page shows in Spanish uses the Spanish convention (issue 10): ``1.234,5``
and ``42 %``, never ``1,234.5`` or ``42%``, because every page formats through one formatter."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from tests.test_calculator_contract import ENGLISH_NUMBER, GLUED_PERCENT
from ui.routes import CALCULATOR_ROUTES

TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error")
"""Elements whose text a page writes; metrics are read apart (value and delta)."""


def _texts(at: AppTest) -> list[str]:
    texts = [str(element.value) for kind in TEXT_ELEMENTS for element in getattr(at, kind)]
    for metric in at.metric:
        texts += [str(metric.value), str(metric.proto.delta)]
    return texts


@pytest.mark.parametrize("route", CALCULATOR_ROUTES.values(), ids=list(CALCULATOR_ROUTES))
def test_a_spanish_calculator_page_writes_numbers_the_spanish_way(
    app: Callable[..., AppTest], route: object
) -> None:
    at = app(lang="es", page=route.file)  # type: ignore[attr-defined]
    assert not at.exception
    texts = _texts(at)
    assert texts
    english = [match for text in texts for match in ENGLISH_NUMBER.findall(text)]
    glued = [text[max(0, m.start() - 20) : m.end()] for text in texts for m in GLUED_PERCENT.finditer(text)]
    assert (english, glued) == ([], [])
