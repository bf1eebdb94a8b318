"""The closed vocabularies of the method. Values are stored in the database and appear in files and URLs,
so they are English snake_case and never change; labels come from the i18n catalogs."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where an account stands in the five-step SKAM process (``none``: not a key account)."""

    NONE = "none"
    CANDIDATE = "candidate"
    STRATEGY = "strategy"
    FIT = "fit"
    VALUE = "value"
    PLAN = "plan"
    IMPLEMENTATION = "implementation"


# Stages that make a customer a key account in the programme (candidates included: they are being evaluated).
KEY_ACCOUNT_STAGES = tuple(s for s in Stage if s is not Stage.NONE)


class Role(StrEnum):
    """viewer: reads everything, writes nothing. account_manager: maintains the accounts they manage.
    executive: top management on the steering committees — reads everything, records meetings and decides
    escalations on every account, edits no account content. admin: everything, including imports and users."""

    VIEWER = "viewer"
    ACCOUNT_MANAGER = "account_manager"
    EXECUTIVE = "executive"
    ADMIN = "admin"


class Force(StrEnum):
    """Porter's five competitive forces, analysed from the customer's point of view."""

    RIVALRY = "rivalry"
    NEW_ENTRANTS = "new_entrants"
    SUBSTITUTES = "substitutes"
    BUYER_POWER = "buyer_power"
    SUPPLIER_POWER = "supplier_power"


class Trend(StrEnum):
    GROWING = "growing"
    STABLE = "stable"
    DECLINING = "declining"


class OpportunityType(StrEnum):
    PRODUCT = "product"
    JOINT_PROJECT = "joint_project"
    SERVICE = "service"
    NEW_MARKET = "new_market"
    NEW_REGION = "new_region"


class ValueStatus(StrEnum):
    """Status of a value-proposition component after customer feedback."""

    DRAFT = "draft"
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    DECLINED = "declined"


class StakeholderFunction(StrEnum):
    MANAGEMENT = "management"
    FINANCE = "finance"
    RND = "rnd"
    PRODUCTION = "production"
    PURCHASING = "purchasing"
    QUALITY = "quality"
    LOGISTICS = "logistics"
    SALES = "sales"
    IT = "it"


class Side(StrEnum):
    OURS = "ours"
    CUSTOMER = "customer"


class Raci(StrEnum):
    RESPONSIBLE = "R"
    ACCOUNTABLE = "A"
    CONSULTED = "C"
    INFORMED = "I"


class MilestoneStatus(StrEnum):
    OPEN = "open"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    DELAYED = "delayed"
    DONE = "done"


class Direction(StrEnum):
    """Whether a KPI is better when higher or when lower."""

    HIGHER = "higher"
    LOWER = "lower"


class PlanStatus(StrEnum):
    DRAFT = "draft"
    AGREED = "agreed"
    SUPERSEDED = "superseded"


class EscalationStatus(StrEnum):
    OPEN = "open"
    DECIDED = "decided"
    CLOSED = "closed"
