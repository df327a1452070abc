"""Shared helpers of the channel checker's tests: a file read straight to weekly sales, or its problems."""

from __future__ import annotations

from content_logic.channels import WeeklySales, read_file
from content_logic.problems import InputError


def parse_sales(data: bytes, filename: str) -> WeeklySales:
    """The weekly sales ``read_file`` found; raises ``InputError`` with its problems when there are none."""
    reading = read_file(data, filename)
    if reading.inputs is None:
        raise InputError(list(reading.problems))
    return reading.inputs.sales
