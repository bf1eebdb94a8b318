"""The five golden rules health check: rule names and the evidence shown for each judgement."""

MESSAGES = {
    "col.rules": ("Goldene Regeln", "Golden rules"),
    "col.rules_help": (
        "Fünf goldene Regeln, aus den Daten beurteilt (erfüllt = 1, teilweise = ½): Fit vor Größe; Strategie des Kunden "
        "verstanden; Value Proposition für beide Seiten beziffert; Entscheider mit langfristiger Verantwortung "
        "eingebunden; Plan mit KPIs, Meilensteinen und einem Lenkungsausschuss, der tatsächlich tagt.",
        "Five golden rules judged from the data (met = 1, partly = ½): fit before size; the customer's strategy "
        "understood; a value proposition quantified for both sides; the stakeholders with long-term responsibility "
        "engaged; a plan with KPIs, milestones and a steering committee that actually meets.",
    ),
    "rules.title": ("Fünf goldene Regeln", "Five golden rules"),
    "rules.fit": ("Fit vor Größe", "Fit before size"),
    "rules.strategy": ("Strategie des Kunden verstanden", "The customer's strategy understood"),
    "rules.value": ("Value Proposition für beide Seiten beziffert", "Value proposition quantified for both sides"),
    "rules.stakeholders": (
        "Entscheider mit langfristiger Verantwortung eingebunden",
        "Stakeholders with long-term responsibility engaged",
    ),
    "rules.plan": (
        "Plan mit KPIs, Meilensteinen und tagendem Lenkungsausschuss",
        "Plan with KPIs, milestones and a steering committee that meets",
    ),
    "rules.status.met": ("erfüllt", "met"),
    "rules.status.partly": ("teilweise", "partly"),
    "rules.status.not_met": ("nicht erfüllt", "not met"),
    "rules.score": ("{score} von 5", "{score} of 5"),
    "rules.ev.fit_missing": (
        "Kein Fit bewertet – die Auswahl beruht dann nur auf Größe oder Gefühl.",
        "No fit assessed — the choice then rests on size or gut feeling only.",
    ),
    "rules.ev.fit": (
        "Fit {fit} von 100; nach Umsatz Rang {rank} von {customers} Kunden.",
        "Fit {fit} of 100; rank {rank} of {customers} customers by revenue.",
    ),
    "rules.ev.strategy": (
        "{forces} von 5 Wettbewerbskräften bewertet, {components} Differenzierungsmerkmale, {markets} Kundenmärkte.",
        "{forces} of 5 competitive forces scored, {components} distinguishing components, {markets} customer markets.",
    ),
    "rules.ev.no_components": (
        "Die Merkmale, mit denen sich der Kunde abhebt, sind noch nicht gefunden.",
        "The components that set the customer apart have not been found yet.",
    ),
    "rules.ev.value_missing": ("Noch keine Value Proposition.", "No value proposition yet."),
    "rules.ev.value": (
        "{both} von {items} Bausteinen für beide Seiten beziffert (Nutzen des Kunden und unser Ergebnis nach Aufwand).",
        "{both} of {items} components quantified for both sides (customer benefit and our profit net of effort).",
    ),
    "rules.ev.no_stakeholders": ("Keine Stakeholder erfasst.", "No stakeholders recorded."),
    "rules.ev.no_longterm": (
        "Niemand mit langfristiger Verantwortung eingebunden.",
        "Nobody with long-term responsibility engaged.",
    ),
    "rules.ev.only_purchasing": ("Nur der Einkauf ist eingebunden.", "Only purchasing is engaged."),
    "rules.ev.longterm": (
        "{n} Entscheider mit langfristiger Verantwortung: {supportive} unterstützend, {neutral} neutral, "
        "{opposed} dagegen; letzter Kontakt zu einem unterstützenden vor {days} [[days|Tag|Tagen]].",
        "{n} [[n|stakeholder|stakeholders]] with long-term responsibility: {supportive} supportive, {neutral} "
        "neutral, {opposed} opposed; last contact with a supportive one {days} [[days|day|days]] ago.",
    ),
    "rules.ev.longterm_none_supportive": (
        "{n} Entscheider mit langfristiger Verantwortung, keiner davon unterstützend ({neutral} neutral, "
        "{opposed} dagegen); letzter Kontakt vor {days} [[days|Tag|Tagen]].",
        "{n} [[n|stakeholder|stakeholders]] with long-term responsibility, none of them supportive ({neutral} "
        "neutral, {opposed} opposed); last contact {days} [[days|day|days]] ago.",
    ),
    "rules.ev.plan": (
        "Vereinbarte Pläne: {agreed}; KPIs: {kpis}; Meilensteine: {milestones}; letzte Sitzung: {meeting}.",
        "Agreed plans: {agreed}; KPIs: {kpis}; milestones: {milestones}; last meeting: {meeting}.",
    ),
    "rules.ev.plan_not_agreed": (
        "Der Plan ist noch nicht mit dem Kunden vereinbart.",
        "The plan has not been agreed with the customer yet.",
    ),
    "rules.ev.committee_not_meeting": (
        "Der Lenkungsausschuss hat seit mehr als {days} Tagen nicht getagt.",
        "The steering committee has not met for more than {days} days.",
    ),
    "rules.ev.kpis_stale": (
        "Die KPIs werden nicht mehr gepflegt (keine Werte der letzten zwei Monate).",
        "The KPIs are no longer kept (no values in the last two months).",
    ),
}
