"""Scoring and status rules of the method, as pure functions with hand-checkable answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from skam_core.domain.enums import MilestoneStatus

FIT_CELL_MAX = 3  # fit-matrix cells are scored 0 (no match) .. 3 (strong match)


def effective_milestone_status(status: str, due: date | None, today: date) -> MilestoneStatus:
    """A milestone past its due date and not done counts as delayed, whatever status someone last set."""
    s = MilestoneStatus(status)
    if s is not MilestoneStatus.DONE and due is not None and due < today:
        return MilestoneStatus.DELAYED
    return s


def fit_score(priority_weights: Mapping[str, float], cells: Iterable[tuple[str, str, int]]) -> float | None:
    """Overall strategic fit 0..100.

    For each of the customer's strategic priorities take the best match any of our capabilities offers
    (a priority is served if one capability serves it well), weight it with the priority's weight, and
    scale so that every priority strongly matched (3) gives 100:

        fit = 100 * sum_p w_p * max_c score(p, c) / (3 * sum_p w_p)

    Priorities without any scored cell count as 0 (not understood is not a fit). Returns None when there
    are no weighted priorities, i.e. the fit cannot be judged yet.
    """
    total_weight = sum(w for w in priority_weights.values() if w > 0)
    if total_weight <= 0:
        return None
    best: dict[str, int] = {}
    for priority_id, _capability_id, score in cells:
        if priority_id in priority_weights:
            best[priority_id] = max(best.get(priority_id, 0), int(score))
    achieved = sum(w * best.get(p, 0) for p, w in priority_weights.items() if w > 0)
    return 100.0 * achieved / (FIT_CELL_MAX * total_weight)
