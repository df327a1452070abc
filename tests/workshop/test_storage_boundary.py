"""content_logic stays pure: no SQL and no environment lookups; those live in ``storage``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CONTENT_LOGIC = Path(__file__).resolve().parents[2] / "content_logic"
FORBIDDEN_MODULES = ("sqlalchemy", "psycopg", "storage", "streamlit")
FORBIDDEN_CALLS = ("environ", "getenv")


def _python_files() -> list[Path]:
    return sorted(CONTENT_LOGIC.rglob("*.py"))


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(CONTENT_LOGIC)))
def test_content_logic_module_imports_no_storage_and_reads_no_environment(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in imported if name.split(".")[0] in FORBIDDEN_MODULES]
    attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert not (attributes | names) & set(FORBIDDEN_CALLS)
