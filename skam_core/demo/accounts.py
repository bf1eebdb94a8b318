"""Content of every table for the demo key accounts, with a plausible history of versions.

How far an account's content goes follows its stage: a candidate has a first, incomplete strategy analysis;
an account in implementation has everything from the five forces to KPI entries and two past steering
meetings. Content is written as it would have been over time (valid_from in the past), so that an as-of date
shows the state of that day.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from skam_core.demo import content as C
from skam_core.demo import names
from skam_core.domain.enums import Stage
from skam_core.domain.validation import month_add

STAGE_ORDER = [s.value for s in Stage]


def _reached(stage: str, step: str) -> bool:
    return STAGE_ORDER.index(stage) >= STAGE_ORDER.index(step)


class Rows:
    """Collects rows per table; an entity's versions are chained (valid_to = the next version's valid_from).

    Versions dated after ``cutoff`` (the generator's "now") are dropped: they have not happened yet.
    """

    def __init__(self, cutoff: datetime | None = None) -> None:
        self.tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.cutoff = cutoff

    def add(self, table: str, values: dict[str, Any], at: datetime, by: str) -> None:
        self.versions(table, [(at, by, values)])

    def versions(self, table: str, chain: list[tuple[datetime, str, dict[str, Any]]]) -> None:
        if self.cutoff is not None:
            chain = [c for c in chain if c[0] <= self.cutoff]
        merged: dict[str, Any] = {}
        for i, (at, by, values) in enumerate(chain):
            merged = {**merged, **values}
            valid_to = chain[i + 1][0] if i + 1 < len(chain) else None
            self.tables[table].append({**merged, "valid_from": at, "valid_to": valid_to, "changed_by": by})

    def frames(self) -> dict[str, pd.DataFrame]:
        return {t: pd.DataFrame(rows) for t, rows in self.tables.items()}


def _ts(d: date, hour: int = 9) -> datetime:
    return datetime.combine(d, datetime.min.time()) + timedelta(hours=hour)


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
    rng: np.random.Generator,
    *,
    analysis_only: bool = False,
) -> None:
    """All content of one account. ``quality`` (0..1) is how well its priorities match our capabilities."""
    cid = cust["customer_id"]
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
        score = int(rng.integers(2, 6))
        evidence = C.FORCE_EVIDENCE[f][int(rng.integers(0, 3))]
        chain = [(t0, am, {"customer_id": cid, "force": f, "score": score, "evidence": evidence})]
        if _reached(stage, "fit") and rng.random() < 0.4:
            later = t0 + timedelta(days=int(rng.integers(40, 120)))
            chain.append((later, am, {"score": int(np.clip(score + rng.choice([-1, 1]), 1, 5))}))
        rows.versions("competitive_forces", chain)
    n_markets = 1 if stage == "candidate" else 3
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
    for j in rng.choice(len(C.COMPONENTS), n_comp, replace=False):
        comp, desc, exclusive = C.COMPONENTS[int(j)]
        rows.add(
            "strategy_components",
            {"id": f"{cid}-co{j}", "customer_id": cid, "component": comp, "description": desc, "exclusive": exclusive},
            t0 + timedelta(days=20),
            am,
        )
    prio_idx = [int(j) for j in rng.choice(len(C.PRIORITIES), 4, replace=False)]
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

    _build_plan(rows, cust, am, start, t_val, today, rng, opp_ids)


def _build_plan(
    rows: Rows,
    cust: pd.Series,
    am: str,
    start: date | None,
    t_val: datetime,
    today: date,
    rng: np.random.Generator,
    opp_ids: list[str],
) -> None:
    cid = cust["customer_id"]
    t_plan = t_val + timedelta(days=30)
    # Step 4: stakeholders. The plan-stage account reaches mostly purchasing: the warning case.
    only_purchasing = start is None
    pool = (
        [s for s in C.STAKEHOLDERS if s[2] == "purchasing"] + [C.STAKEHOLDERS[4]]
        if only_purchasing
        else C.STAKEHOLDERS[: int(rng.integers(5, 9))]
    )
    for n, (name, title, func, infl, att, longterm) in enumerate(pool):
        # Each contact is recorded as it happens (a new version with the new date); some relationships go
        # quiet after a while, which the coverage check must notice.
        last_wanted = today - timedelta(days=int(rng.integers(5, 150)))
        contact = t_plan.date() - timedelta(days=int(rng.integers(0, 20)))
        chain = [
            (
                t_plan,
                am,
                {
                    "id": f"{cid}-sh{n}",
                    "customer_id": cid,
                    "name": name,
                    "job_title": title,
                    "function": func,
                    "influence": infl,
                    "attitude": att,
                    "long_term_responsibility": longterm,
                    "last_contact": contact,
                    "our_contact": names.USERS[3 + n % 3][1],
                },
            )
        ]
        while True:
            contact = contact + timedelta(days=int(rng.integers(35, 80)))
            if contact > last_wanted:
                break
            chain.append((_ts(contact, 18), am, {"last_contact": contact}))
        rows.versions("stakeholders", chain)
    for n, (text, sentiment) in enumerate(C.FEEDBACK[: int(rng.integers(2, 5))]):
        received = (t_plan + timedelta(days=25 * n + 10)).date()
        if received > today:
            break
        rows.add(
            "customer_feedback",
            {
                "id": f"{cid}-fb{n}",
                "customer_id": cid,
                "received_on": received,
                "stakeholder_id": f"{cid}-sh{n % len(pool)}",
                "from_name": pool[n % len(pool)][0],
                "text": text,
                "sentiment": sentiment,
                "value_item_id": f"{cid}-vi{n % max(1, len(opp_ids))}",
            },
            _ts(received, 15),
            am,
        )

    # The plan: v1 agreed at the SKAM start; long-running accounts agreed a v2 a year later.
    v1 = {
        "id": f"{cid}-pv1",
        "customer_id": cid,
        "version_no": 1,
        "title": "Strategic Key Account Plan",
        "status": "draft",
        "agreed_on": None,
        "customer_sees": "objectives,team,milestones,kpis",
        "summary": "Gemeinsamer Plan für profitables Wachstum auf beiden Seiten",
    }
    chain = [(t_plan, am, v1)]
    if start:
        chain.append((_ts(start, 17), am, {"status": "agreed", "agreed_on": start}))
        if (today - start).days > 400:
            v2_day = start + timedelta(days=365)
            chain.append((_ts(v2_day, 16), am, {"status": "superseded"}))
            rows.versions("plan_versions", chain)
            chain = [
                (
                    _ts(v2_day, 16),
                    am,
                    {
                        **v1,
                        "id": f"{cid}-pv2",
                        "version_no": 2,
                        "status": "agreed",
                        "agreed_on": v2_day,
                        "title": "Strategic Key Account Plan – Jahr 2",
                    },
                )
            ]
    rows.versions("plan_versions", chain)

    for n, (obj, measure) in enumerate(C.OBJECTIVES):
        rows.add(
            "plan_objectives",
            {
                "id": f"{cid}-ob{n}",
                "customer_id": cid,
                "objective": obj,
                "measure": measure,
                "due": month_add((start or today).replace(day=1), 12 + 6 * n),
                "visible_to_customer": n != 3,
                "sort_order": n,
            },
            t_plan,
            am,
        )
    members = []
    am_name = next(nm for u, nm, _ in names.USERS if u == am)
    team = (
        [(am_name, "Key Account Manager", "ours", False, am)]
        + [(n, r, "ours", sc, None) for n, r, sc in C.TEAM_OURS]
        + [(n, r, "customer", sc, None) for n, r, sc in C.TEAM_CUSTOMER]
    )
    for n, (name, role, side, sc, email) in enumerate(team):
        mid = f"{cid}-tm{n}"
        members.append(mid)
        rows.add(
            "team_members",
            {
                "id": mid,
                "customer_id": cid,
                "name": name,
                "side": side,
                "role": role,
                "email": email,
                "on_steering_committee": sc,
            },
            t_plan,
            am,
        )
    # Who answers for each objective: the project lead or service lead is responsible, the sponsor accountable,
    # the customer's project lead consulted, our account manager informed.
    for n in range(len(C.OBJECTIVES)):
        for member, letter in ((members[2 + n % 2], "R"), (members[1], "A"), (members[5], "C"), (members[0], "I")):
            rows.add(
                "raci",
                {
                    "customer_id": cid,
                    "member_id": member,
                    "item_kind": "objective",
                    "item_id": f"{cid}-ob{n}",
                    "letter": letter,
                },
                t_plan,
                am,
            )

    # Step 5: milestones. Past ones done (some late), one overdue and not done, one at risk, future ones open.
    anchor = start or (today + timedelta(days=30))
    n_ms = 8 if start else 5
    # A running plan's milestones reach from the start to half a year ahead, so that every account has some
    # done, some due now (a few at risk, one overdue) and some still to come.
    step = max(30, ((today + timedelta(days=180)) - anchor).days // n_ms) if start else 45
    for n in range(n_ms):
        ms_id = f"{cid}-ms{n}"
        due = anchor + timedelta(days=step * n + int(rng.integers(0, 20)))
        base = {
            "id": ms_id,
            "customer_id": cid,
            "title": C.MILESTONES[n % len(C.MILESTONES)],
            "owner": team[(n % 3) + 1][0] if n % 2 else am_name,
            "start_date": due - timedelta(days=40),
            "due": due,
            "status": "open",
            "completed_on": None,
            "opportunity_id": opp_ids[n % len(opp_ids)] if opp_ids else None,
            "objective_id": f"{cid}-ob{n % 4}",
            "comment": None,
        }
        chain = [(t_plan, am, base)]
        if start:
            chain.append((_ts(start, 18), am, {"status": "on_track"}))
            days_left = (due - today).days
            if days_left < -20 and n != 3:
                done = due + timedelta(days=int(rng.integers(-10, 25)))
                done = min(done, today - timedelta(days=1))
                chain.append(
                    (
                        _ts(done, 17),
                        am,
                        {
                            "status": "done",
                            "completed_on": done,
                            "comment": "Abgeschlossen und mit dem Kunden abgenommen",
                        },
                    )
                )
            elif days_left < 60 and n % 2 == 1:
                chain.append(
                    (
                        _ts(min(today - timedelta(days=3), due - timedelta(days=10)), 11),
                        am,
                        {"status": "at_risk", "comment": "Lieferengpass bei Leistungselektronik"},
                    )
                )
        chain = [c for c in chain if c[0].date() <= today]
        rows.versions("milestones", chain)
        rows.add(
            "raci",
            {
                "customer_id": cid,
                "member_id": members[n % 3 + 1],
                "item_kind": "milestone",
                "item_id": ms_id,
                "letter": "R",
            },
            t_plan,
            am,
        )
        rows.add(
            "raci",
            {"customer_id": cid, "member_id": members[0], "item_kind": "milestone", "item_id": ms_id, "letter": "A"},
            t_plan,
            am,
        )
        rows.add(
            "raci",
            {
                "customer_id": cid,
                "member_id": members[5 + n % 2],
                "item_kind": "milestone",
                "item_id": ms_id,
                "letter": "C",
            },
            t_plan,
            am,
        )

    _build_kpis(rows, cust, am, start, t_plan, today, rng)
    if start:
        _build_steering(rows, cid, am, start, today, rng, team)


def _build_kpis(
    rows: Rows, cust: pd.Series, am: str, start: date | None, t_plan: datetime, today: date, rng: np.random.Generator
) -> None:
    cid = cust["customer_id"]
    monthly_rev = float(cust["_annual"]) / 12
    last_period = month_add(today.replace(day=1), -1)
    for n, (name, unit, direction, lo, hi, source, v0, target) in enumerate(C.KPIS):
        kid = f"{cid}-kpi{n}"
        rows.add(
            "kpi_definitions",
            {
                "id": kid,
                "customer_id": cid,
                "name": name,
                "unit": unit,
                "direction": direction,
                "min_value": lo,
                "max_value": hi,
                "source": source,
                "description": None,
                "sort_order": n,
            },
            t_plan,
            am,
        )
        first = (start or today).replace(day=1)
        goal = target if target is not None else round(monthly_rev * 0.06, -2)
        for k in range(0, 24):
            period = month_add(first, k)
            ramp = min(1.0, (k + 1) / 12)
            tv = (v0 + (goal - v0) * ramp) if target is not None else round(goal * ramp, -2)
            rows.add("kpi_targets", {"kpi_id": kid, "period": period, "target": round(tv, 1)}, t_plan, am)
        if not start:
            continue
        period = first
        k = 0
        perf = float(rng.uniform(0.85, 1.08))  # > 1: better than the target, in the KPI's direction
        while period <= last_period:
            # Reality lags the plan a little and is noisy; the direction is respected by the data.
            progress = min(1.0, max(0.0, (k - 1) / 14))
            if target is None:
                value = max(0.0, round(goal * progress * float(rng.uniform(0.85, 1.2)), -2))
            else:
                # Where this KPI ends up relative to its target (some beat it, some miss it a little or a lot),
                # reached gradually from the starting value; the month-to-month noise is small.
                final = target * perf if direction == "higher" else target / perf
                value = v0 + (final - v0) * progress
                value = float(np.clip(value + rng.normal(0, abs(target) * 0.015), lo, hi if hi else 1e12))
                value = round(value, 1)
            entered = _ts(month_add(period, 1) + timedelta(days=int(rng.integers(2, 9))), int(rng.integers(8, 18)))
            if entered.date() > today:
                break
            rows.tables["kpi_entries"].append(
                {
                    "entry_id": f"{kid}-{period:%Y%m}-a",
                    "kpi_id": kid,
                    "customer_id": cid,
                    "period": period,
                    "value": value,
                    "comment": None,
                    "entered_by": am,
                    "entered_at": entered,
                }
            )
            if rng.random() < 0.08:  # a correction a few days later
                fixed = round(value * float(rng.uniform(0.95, 1.05)), 1)
                if hi is not None:
                    fixed = min(fixed, hi)
                rows.tables["kpi_entries"].append(
                    {
                        "entry_id": f"{kid}-{period:%Y%m}-b",
                        "kpi_id": kid,
                        "customer_id": cid,
                        "period": period,
                        "value": fixed,
                        "comment": "Korrektur nach Abgleich mit dem Kunden",
                        "entered_by": am,
                        "entered_at": entered + timedelta(days=3),
                    }
                )
            period = month_add(period, 1)
            k += 1


def _build_steering(
    rows: Rows, cid: str, am: str, start: date, today: date, rng: np.random.Generator, team: list[tuple]
) -> None:
    ours = ", ".join(t[0] for t in team if t[2] == "ours" and t[3]) + f", {team[0][0]}"
    theirs = ", ".join(t[0] for t in team if t[2] == "customer" and t[3])
    held = [today - timedelta(days=int(rng.integers(110, 140))), today - timedelta(days=int(rng.integers(20, 45)))]
    held = [d for d in held if d > start]
    for n, day in enumerate(held):
        mid = f"{cid}-sc{n}"
        nxt = held[n + 1] if n + 1 < len(held) else today + timedelta(days=int(rng.integers(40, 70)))
        rows.add(
            "steering_meetings",
            {
                "id": mid,
                "customer_id": cid,
                "held_on": day,
                "pinned_as_of": day,
                "attendees_ours": ours,
                "attendees_customer": theirs,
                "summary": "Statusbericht, KPIs und offene Eskalationen besprochen",
                "next_meeting_on": nxt,
            },
            _ts(day, 16),
            am,
        )
        for j in range(2):
            rows.add(
                "decisions",
                {
                    "id": f"{mid}-d{j}",
                    "customer_id": cid,
                    "meeting_id": mid,
                    "escalation_id": None,
                    "decided_on": day,
                    "text": C.DECISIONS[(2 * n + j + int(rng.integers(0, 2))) % len(C.DECISIONS)],
                    "owner": team[1 + j][0],
                },
                _ts(day, 17),
                am,
            )
    for n in range(int(rng.integers(1, 3))):
        problem, need, owner = C.ESCALATIONS[(n + int(rng.integers(0, 3))) % len(C.ESCALATIONS)]
        raised = today - timedelta(days=int(rng.integers(5, 80)))
        eid = f"{cid}-es{n}"
        base = {
            "id": eid,
            "customer_id": cid,
            "raised_on": raised,
            "raised_by": am,
            "problem": problem,
            "owner": owner,
            "decision_needed": need,
            "due": raised + timedelta(days=21),
            "status": "open",
            "decision": None,
            "decided_on": None,
            "decided_by": None,
        }
        chain = [(_ts(raised, 10), am, base)]
        if n == 1 or raised < today - timedelta(days=40):
            decided = raised + timedelta(days=int(rng.integers(3, 15)))
            if decided < today:
                chain.append(
                    (
                        _ts(decided, 12),
                        f"d.hartmann@{names.DOMAIN}",
                        {
                            "status": "decided",
                            "decision": "Freigegeben wie vorgeschlagen",
                            "decided_on": decided,
                            "decided_by": "Dr. Dorothea Hartmann",
                        },
                    )
                )
        rows.versions("escalations", chain)
