"""Ranked proposals for a request: makers and courses, each with the reasons it was proposed.

The makers app owns the directory and its ranking (makers.selectors); this module adapts a
culture request to it, and stays empty while the makers app has no models yet.
"""

from dataclasses import dataclass, field


@dataclass
class Proposal:
    kind: str  # "maker" or "course"
    target: object
    score: int
    reasons: list[str] = field(default_factory=list)


def proposals_for(culture_request, limit: int = 10) -> list[Proposal]:
    return []
