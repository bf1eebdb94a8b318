"""Specs of steps 1-3: the customer's strategy, the fit with ours, the new business and the value proposition."""

from skam_core.domain.enums import Force, OpportunityType, Trend, ValueStatus
from skam_core.domain.specs.base import Field

SPECS = {
    "capabilities": (
        Field("id", "text", required=True),
        Field("name", "text", required=True, max_len=200),
        Field("description", "text"),
        Field("kind", "choice", choices=("capability", "priority"), default="capability"),
        Field("strength", "int", min=1, max=5),
        Field("is_project_capability", "bool", default=False),
        Field("sort_order", "int", default=0),
    ),
    "delivery_capacity": (
        Field("quarter", "text", required=True, max_len=7, pattern=r"\d{4}-Q[1-4]", example="2026-Q3"),
        Field("person_days", "float", required=True, min=0),
        Field("note", "text"),
    ),
    "competitive_forces": (
        Field("customer_id", "text", required=True),
        Field("force", "choice", required=True, choices=tuple(Force)),
        Field("score", "int", required=True, min=1, max=5),
        Field("evidence", "text"),
    ),
    "customer_markets": (
        Field("id", "text", required=True),
        Field("customer_id", "text", required=True),
        Field("name", "text", required=True, max_len=300),
        Field("demand", "text"),
        Field("trend", "choice", choices=tuple(Trend)),
        Field("share_pct", "float", min=0, max=100),
    ),
    "strategy_components": (
        Field("id", "text", required=True),
        Field("customer_id", "text", required=True),
        Field("component", "text", required=True, max_len=300),
        Field("description", "text"),
        Field("exclusive", "bool", default=False),
    ),
    "strategic_priorities": (
        Field("id", "text", required=True),
        Field("customer_id", "text", required=True),
        Field("priority", "text", required=True, max_len=300),
        Field("weight", "float", required=True, min=0.000001, max=100),
        Field("sort_order", "int", default=0),
    ),
    "fit_scores": (
        Field("customer_id", "text", required=True),
        Field("priority_id", "text", required=True),
        Field("capability_id", "text", required=True),
        Field("score", "int", required=True, min=0, max=3),
        Field("note", "text"),
    ),
    "opportunities": (
        Field("id", "text", required=True),
        Field("customer_id", "text", required=True),
        Field("title", "text", required=True, max_len=300),
        Field("type", "choice", required=True, choices=tuple(OpportunityType)),
        Field("description", "text"),
        Field("customer_value_eur", "float", min=0),
        Field("our_revenue_eur", "float", min=0),
        Field("our_margin_pct", "float", min=-100, max=100),
        Field("effort_person_days", "float", min=0),
        Field("effort_cost_eur", "float", min=0),
        Field("start_month", "month"),
        Field("duration_months", "int", min=1, max=120),
        Field("capability_id", "text"),
        Field("copy_risk", "int", min=1, max=5),
        Field("copy_risk_reason", "text"),
        Field("external_id", "text", max_len=200),
    ),
    "value_items": (
        Field("id", "text", required=True),
        Field("customer_id", "text", required=True),
        Field("opportunity_id", "text"),
        Field("title", "text", required=True, max_len=300),
        Field("customer_benefit_eur", "float", min=0),
        Field("status", "choice", required=True, choices=tuple(ValueStatus)),
        Field("sequence_no", "int", min=1, max=999),
        Field("note", "text"),
    ),
}
