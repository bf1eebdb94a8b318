"""Stakeholder coverage (step 4): do we reach everyone at the customer who judges the offer?

The method asks to address all stakeholders who influence how the offer is judged — not only the interests of
one department such as purchasing or production — and above all the people responsible for the long-term
development of the business. The rules here turn the stakeholder list into plain findings.

Definitions (shown to the user in the help texts):
- *engaged*: contacted within the last ``CONTACT_WINDOW_DAYS`` days (90);
- a function is *reached* when at least one of its stakeholders is engaged;
- the functions that judge a complex offer (``KEY_FUNCTIONS``): management, finance, R&D, production, purchasing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from skam_core.domain.enums import StakeholderFunction

CONTACT_WINDOW_DAYS = 90
KEY_FUNCTIONS: tuple[str, ...] = ("management", "finance", "rnd", "production", "purchasing")
# Departments whose view alone is short-term: the method warns when only they are engaged.
OPERATIONAL_FUNCTIONS = frozenset({"purchasing", "production"})
INFLUENTIAL = 4  # influence from which an opponent is a risk to the plan

LEVELS = ("problem", "warning", "ok")


@dataclass(frozen=True)
class Finding:
    """One plain finding: ``level`` is problem | warning | ok; ``code`` names the message; ``params`` fill it."""

    level: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


def contact_age_days(last_contact: Any, today: date) -> int | None:
    """Days since the last contact (0 for today or a future date), None when never contacted."""
    if last_contact is None or pd.isna(last_contact):
        return None
    d = pd.Timestamp(last_contact).date()
    return max(0, (today - d).days)


def with_engagement(stakeholders: pd.DataFrame, today: date, window: int = CONTACT_WINDOW_DAYS) -> pd.DataFrame:
    """Adds ``days_since_contact`` (nullable) and ``engaged`` (contacted within ``window`` days)."""
    df = stakeholders.copy()
    last = pd.to_datetime(df["last_contact"]) if "last_contact" in df else pd.Series(pd.NaT, index=df.index)
    # Whole columns, not contact_age_days per row (same rule: 0 for today or a future date, None when never).
    days = (pd.Timestamp(today) - last.dt.normalize()).dt.days.clip(lower=0)
    df["days_since_contact"] = days.astype("Int64")
    df["engaged"] = (days <= window).fillna(False).astype(bool).to_numpy()
    if "long_term_responsibility" in df:
        df["long_term_responsibility"] = df["long_term_responsibility"].fillna(False).astype(bool)
    return df


def function_coverage(stakeholders: pd.DataFrame, today: date) -> pd.DataFrame:
    """One row per function (all functions of the vocabulary, key functions first): how many stakeholders, how
    many engaged, the highest influence and the mean attitude."""
    df = with_engagement(stakeholders, today)
    order = list(KEY_FUNCTIONS) + [f.value for f in StakeholderFunction if f.value not in KEY_FUNCTIONS]
    # One pass over the stakeholders into plain dicts (a filtered frame per function cost more than the page).
    count: dict[str, int] = {}
    engaged: dict[str, int] = {}
    top: dict[str, int] = {}
    attitudes: dict[str, list[float]] = {}
    if not df.empty:
        for func, eng, infl, att in zip(df["function"], df["engaged"], df["influence"], df["attitude"], strict=True):
            count[func] = count.get(func, 0) + 1
            engaged[func] = engaged.get(func, 0) + int(eng)
            if not pd.isna(infl):
                top[func] = max(top.get(func, int(infl)), int(infl))
            if not pd.isna(att):
                attitudes.setdefault(func, []).append(float(att))
    rows = [
        {
            "function": func,
            "key_function": func in KEY_FUNCTIONS,
            "stakeholders": count.get(func, 0),
            "engaged": engaged.get(func, 0),
            "max_influence": top.get(func),
            "mean_attitude": sum(attitudes[func]) / len(attitudes[func]) if attitudes.get(func) else None,
        }
        for func in order
    ]
    out = pd.DataFrame(rows)
    out["reached"] = out["engaged"] > 0
    return out


def _names(df: pd.DataFrame) -> list[str]:
    return [str(n) for n in df.sort_values(["influence", "name"], ascending=[False, True])["name"]]


def coverage_findings(stakeholders: pd.DataFrame, today: date, window: int = CONTACT_WINDOW_DAYS) -> list[Finding]:
    """Plain findings, worst first: functions not reached, long-term responsibility, stale contacts, only
    purchasing (or purchasing and production) engaged, influential opponents."""
    if stakeholders.empty:
        return [Finding("problem", "no_stakeholders")]
    df = with_engagement(stakeholders, today, window)
    findings: list[Finding] = []
    engaged = df[df["engaged"]]

    # Who is engaged at all, and is it only the operational departments?
    if engaged.empty:
        findings.append(Finding("problem", "nobody_engaged", {"days": window}))
    else:
        funcs = set(engaged["function"])
        if funcs <= {"purchasing"}:
            findings.append(Finding("warning", "only_purchasing", {"days": window}))
        elif funcs <= OPERATIONAL_FUNCTIONS:
            findings.append(Finding("warning", "only_operational", {"days": window}))

    # Functions that judge a complex offer: missing from the map, or on it but not engaged.
    present = set(df["function"])
    reached = set(engaged["function"])
    missing = [f for f in KEY_FUNCTIONS if f not in present]
    not_engaged = [f for f in KEY_FUNCTIONS if f in present and f not in reached]
    if missing:
        findings.append(Finding("problem", "functions_missing", {"functions": missing}))
    if not_engaged:
        findings.append(Finding("warning", "functions_not_engaged", {"functions": not_engaged, "days": window}))
    if not missing and not not_engaged:
        findings.append(Finding("ok", "all_functions_reached", {"days": window}))

    # The people responsible for the long-term business.
    long_term = df[df["long_term_responsibility"]]
    lt_engaged = long_term[long_term["engaged"]]
    if long_term.empty:
        findings.append(Finding("problem", "no_long_term"))
    elif lt_engaged.empty:
        findings.append(Finding("problem", "long_term_not_engaged", {"names": _names(long_term), "days": window}))
    else:
        findings.append(Finding("ok", "long_term_engaged", {"names": _names(lt_engaged), "days": window}))
        if (lt_engaged["attitude"] < 0).all():
            findings.append(Finding("warning", "long_term_opposed", {"names": _names(lt_engaged)}))

    # Influential people against us.
    opponents = df[(df["influence"] >= INFLUENTIAL) & (df["attitude"] < 0)]
    if not opponents.empty:
        findings.append(Finding("warning", "influential_opponents", {"names": _names(opponents)}))

    # Contacts gone cold.
    stale = df[~df["engaged"]]
    if not stale.empty:
        findings.append(Finding("warning", "stale_contacts", {"names": _names(stale), "days": window}))

    return sorted(findings, key=lambda f: LEVELS.index(f.level))


def stale_contacts(stakeholders: pd.DataFrame, today: date, window: int = CONTACT_WINDOW_DAYS) -> pd.DataFrame:
    """Stakeholders not contacted within ``window`` days (or never), most influential and longest silent first."""
    df = with_engagement(stakeholders, today, window)
    stale = df[~df["engaged"]].copy()
    stale["_never"] = stale["days_since_contact"].isna()
    return stale.sort_values(
        ["influence", "_never", "days_since_contact"], ascending=[False, False, False], na_position="first"
    ).drop(columns="_never")


def sentiment_balance(feedback: pd.DataFrame) -> dict[str, int]:
    """Counts of positive, neutral and negative feedback."""
    s = feedback["sentiment"] if not feedback.empty else pd.Series(dtype="int64")
    return {"positive": int((s > 0).sum()), "neutral": int((s == 0).sum()), "negative": int((s < 0).sum())}


def feedback_log(feedback: pd.DataFrame, stakeholders: pd.DataFrame) -> pd.DataFrame:
    """Feedback newest first, with the sender's name resolved from the stakeholder when linked."""
    df = feedback.copy()
    names = dict(zip(stakeholders.get("id", []), stakeholders.get("name", []), strict=False))
    titles = dict(zip(stakeholders.get("id", []), stakeholders.get("job_title", []), strict=False))
    if df.empty:
        df["from"] = pd.Series(dtype=str)
        df["from_title"] = pd.Series(dtype=str)
        return df.reset_index(drop=True)
    linked = df["stakeholder_id"] if "stakeholder_id" in df else pd.Series(None, index=df.index, dtype=object)
    typed = df["from_name"] if "from_name" in df else pd.Series(None, index=df.index, dtype=object)
    df["from"] = [
        str(names[sid]) if isinstance(sid, str) and sid in names else str(fn if isinstance(fn, str) and fn else "")
        for sid, fn in zip(linked, typed, strict=True)
    ]
    df["from_title"] = [_text_or_empty(titles.get(sid)) if isinstance(sid, str) else "" for sid in linked]
    df = df.sort_values(["received_on"], ascending=False, kind="stable")
    return df.reset_index(drop=True)


def _text_or_empty(v: Any) -> Any:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else v
