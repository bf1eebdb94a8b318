"""The registry of versioned tables: each table's entity key and payload columns, and which column names the
account (for permission checks). SQL identifiers are taken from here only, never from input."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class VersionedTable:
    name: str
    key: tuple[str, ...]  # columns that identify the entity across its versions
    columns: tuple[str, ...]  # payload columns (without key and version columns)
    account_column: str | None = "customer_id"  # which column names the account, for permission checks

    @property
    def all_columns(self) -> tuple[str, ...]:
        return self.key + tuple(c for c in self.columns if c not in self.key)


def _t(name: str, key: Sequence[str], columns: Sequence[str], account_column: str | None = "customer_id"):
    return VersionedTable(name, tuple(key), tuple(columns), account_column)


TABLES: dict[str, VersionedTable] = {
    t.name: t
    for t in [
        _t("users", ["user_id"], ["display_name", "role"], None),
        _t(
            "customers",
            ["customer_id"],
            ["name", "industry", "region", "country", "segment", "skam_stage", "skam_start", "account_manager"],
        ),
        _t(
            "capabilities",
            ["id"],
            ["name", "description", "kind", "strength", "is_project_capability", "sort_order"],
            None,
        ),
        _t("delivery_capacity", ["quarter"], ["person_days", "note"], None),
        _t("competitive_forces", ["customer_id", "force"], ["score", "evidence"]),
        _t("customer_markets", ["id"], ["customer_id", "name", "demand", "trend", "share_pct"]),
        _t("strategy_components", ["id"], ["customer_id", "component", "description", "exclusive"]),
        _t("strategic_priorities", ["id"], ["customer_id", "priority", "weight", "sort_order"]),
        _t("fit_scores", ["customer_id", "priority_id", "capability_id"], ["score", "note"]),
        _t(
            "opportunities",
            ["id"],
            [
                "customer_id",
                "title",
                "type",
                "description",
                "customer_value_eur",
                "our_revenue_eur",
                "our_margin_pct",
                "effort_person_days",
                "effort_cost_eur",
                "start_month",
                "duration_months",
                "capability_id",
                "copy_risk",
                "copy_risk_reason",
                "external_id",
            ],
        ),
        _t(
            "value_items",
            ["id"],
            ["customer_id", "opportunity_id", "title", "customer_benefit_eur", "status", "sequence_no", "note"],
        ),
        _t(
            "stakeholders",
            ["id"],
            [
                "customer_id",
                "name",
                "job_title",
                "function",
                "influence",
                "attitude",
                "long_term_responsibility",
                "last_contact",
                "our_contact",
                "external_id",
            ],
        ),
        _t(
            "customer_feedback",
            ["id"],
            ["customer_id", "received_on", "stakeholder_id", "from_name", "text", "sentiment", "value_item_id"],
        ),
        _t(
            "plan_versions",
            ["id"],
            ["customer_id", "version_no", "title", "status", "agreed_on", "customer_sees", "summary"],
        ),
        _t(
            "plan_objectives",
            ["id"],
            ["customer_id", "objective", "measure", "due", "visible_to_customer", "sort_order"],
        ),
        _t(
            "team_members",
            ["id"],
            ["customer_id", "name", "side", "role", "email", "on_steering_committee"],
        ),
        _t("raci", ["customer_id", "member_id", "item_kind", "item_id"], ["letter"]),
        _t(
            "milestones",
            ["id"],
            [
                "customer_id",
                "title",
                "owner",
                "start_date",
                "due",
                "status",
                "completed_on",
                "opportunity_id",
                "objective_id",
                "comment",
                "external_id",
            ],
        ),
        _t(
            "kpi_definitions",
            ["id"],
            [
                "customer_id",
                "name",
                "unit",
                "direction",
                "min_value",
                "max_value",
                "source",
                "description",
                "sort_order",
            ],
        ),
        # kpi_targets carries no customer_id: its account is that of the KPI (checked by the service layer).
        _t("kpi_targets", ["kpi_id", "period"], ["target"], None),
        _t(
            "steering_meetings",
            ["id"],
            [
                "customer_id",
                "held_on",
                "pinned_as_of",
                "attendees_ours",
                "attendees_customer",
                "summary",
                "next_meeting_on",
            ],
        ),
        _t("decisions", ["id"], ["customer_id", "meeting_id", "escalation_id", "decided_on", "text", "owner"]),
        _t("action_items", ["id"], ["customer_id", "decision_id", "milestone_id"]),
        _t(
            "escalations",
            ["id"],
            [
                "customer_id",
                "raised_on",
                "raised_by",
                "problem",
                "owner",
                "decision_needed",
                "due",
                "status",
                "decision",
                "decided_on",
                "decided_by",
            ],
        ),
    ]
}


def table(name: str) -> VersionedTable:
    try:
        return TABLES[name]
    except KeyError:
        raise ValueError(f"unknown versioned table {name!r}") from None
