"""Specs of users and customers."""

from skam_core.domain.enums import Role, Stage
from skam_core.domain.specs.base import Field

SPECS = {
    "users": (
        Field("user_id", "email", required=True),
        Field("display_name", "text", required=True, max_len=200),
        Field("role", "choice", required=True, choices=tuple(Role)),
    ),
    "customers": (
        Field("customer_id", "text", required=True, max_len=64),
        Field("name", "text", required=True, max_len=300),
        Field("industry", "text", max_len=200),
        Field("region", "text", max_len=200),
        Field("country", "text", max_len=100),
        Field("segment", "text", max_len=200),
        Field("skam_stage", "choice", choices=tuple(Stage), default="none"),
        Field("skam_start", "date"),
        Field("account_manager", "email"),
    ),
}
