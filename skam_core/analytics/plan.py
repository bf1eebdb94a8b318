"""The Strategic Key Account Plan (step 4) as the customer and our team see it: which version is agreed, which
parts the customer sees, who is Responsible/Accountable/Consulted/Informed for what, and whether the plan is
complete enough to implement (step 5).

Everything here is pure: DataFrames in, DataFrames/dataclasses out. views.plan gathers the inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from skam_core.analytics import stakeholders as sh_rules
from skam_core.domain.enums import PlanStatus

if TYPE_CHECKING:
    from skam_core.analytics.plan_facts import PlanFacts

# The parts of the plan that can be shared with the customer (stored comma-separated in plan_versions).
PLAN_PARTS: tuple[str, ...] = ("objectives", "team", "raci", "milestones", "kpis")


def parse_parts(text: Any) -> list[str]:
    """Known parts in the canonical order; unknown words and blanks are ignored."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return []
    given = {p.strip().lower() for p in str(text).split(",")}
    return [p for p in PLAN_PARTS if p in given]


def format_parts(parts: list[str]) -> str:
    return ",".join(p for p in PLAN_PARTS if p in set(parts))


def current_version(versions: pd.DataFrame) -> dict | None:
    """The plan in force: the agreed version with the highest number; else the latest draft; else None."""
    if versions.empty:
        return None
    agreed = versions[versions["status"] == PlanStatus.AGREED.value]
    pick = agreed if not agreed.empty else versions[versions["status"] == PlanStatus.DRAFT.value]
    if pick.empty:
        pick = versions
    row = pick.sort_values("version_no").iloc[-1].to_dict()
    return {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.items()}


@dataclass(frozen=True)
class RaciItem:
    kind: str  # objective | milestone
    item_id: str
    label: str


def raci_items(objectives: pd.DataFrame, milestones: pd.DataFrame) -> list[RaciItem]:
    """The rows of the RACI matrix: the plan's objectives (in order), then its milestones (by due date)."""
    items = [RaciItem("objective", r["id"], str(r["objective"])) for r in objectives.to_dict("records")]
    ms = milestones.sort_values("due") if not milestones.empty else milestones
    items += [RaciItem("milestone", r["id"], str(r["title"])) for r in ms.to_dict("records")]
    return items


def raci_letters(
    raci: pd.DataFrame, team: pd.DataFrame, items: list[RaciItem]
) -> dict[tuple[str, str], dict[str, str]]:
    """(kind, item_id) -> {member id: letter} for every item of ``items`` (empty where nobody has a letter).
    Cells of members or items no longer in the plan are left out. Plain dicts: the page looks cells up per run."""
    members = set(team["id"]) if not team.empty else set()
    out: dict[tuple[str, str], dict[str, str]] = {(i.kind, i.item_id): {} for i in items}
    if raci.empty:
        return out
    for kind, item_id, member, letter in zip(
        raci["item_kind"], raci["item_id"], raci["member_id"], raci["letter"], strict=True
    ):
        cells = out.get((kind, item_id))
        if cells is not None and member in members:
            cells[member] = letter
    return out


def raci_matrix(raci: pd.DataFrame, team: pd.DataFrame, items: list[RaciItem]) -> pd.DataFrame:
    """Items x team members with the letters (R, A, C, I; empty string where none). Index: (kind, item_id);
    columns: member ids in team order. Cells of members or items no longer in the plan are left out."""
    members = list(team["id"]) if not team.empty else []
    letters = raci_letters(raci, team, items)
    index = pd.MultiIndex.from_tuples(list(letters), names=["item_kind", "item_id"])
    # Built from rows of plain lists: a .loc assignment per cell took most of the plan page's RACI time.
    rows = [[cells.get(m, "") for m in members] for cells in letters.values()]
    return pd.DataFrame(rows, index=index, columns=members, dtype=object)


@dataclass(frozen=True)
class RaciGap:
    code: str  # no_responsible | no_accountable | several_accountable
    items: list[str]  # item labels


def raci_gaps(matrix: pd.DataFrame, items: list[RaciItem]) -> list[RaciGap]:
    """The RACI rules: every item needs someone Responsible and exactly one Accountable."""
    labels = {(i.kind, i.item_id): i.label for i in items}
    return gaps_of({key: list(row) for key, row in zip(matrix.index, matrix.to_numpy().tolist(), strict=True)}, labels)


def gaps_of(
    letters: Mapping[tuple[str, str], list[str] | dict[str, str]], labels: Mapping[tuple[str, str], str]
) -> list[RaciGap]:
    """``raci_gaps`` over plain letters per item (a list, or a dict member -> letter as ``raci_letters`` gives)."""
    no_r, no_a, many_a = [], [], []
    for key, cells in letters.items():
        row = list(cells.values()) if isinstance(cells, dict) else cells
        if "R" not in row:
            no_r.append(labels[key])
        n_a = row.count("A")
        if n_a == 0:
            no_a.append(labels[key])
        elif n_a > 1:
            many_a.append(labels[key])
    gaps = [
        RaciGap("no_responsible", no_r),
        RaciGap("no_accountable", no_a),
        RaciGap("several_accountable", many_a),
    ]
    return [g for g in gaps if g.items]


