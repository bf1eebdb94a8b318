"""Step 1, understanding the customer's strategy: the five-forces profile, the weights of its priorities and how
complete the analysis is. Pure functions over the frames read by storage.queries.strategy.

The method (seed article, step 1): a customer is not understood until the components that set it apart from its
competitors are found; before that, no offer of special value can be made. The completeness check therefore
treats the distinguishing components as essential, next to the five forces and the weighted priorities.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from skam_core.domain.enums import Force

FORCES: tuple[str, ...] = tuple(f.value for f in Force)
MIN_MARKETS = 2  # the customer's own customers/markets: at least two looked at (who buys, what they demand)
MIN_PRIORITIES = 3  # a strategy of one priority is a guess; three weighted priorities make a fit matrix worth it


def force_profile(forces: pd.DataFrame) -> pd.DataFrame:
    """One row per force in Porter's order: score (NaN where not scored yet) and evidence."""
    base = pd.DataFrame({"force": list(FORCES)})
    if forces.empty:
        base["score"] = np.nan
        base["evidence"] = None
        return base
    got = forces[["force", "score", "evidence"]].copy()
    got["score"] = got["score"].astype("float64")
    return base.merge(got, on="force", how="left")


def competitive_pressure(forces: pd.DataFrame) -> float | None:
    """Mean score of the forces scored so far (1 weak .. 5 strong pressure on the customer); None if none."""
    scores = force_profile(forces)["score"].dropna()
    return float(scores.mean()) if len(scores) else None


def priority_shares(priorities: pd.DataFrame) -> pd.DataFrame:
    """Priorities in their order with ``share`` = weight / sum of weights (0..1)."""
    df = priorities.copy()
    total = float(df["weight"].sum()) if not df.empty else 0.0
    df["share"] = df["weight"].astype("float64") / total if total > 0 else np.nan
    return df


@dataclass(frozen=True)
class Check:
    key: str  # forces | evidence | markets | components | priorities
    done: bool
    found: int
    needed: int
    missing: tuple[str, ...] = ()  # e.g. the forces not scored yet
    essential: bool = False  # without it the customer's strategy counts as not understood


@dataclass(frozen=True)
class Completeness:
    checks: tuple[Check, ...]

    @property
    def share(self) -> float:
        """Share of the checks that are done (0..1)."""
        return sum(c.done for c in self.checks) / len(self.checks)

    @property
    def understood(self) -> bool:
        """The method's test: every essential check done — above all the distinguishing components found — and at
        least one weighted priority known (without one there is no row for the fit matrix)."""
        return all(c.done for c in self.checks if c.essential) and self.check("priorities").found >= 1

    @property
    def open(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.done)

    def check(self, key: str) -> Check:
        return next(c for c in self.checks if c.key == key)


def _has_text(v) -> bool:
    return isinstance(v, str) and bool(v.strip())


def completeness(
    forces: pd.DataFrame, markets: pd.DataFrame, components: pd.DataFrame, priorities: pd.DataFrame
) -> Completeness:
    """What the step-1 analysis of one customer has and what it still lacks.

    - forces: all five scored (essential: the forces tell what will matter to the customer);
    - evidence: every scored force backed by evidence text;
    - markets: at least MIN_MARKETS of the customer's own customers/markets with what they demand;
    - components: at least one distinguishing component (essential — the method's criterion);
    - priorities: at least MIN_PRIORITIES weighted priorities (at least one is needed to count as understood).
    """
    profile = force_profile(forces)
    scored = profile[profile["score"].notna()]
    not_scored = tuple(profile.loc[profile["score"].isna(), "force"])
    no_evidence = tuple(scored.loc[[not _has_text(e) for e in scored["evidence"]], "force"])
    with_demand = 0 if markets.empty else int(sum(_has_text(d) for d in markets["demand"]))
    n_comp = len(components)
    n_prio = int((priorities["weight"] > 0).sum()) if not priorities.empty else 0
    checks = (
        Check("forces", not not_scored, len(FORCES) - len(not_scored), len(FORCES), not_scored, essential=True),
        Check(
            "evidence", not scored.empty and not no_evidence, len(scored) - len(no_evidence), len(scored), no_evidence
        ),
        Check("markets", with_demand >= MIN_MARKETS, with_demand, MIN_MARKETS),
        Check("components", n_comp >= 1, n_comp, 1, essential=True),
        Check("priorities", n_prio >= MIN_PRIORITIES, n_prio, MIN_PRIORITIES),
    )
    return Completeness(checks)


@dataclass(frozen=True)
class StrategyView:
    """Everything the strategy page shows for one account."""

    forces: pd.DataFrame  # stored rows (with valid_from, changed_by)
    profile: pd.DataFrame  # all five forces in order, score NaN where missing
    markets: pd.DataFrame
    components: pd.DataFrame
    priorities: pd.DataFrame  # with share
    completeness: Completeness

    @property
    def is_empty(self) -> bool:
        return self.forces.empty and self.markets.empty and self.components.empty and self.priorities.empty
