"""Step 4, the account plan page (/plan): its header, metrics and readiness, and the vocabularies of plan content
(enum.*). Stakeholders and feedback: plan_stakeholders; objectives to versions: plan_content."""

MESSAGES = {
    # vocabularies
    "enum.function.management": ("Geschäftsführung", "Management"),
    "enum.function.finance": ("Finanzen", "Finance"),
    "enum.function.rnd": ("Forschung & Entwicklung", "R&D"),
    "enum.function.production": ("Produktion", "Production"),
    "enum.function.purchasing": ("Einkauf", "Purchasing"),
    "enum.function.quality": ("Qualität", "Quality"),
    "enum.function.logistics": ("Logistik", "Logistics"),
    "enum.function.sales": ("Vertrieb & Service", "Sales & service"),
    "enum.function.it": ("IT", "IT"),
    "enum.side.ours": ("Unser Team", "Our team"),
    "enum.side.customer": ("Team des Kunden", "Customer's team"),
    "enum.direction.higher": ("höher ist besser", "higher is better"),
    "enum.direction.lower": ("niedriger ist besser", "lower is better"),
    "enum.plan_status.draft": ("Entwurf", "draft"),
    "enum.plan_status.agreed": ("vereinbart", "agreed"),
    "enum.plan_status.superseded": ("abgelöst", "superseded"),
    "enum.plan_part.objectives": ("Ziele", "Objectives"),
    "enum.plan_part.team": ("Team", "Team"),
    "enum.plan_part.raci": ("Verantwortlichkeiten (RACI)", "Responsibilities (RACI)"),
    "enum.plan_part.milestones": ("Meilensteine", "Milestones"),
    "enum.plan_part.kpis": ("KPIs", "KPIs"),
    "enum.sentiment.1": ("positiv", "positive"),
    "enum.sentiment.0": ("neutral", "neutral"),
    "enum.sentiment.-1": ("kritisch", "critical"),
    "plan.attitude.-2": ("−2 ablehnend", "−2 opposed"),
    "plan.attitude.-1": ("−1 skeptisch", "−1 sceptical"),
    "plan.attitude.0": ("0 neutral", "0 neutral"),
    "plan.attitude.1": ("+1 wohlwollend", "+1 supportive"),
    "plan.attitude.2": ("+2 Fürsprecher", "+2 champion"),
    # page
    "plan.no_account": (
        "Der Account-Plan gehört zu einem Key Account: Wer beurteilt unser Angebot, was ist vereinbart, wer tut was.",
        "The account plan belongs to a key account: who judges our offer, what is agreed, who does what.",
    ),
    "plan.empty": (
        "Für dieses Konto gibt es noch keinen Account-Plan.",
        "There is no account plan for this account yet.",
    ),
    "plan.empty_next": (
        "Beginnen Sie mit den Stakeholdern, die unser Angebot beim Kunden beurteilen (Reiter „Stakeholder“), "
        "und legen Sie unter „Planversionen“ einen ersten Entwurf an.",
        "Start with the stakeholders who judge our offer at the customer (tab 'Stakeholders') and create a first "
        "draft under 'Plan versions'.",
    ),
    "plan.empty_viewer": (
        "Der Key Account Manager legt den Plan an; sobald es ihn gibt, erscheint er hier.",
        "The account manager creates the plan; it appears here as soon as it exists.",
    ),
    "plan.customer_view": ("Kundensicht", "Customer view"),
    "plan.customer_view_help": (
        "Zeigt nur, was der Kunde laut der geltenden Planversion sieht – etwa für die gemeinsame Sitzung. "
        "Stakeholder-Landkarte und Feedback sind intern und bleiben ausgeblendet.",
        "Shows only what the customer sees according to the plan version in force — e.g. for a joint meeting. "
        "The stakeholder map and feedback are internal and stay hidden.",
    ),
    "plan.customer_view_on": (
        "Kundensicht: Sie sehen nur die Teile des Plans, die der Kunde sieht. Bearbeiten ist hier ausgeschaltet.",
        "Customer view: you see only the parts of the plan the customer sees. Editing is switched off here.",
    ),
    "plan.customer_view_nothing": (
        "Die geltende Planversion gibt dem Kunden noch keine Teile frei.",
        "The plan version in force shares no parts with the customer yet.",
    ),
    "plan.customer_view_nothing_next": (
        "Legen Sie unter „Planversionen“ fest, welche Teile der Kunde sieht.",
        "Choose under 'Plan versions' which parts the customer sees.",
    ),
    "plan.tab.stakeholders": ("Stakeholder", "Stakeholders"),
    "plan.tab.feedback": ("Kundenfeedback", "Customer feedback"),
    "plan.tab.plan": ("Ziele, Team & Verantwortung", "Objectives, team & responsibilities"),
    "plan.tab.kpis": ("KPIs & Zielwerte", "KPIs & targets"),
    "plan.tab.versions": ("Planversionen", "Plan versions"),
    # header metrics and readiness
    "plan.m.version": ("Geltender Plan", "Plan in force"),
    "plan.m.version_help": (
        "Die zuletzt mit dem Kunden vereinbarte Planversion; gibt es keine, der neueste Entwurf.",
        "The plan version last agreed with the customer; if there is none, the latest draft.",
    ),
    "plan.m.customer_sees": ("Teile für den Kunden", "Parts shared with the customer"),
    "plan.m.customer_sees_help": (
        "Die Teile des Plans, die laut geltender Version mit dem Kunden geteilt sind (Teamzusammensetzung, "
        "Verantwortlichkeiten, Aktionen, Meilensteine …).",
        "The parts of the plan shared with the customer according to the version in force (team, "
        "responsibilities, actions, milestones …).",
    ),
    "plan.m.customer_sees_none": ("noch nichts festgelegt", "nothing chosen yet"),
    "plan.m.readiness": ("Umsetzungsreife", "Readiness"),
    "plan.m.readiness_help": (
        "Erfüllte Prüfpunkte für die Umsetzung: vereinbarte Version, Ziele, Team auf beiden Seiten, "
        "Lenkungsausschuss beider Seiten, KPIs mit Zielwerten, Meilensteine, vollständige RACI, "
        "Langfrist-Verantwortliche eingebunden.",
        "Checks met for implementation: agreed version, objectives, team on both sides, steering committee of "
        "both sides, KPIs with targets, milestones, complete RACI, long-term owners engaged.",
    ),
    "plan.version.none": ("kein Plan", "no plan"),
    "plan.version.agreed_on": ("vereinbart am {day}", "agreed on {day}"),
    "plan.ready.open": ("offen: {items}", "open: {items}"),
    "plan.ready.all": ("alle Prüfpunkte erfüllt", "all checks met"),
    "plan.ready_short.agreed": ("vereinbarte Version", "agreed version"),
    "plan.ready_short.objectives": ("Ziele", "objectives"),
    "plan.ready_short.team_both_sides": ("Team beider Seiten", "team on both sides"),
    "plan.ready_short.steering_both_sides": ("Lenkungsausschuss", "steering committee"),
    "plan.ready_short.kpis_with_targets": ("KPIs mit Zielwerten", "KPIs with targets"),
    "plan.ready_short.milestones": ("Meilensteine", "milestones"),
    "plan.ready_short.raci_complete": ("RACI vollständig", "complete RACI"),
    "plan.ready_short.long_term_engaged": ("Langfrist-Verantwortliche", "long-term owners"),
    "plan.ready.title": ("Ist der Plan umsetzungsreif?", "Is the plan ready to implement?"),
    "plan.ready.agreed": (
        "Mit dem Kunden vereinbarte Planversion ({n})",
        "Plan version agreed with the customer ({n})",
    ),
    "plan.ready.objectives": ("Gemeinsame Ziele festgelegt ({n})", "Joint objectives set ({n})"),
    "plan.ready.team_both_sides": (
        "Team auf beiden Seiten benannt ({n} Personen)",
        "Team named on both sides ({n} people)",
    ),
    "plan.ready.steering_both_sides": (
        "Lenkungsausschuss mit Mitgliedern beider Geschäftsleitungen ({n})",
        "Steering committee with members of both top managements ({n})",
    ),
    "plan.ready.kpis_with_targets": (
        "KPIs mit Zielwerten ({n}; ohne Zielwert: {missing})",
        "KPIs with targets ({n}; without target: {missing})",
    ),
    "plan.ready.milestones": ("Meilensteine geplant ({n})", "Milestones planned ({n})"),
    "plan.ready.raci_complete": (
        "Jede Aufgabe hat Verantwortliche (R) und genau eine zuständige Person (A) – offene Regeln: {n}",
        "Every item has someone responsible (R) and exactly one accountable (A) — rules open: {n}",
    ),
    "plan.ready.long_term_engaged": (
        "Verantwortliche für das langfristige Geschäft eingebunden ({n})",
        "People responsible for the long-term business engaged ({n})",
    ),
}