@dataclass(frozen=True)
class Check:
    code: str
    ok: bool
    params: dict[str, Any]


def readiness(
    versions: pd.DataFrame,
    objectives: pd.DataFrame,
    team: pd.DataFrame,
    kpi_definitions: pd.DataFrame,
    kpi_targets: pd.DataFrame,
    milestones: pd.DataFrame,
    stakeholders: pd.DataFrame,
    gaps: list[RaciGap],
    today: date,
) -> list[Check]:
    """Is the plan ready to implement? The checks the method implies, each with what it found."""
    agreed = versions[versions["status"] == PlanStatus.AGREED.value] if not versions.empty else versions
    sides = set(team["side"]) if not team.empty else set()
    sc = team[team["on_steering_committee"].fillna(False).astype(bool)] if not team.empty else team
    sc_sides = set(sc["side"]) if not sc.empty else set()
    with_target = set(kpi_targets["kpi_id"]) if not kpi_targets.empty else set()
    kpis_without = [r["name"] for r in kpi_definitions.to_dict("records") if r["id"] not in with_target]
    lt = sh_rules.with_engagement(stakeholders, today) if not stakeholders.empty else stakeholders
    lt_engaged = int((lt["long_term_responsibility"] & lt["engaged"]).sum()) if not lt.empty else 0
    return [
        Check("agreed", not agreed.empty, {"n": len(agreed)}),
        Check("objectives", not objectives.empty, {"n": len(objectives)}),
        Check("team_both_sides", {"ours", "customer"} <= sides, {"n": len(team)}),
        Check("steering_both_sides", {"ours", "customer"} <= sc_sides, {"n": len(sc)}),
        Check(
            "kpis_with_targets",
            not kpi_definitions.empty and not kpis_without,
            {"n": len(kpi_definitions), "missing": kpis_without},
        ),
        Check("milestones", not milestones.empty, {"n": len(milestones)}),
        Check("raci_complete", not gaps and (not objectives.empty or not milestones.empty), {"n": len(gaps)}),
        Check("long_term_engaged", lt_engaged > 0, {"n": lt_engaged}),
    ]


@dataclass(frozen=True)
class PlanView:
    stakeholders: pd.DataFrame
    feedback: pd.DataFrame
    versions: pd.DataFrame
    current: dict | None
    objectives: pd.DataFrame
    team: pd.DataFrame
    raci: pd.DataFrame
    milestones: pd.DataFrame
    kpi_definitions: pd.DataFrame
    kpi_targets: pd.DataFrame
    opportunities: pd.DataFrame
    value_items: pd.DataFrame
    # What the page derives from the rows above, computed once in views.plan (analytics.plan_facts).
    facts: PlanFacts | None = None

    @property
    def is_empty(self) -> bool:
        """No plan content at all yet (a new account or one still in steps 1-3)."""
        return all(
            df.empty
            for df in (
                self.stakeholders,
                self.feedback,
                self.versions,
                self.objectives,
                self.team,
                self.milestones,
                self.kpi_definitions,
            )
        )


@dataclass(frozen=True)
class ImplementationView:
    milestones: pd.DataFrame  # with effective status, start/finish for the timeline, overdue days
    counts: dict[str, int]
    log: pd.DataFrame  # status log, newest first
    kpi_definitions: pd.DataFrame
    kpi_series: pd.DataFrame
    kpi_status: pd.DataFrame
    opportunities: pd.DataFrame
    objectives: pd.DataFrame
    team: pd.DataFrame
    # Derived once in views.implementation, not on every rerun of the page: the titles of milestones delayed by
    # date alone (milestones.auto_delayed), and the KPIs per traffic light (kpis.light_counts).
    auto_delayed: list[str] = field(default_factory=list)
    light_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class KpiEntryView:
    definitions: pd.DataFrame
    targets: pd.DataFrame
    actuals: pd.DataFrame
    history: pd.DataFrame  # entry_history: newest first with previous values
    series: pd.DataFrame | None = None  # kpis.series of the above, computed once in views.kpis


def check_plan(view: PlanView, today: date) -> list[Check]:
    """The readiness checks of one account's plan (see ``readiness``)."""
    items = raci_items(view.objectives, view.milestones)
    gaps = raci_gaps(raci_matrix(view.raci, view.team, items), items)
    return readiness(
        view.versions,
        view.objectives,
        view.team,
        view.kpi_definitions,
        view.kpi_targets,
        view.milestones,
        view.stakeholders,
        gaps,
        today,
    )
