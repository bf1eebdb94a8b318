"""Content of every table for the demo key accounts, with a plausible history of versions.

How far an account's content goes follows its stage: a candidate has a first, incomplete strategy analysis;
an account in implementation has everything from the five forces to KPI entries and two past steering
meetings. Content is written as it would have been over time (valid_from in the past), so that an as-of date
shows the state of that day.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from skam_core.demo import content as C
from skam_core.demo import names
from skam_core.demo.plan import build_plan
from skam_core.demo.rows import STAGE_ORDER, Rows, entity_rng
from skam_core.demo.rows import reached as _reached
from skam_core.demo.rows import ts as _ts
from skam_core.domain.validation import month_add

__all__ = ["STAGE_ORDER", "Rows", "build_account", "build_company"]


def build_company(rows: Rows, today: date, admin: str) -> None:
    """Users, our capabilities and delivery capacity: company-wide data maintained by admins."""
    start = _ts(today - timedelta(days=4 * 365))
    for uid, name, role in names.USERS:
        rows.add("users", {"user_id": uid, "display_name": name, "role": role}, start, admin)
    for i, (cid, name, desc, strength, project) in enumerate(C.CAPABILITIES):
        rows.add(
            "capabilities",
            {
                "id": cid,
                "name": name,
                "description": desc,
                "kind": "capability",
                "strength": strength,
                "is_project_capability": project,
                "sort_order": i,
            },
            start,
            admin,
        )
    # Capacity for key-account projects: 2 years back, 2 years ahead, per quarter.
    first = month_add(today.replace(day=1), -24)
    for q in range(16):
        d = month_add(first, 3 * q)
        quarter = f"{d.year}-Q{(d.month - 1) // 3 + 1}"
        rows.add(
            "delivery_capacity",
            {
                "quarter": quarter,
                "person_days": 420.0 + 30 * (q // 4),
                "note": "Engineering + Service, freigegeben für Key-Account-Projekte",
            },
            start,
            admin,
        )


def build_account(
    rows: Rows,
    cust: pd.Series,
    quality: float,
    today: date,
    seed: int,
    *,
    analysis_only: bool = False,
) -> None:
    """All content of one account. ``quality`` (0..1) is how well its priorities match our capabilities.

    Every step draws from its own stream (``entity_rng(seed, customer, step)``), so the content does not depend
    on the day the demo is built for, other than through its dates.
    """
    cid = cust["customer_id"]
    rng = entity_rng(seed, cid, "began")
    stage = cust["skam_stage"] if not analysis_only else "fit"
    am = cust["account_manager"] if cust["account_manager"] in names.ACCOUNT_MANAGERS else names.ACCOUNT_MANAGERS[0]
    start = cust["skam_start"].date() if not pd.isna(cust["skam_start"]) else None
    # When work on the account began: well before the plan was agreed, or some months ago.
    began = (
        (start - timedelta(days=int(rng.integers(150, 260))))
        if start
        # (The steps below are dated up to ~130 days after it: accounts without a start are complete today.)
        else today - timedelta(days=int(rng.integers(150, 320)))
    )
    t0 = _ts(began)
    annual = float(cust["_annual"])

    # Step 1: forces (candidates have only a first look at three of them), later re-scored once.
    forces = list(C.FORCE_EVIDENCE)
    if stage == "candidate":
        forces = forces[:3]
    for f in forces:
        rng = entity_rng(seed, cid, "force", f)
        score = int(rng.integers(2, 6))
        evidence = C.FORCE_EVIDENCE[f][int(rng.integers(0, 3))]
        chain = [(t0, am, {"customer_id": cid, "force": f, "score": score, "evidence": evidence})]
        if _reached(stage, "fit") and rng.random() < 0.4:
            later = t0 + timedelta(days=int(rng.integers(40, 120)))
            chain.append((later, am, {"score": int(np.clip(score + rng.choice([-1, 1]), 1, 5))}))
        rows.versions("competitive_forces", chain)
    n_markets = 1 if stage == "candidate" else 3
    rng = entity_rng(seed, cid, "markets")
    for j in rng.choice(len(C.MARKETS), n_markets, replace=False):
        name, demand, trend = C.MARKETS[int(j)]
        rows.add(
            "customer_markets",
            {
                "id": f"{cid}-mk{j}",
                "customer_id": cid,
                "name": name,
                "demand": demand,
                "trend": trend,
                "share_pct": float(rng.integers(10, 45)),
            },
            t0,
            am,
        )
    # The distinguishing components are what the method insists on; candidates have not found them yet.
    n_comp = 0 if stage == "candidate" else (1 if stage == "strategy" else 2)
    rng = entity_rng(seed, cid, "components")
    for j in rng.choice(len(C.COMPONENTS), n_comp, replace=False):
        comp, desc, exclusive = C.COMPONENTS[int(j)]
        rows.add(
            "strategy_components",
            {"id": f"{cid}-co{j}", "customer_id": cid, "component": comp, "description": desc, "exclusive": exclusive},
            t0 + timedelta(days=20),
            am,
        )
    prio_idx = [int(j) for j in entity_rng(seed, cid, "priorities").choice(len(C.PRIORITIES), 4, replace=False)]
    weights = [40.0, 30.0, 20.0, 10.0]
    for order, (j, w) in enumerate(zip(prio_idx, weights, strict=True)):
        rows.add(
            "strategic_priorities",
            {
                "id": f"{cid}-pr{j}",
                "customer_id": cid,
                "priority": C.PRIORITIES[j][0],
                "weight": w,
                "sort_order": order,
            },
            t0 + timedelta(days=10),
            am,
        )

    # Step 2: the fit matrix. Matching capabilities score by quality, the rest low; strategy-stage accounts
    # have scored only their top two priorities so far.
    t_fit = t0 + timedelta(days=45)
    # (A candidate got a quick first scoring of every priority: that is why it became a candidate.)
    scored = prio_idx if _reached(stage, "fit") or stage == "candidate" else prio_idx[:2]
    cap_ids = [c[0] for c in C.CAPABILITIES]
    rng = entity_rng(seed, cid, "fit")
    for j in scored:
        matches = C.PRIORITIES[j][1]
        for cap in cap_ids:
            if cap in matches:
                s = int(np.clip(round(3 * quality + rng.normal(0, 0.45)), 0, 3))
            else:
                s = int(rng.random() < 0.25)
            if s > 0 or cap in matches:
                rows.add(
                    "fit_scores",
                    {"customer_id": cid, "priority_id": f"{cid}-pr{j}", "capability_id": cap, "score": s, "note": None},
                    t_fit,
                    am,
                )
    if analysis_only or not _reached(stage, "fit"):
        return

    # Step 2: new business, sized to the account.
    t_opp = t_fit + timedelta(days=20)
    opp_ids = []
    rng = entity_rng(seed, cid, "opportunities")
    opp_idx = [int(j) for j in rng.choice(len(C.OPPORTUNITIES), 4, replace=False)]
    for n, j in enumerate(opp_idx):
        title, typ, cap, copy_reason, copy_risk = C.OPPORTUNITIES[j]
        our_rev = round(annual * float(rng.uniform(0.03, 0.09)), -3)
        pdays = float(rng.integers(6, 40) * 5)
        start_m = month_add((start or today).replace(day=1), int(rng.integers(-2, 8)) + 3 * n)
        oid = f"{cid}-op{j}"
        opp_ids.append(oid)
        rows.add(
            "opportunities",
            {
                "id": oid,
                "customer_id": cid,
                "title": title,
                "type": typ,
                "description": None,
                "customer_value_eur": round(our_rev * float(rng.uniform(1.5, 3.5)), -3),
                "our_revenue_eur": our_rev,
                "our_margin_pct": float(rng.integers(22, 38)),
                "effort_person_days": pdays,
                "effort_cost_eur": pdays * 880.0,
                "start_month": start_m,
                "duration_months": int(rng.integers(3, 13)),
                "capability_id": cap,
                "copy_risk": copy_risk,
                "copy_risk_reason": copy_reason,
            },
            t_opp,
            am,
        )
    if not _reached(stage, "value"):
        return

    # Step 3: value proposition components, status after customer feedback.
    t_val = t_opp + timedelta(days=30)
    statuses = (
        ["accepted", "accepted", "partly_accepted", "declined"] if start else ["proposed", "proposed", "draft", "draft"]
    )
    for n, oid in enumerate(opp_ids):
        vid = f"{cid}-vi{n}"
        benefit = None
        for r in rows.tables["opportunities"]:
            if r["id"] == oid:
                benefit, title = r["customer_value_eur"], r["title"]
        chain = [
            (
                t_val,
                am,
                {
                    "id": vid,
                    "customer_id": cid,
                    "opportunity_id": oid,
                    "title": title,
                    "customer_benefit_eur": benefit,
                    "status": "draft",
                    "sequence_no": n + 1,
                    "note": None,
                },
            )
        ]
        if statuses[n] != "draft":
            chain.append((t_val + timedelta(days=21), am, {"status": "proposed"}))
        if statuses[n] not in ("draft", "proposed"):
            chain.append((_ts(start) if start else t_val + timedelta(days=60), am, {"status": statuses[n]}))
        rows.versions("value_items", chain)
    if not _reached(stage, "plan"):
        return

    build_plan(rows, cust, am, start, t_val, today, seed, opp_ids)
