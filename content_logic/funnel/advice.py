"""What each bottleneck usually means in content terms, and what to change in the next video or brief.

The texts live in the catalogs (``funnel.meaning.*``, ``funnel.fix.*``, ``funnel.brief.*``); this
module says which keys belong to which verdict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from content_logic.funnel.models import STAGES, Stage


class Advice(BaseModel):
    """String keys: what a verdict usually means in content terms, fixes for the next video, brief lines."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    meaning: str
    fixes: tuple[str, ...]
    brief: tuple[str, ...]


def _advice(name: str, fixes: int = 3, brief: int = 2) -> Advice:
    return Advice(
        meaning=f"funnel.meaning.{name}",
        fixes=tuple(f"funnel.fix.{name}_{i}" for i in range(1, fixes + 1)),
        brief=tuple(f"funnel.brief.{name}_{i}" for i in range(1, brief + 1)),
    )


ADVICE: Mapping[Stage | Literal["healthy"], Advice] = {
    **{stage: _advice(stage) for stage in STAGES},
    "healthy": _advice("healthy"),
}
"""attention: no hook; retention: a hook with no reason to stay; interest: a story without the
product's selling point; conversion: a selling point without trust or an offer; value: the wrong
audience for the product (or a small basket); healthy: brief other creators from it."""
