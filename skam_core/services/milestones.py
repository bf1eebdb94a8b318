"""Milestone status updates (step 5): an account manager sets the status with a comment; every update is a new
version (who, when), so the status log of a milestone is its version history."""

from __future__ import annotations

from datetime import date, datetime

from skam_core.domain import clock
from skam_core.domain.enums import MilestoneStatus
from skam_core.domain.specs import FieldError
from skam_core.domain.users import User
from skam_core.services.items import ValidationFailed, save_item
from skam_core.storage.db import Store

# A status that reports a problem must say what the problem is.
COMMENT_REQUIRED = frozenset({MilestoneStatus.AT_RISK.value, MilestoneStatus.DELAYED.value})


def status_update_problems(
    status: str, comment: str | None, completed_on: date | None, today: date
) -> list[FieldError]:
    """The rules of a status update, as field errors (the page shows them translated by field and rule)."""
    errors: list[FieldError] = []
    if status not in {s.value for s in MilestoneStatus}:
        errors.append(FieldError("status", f"'{status}' is not one of {', '.join(s.value for s in MilestoneStatus)}"))
    if status in COMMENT_REQUIRED and not (comment or "").strip():
        errors.append(FieldError("comment", "is required when a milestone is at risk or delayed"))
    if status == MilestoneStatus.DONE.value and completed_on is not None and completed_on > today:
        errors.append(FieldError("completed_on", f"{completed_on:%Y-%m-%d} lies in the future"))
    if comment is not None and len(comment) > 2000:
        errors.append(FieldError("comment", "is longer than 2000 characters"))
    return errors


def update_milestone_status(
    store: Store,
    user: User,
    milestone_id: str,
    status: str,
    comment: str | None = None,
    *,
    completed_on: date | None = None,
    expected_valid_from: datetime | None = None,
    today: date | None = None,
) -> datetime:
    """Set a milestone's status with a comment, as a new version. ``done`` records the completion date (default
    today); any other status clears it (the milestone is open again). The comment replaces the previous one, so
    each version says why it got its status. Raises ValidationFailed, PermissionDenied, NotFoundError,
    StaleEditError (someone else updated it since ``expected_valid_from``) or WriteConflictError."""
    today = today or clock.today()
    comment = (comment or "").strip() or None
    if status == MilestoneStatus.DONE.value:
        completed_on = completed_on or today
    else:
        completed_on = None
    errors = status_update_problems(status, comment, completed_on, today)
    if errors:
        raise ValidationFailed(errors)
    return save_item(
        store,
        user,
        "milestones",
        {"id": milestone_id, "status": status, "completed_on": completed_on, "comment": comment},
        expected_valid_from=expected_valid_from,
        missing="The milestone does not exist any more.",
    )
