"""Specs of the steering committee: meetings, decisions, their action items and escalations."""

from skam_core.domain.enums import EscalationStatus
from skam_core.domain.specs.base import Field

SPECS = {
    "steering_meetings": (
        Field("id", "text", required=True),
        Field("customer_id", "text", required=True),
        Field("held_on", "date", required=True),
        Field("pinned_as_of", "date", required=True),
        Field("attendees_ours", "text"),
        Field("attendees_customer", "text"),
        Field("summary", "text"),
        Field("next_meeting_on", "date"),
    ),
    "decisions": (
        Field("id", "text", required=True),
        Field("customer_id", "text", required=True),
        Field("meeting_id", "text"),
        Field("escalation_id", "text"),
        Field("decided_on", "date", required=True),
        Field("text", "text", required=True),
        Field("owner", "text", max_len=200),
    ),
    "action_items": (
        Field("id", "text", required=True),
        Field("customer_id", "text", required=True),
        Field("decision_id", "text", required=True),
        Field("milestone_id", "text", required=True),
    ),
    "escalations": (
        Field("id", "text", required=True),
        Field("customer_id", "text", required=True),
        Field("raised_on", "date", required=True),
        Field("raised_by", "text", required=True, max_len=200),
        Field("problem", "text", required=True),
        Field("owner", "text", max_len=200),
        Field("decision_needed", "text"),
        Field("due", "date"),
        Field("status", "choice", required=True, choices=tuple(EscalationStatus)),
        Field("decision", "text"),
        Field("decided_on", "date"),
        Field("decided_by", "text", max_len=200),
    ),
}
