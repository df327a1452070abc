"""Join codes and cleaned nicknames: the properties the issue names, checked over generated input."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content_logic.workshop import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    NICKNAME_MAX_CHARS,
    WorkshopError,
    clean_nickname,
    format_join_code,
    normalize_join_code,
)
from content_logic.workshop.codes import new_join_code, new_resume_token, token_digest

codes = st.text(alphabet=JOIN_CODE_ALPHABET, min_size=JOIN_CODE_LENGTH, max_size=JOIN_CODE_LENGTH)
separators = st.sampled_from(["", " ", "-", "  ", " - ", "\t", "–", "."])


def test_generated_codes_use_only_the_unambiguous_alphabet() -> None:
    generated = {new_join_code() for _ in range(2000)}
    assert all(len(code) == JOIN_CODE_LENGTH for code in generated)
    assert set("".join(generated)) == set(JOIN_CODE_ALPHABET), "every allowed character turns up"
    assert not set("".join(generated)) & set("01OIL")


@given(codes)
def test_a_code_as_shown_normalises_back_to_itself(code: str) -> None:
    assert normalize_join_code(format_join_code(code)) == code


@given(codes, st.lists(separators, min_size=JOIN_CODE_LENGTH + 1, max_size=JOIN_CODE_LENGTH + 1), st.data())
def test_a_code_typed_any_way_normalises_to_itself(code: str, gaps: list[str], data: st.DataObject) -> None:
    lowered = "".join(data.draw(st.sampled_from([c, c.lower()])) for c in code)
    typed = gaps[0] + "".join(char + gap for char, gap in zip(lowered, gaps[1:], strict=True))
    assert normalize_join_code(typed) == code


@given(st.text(max_size=12))
def test_anything_else_is_malformed_or_a_code(typed: str) -> None:
    try:
        code = normalize_join_code(typed)
    except WorkshopError as error:
        assert error.code == "malformed_code"
    else:
        assert len(code) == JOIN_CODE_LENGTH and set(code) <= set(JOIN_CODE_ALPHABET)


@given(st.text(max_size=600))
def test_a_cleaned_nickname_is_one_short_visible_line_and_stays_clean(typed: str) -> None:
    cleaned = clean_nickname(typed)
    if cleaned.value is None:
        return
    value = cleaned.value
    assert 0 < len(value) <= NICKNAME_MAX_CHARS
    assert value == value.strip() and "  " not in value
    assert not any(unicodedata.category(char) in {"Cc", "Cs"} for char in value)
    again = clean_nickname(value)
    assert again.value == value and again.changes == ()


@pytest.mark.parametrize("length", [41, 1999, 2000, 2001, 10_000])
def test_one_length_rule_any_nickname_past_the_limit_is_shortened_and_said(length: int) -> None:
    cleaned = clean_nickname("x" * length)
    assert cleaned.value == "x" * NICKNAME_MAX_CHARS and cleaned.changes == ("shortened",)


def test_resume_tokens_are_random_and_stored_only_as_a_digest() -> None:
    tokens = {new_resume_token() for _ in range(100)}
    assert len(tokens) == 100 and all(len(t) >= 32 for t in tokens)
    token = tokens.pop()
    assert token_digest(token) == token_digest(token) != token and len(token_digest(token)) == 64
