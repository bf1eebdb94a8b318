"""Step 3, the value proposition (/value): empty states, horizon, metrics, components; the vocabulary of
component statuses. Economics, sequence, fields and charts: value_economics."""

MESSAGES = {
    "enum.value_status.draft": ("Entwurf", "Draft"),
    "enum.value_status.proposed": ("vorgeschlagen", "Proposed"),
    "enum.value_status.accepted": ("angenommen", "Accepted"),
    "enum.value_status.partly_accepted": ("teilweise angenommen", "Partly accepted"),
    "enum.value_status.declined": ("abgelehnt", "Declined"),
    "value.status": ("Status nach Kundenfeedback", "Status after customer feedback"),
    # empty states
    "value.empty": ("Noch keine Value Proposition für dieses Konto.", "No value proposition for this account yet."),
    "value.empty_no_opps": (
        "Die Komponenten der Value Proposition entstehen aus dem Neugeschäft. Erfassen Sie es zuerst in Schritt 2 "
        "(Strategischer Fit) mit Nutzen, Umsatz, Aufwand und Zeitraum.",
        "The components of the value proposition come from the new business. First record it in step 2 (strategic "
        "fit) with value, revenue, effort and timing.",
    ),
    "value.empty_next": (
        "Übernehmen Sie Geschäftsmöglichkeiten aus Schritt 2 als Komponenten (unten), quantifizieren Sie den Nutzen "
        "für den Kunden und legen Sie die Reihenfolge fest.",
        "Take opportunities from step 2 as components (below), quantify the benefit for the customer and set the "
        "sequence.",
    ),
    "value.empty_viewer": (
        "Der Key Account Manager stellt die Value Proposition zusammen; danach erscheint sie hier.",
        "The account manager assembles the value proposition; it will show here afterwards.",
    ),
    "value.to_fit": ("Zu Schritt 2 – Strategischer Fit", "To step 2 — strategic fit"),
    # horizon
    "value.horizon": ("Betrachtungszeitraum", "Horizon"),
    "value.horizon_years": ("{n} J.", "{n} yr"),
    "value.horizon_help": (
        "Zeitraum ab dem Start der ersten Komponente, über den Umsatz, Aufwand und Gewinn summiert werden.",
        "Period from the start of the first component over which revenue, effort and profit are summed.",
    ),
    # metrics
    "value.m.benefit": ("Kundennutzen / Jahr", "Customer benefit / yr"),
    "value.m.benefit_help": (
        "Summe des quantifizierten jährlichen Nutzens aller Komponenten außer den abgelehnten (Wert der Komponente, "
        "sonst der Kundennutzen der Geschäftsmöglichkeit).",
        "Sum of the quantified yearly benefit of all components except declined ones (the component's figure, else "
        "the opportunity's customer value).",
    ),
    "value.m.components": ("{n} Komponenten · {declined} abgelehnt", "{n} components · {declined} declined"),
    "value.m.accepted": ("davon angenommen", "of which accepted"),
    "value.m.accepted_help": (
        "Nutzen der Komponenten, die der Kunde angenommen oder teilweise angenommen hat; darunter ihr Anteil am "
        "gesamten Nutzen.",
        "Benefit of the components the customer accepted or partly accepted; below, their share of the total benefit.",
    ),
    "value.m.accepted_share": ("{share} des Nutzens", "{share} of the benefit"),
    "value.m.accepted_share_partly": (
        "{share} des Nutzens, davon {partly} nur teilweise",
        "{share} of the benefit, {partly} of it only in part",
    ),
    "value.m.contribution": ("Unser DB / Jahr", "Our contribution / yr"),
    "value.m.contribution_help": (
        "Unser zusätzlicher Jahresumsatz × Deckungsbeitragssatz, summiert über die nicht abgelehnten Komponenten mit "
        "vollständigen Angaben – nach der Umsetzung, vor dem einmaligen Aufwand.",
        "Our additional yearly revenue × contribution margin, summed over the components not declined whose figures "
        "are complete — once delivered, before the one-off effort.",
    ),
    "value.m.ratio": ("Kundennutzen je € DB: {ratio}", "Customer benefit per € contribution: {ratio}"),
    "value.m.profit": ("Gewinn netto, {n} J.", "Net profit, {n} yr"),
    "value.m.profit_help": (
        "Deckungsbeitrag minus tatsächlicher interner Aufwand im Betrachtungszeitraum. Modell: Der Aufwand fällt "
        "gleichmäßig während der Umsetzung an, der Umsatz beginnt nach ihrem Ende. Abgelehnte und unvollständige "
        "Komponenten zählen nicht.",
        "Contribution minus the real internal effort within the horizon. Model: the effort falls evenly during "
        "delivery, revenue starts when delivery ends. Declined and incomplete components do not count.",
    ),
    "value.m.effort": ("nach Aufwand von {cost}", "after effort of {cost}"),
    "value.m.hard_to_copy": ("Schwer kopierbar", "Hard to copy"),
    "value.m.hard_to_copy_help": (
        "Anteil des Kundennutzens in Komponenten mit Kopierrisiko 1–2 (Wettbewerber können sie nicht einfach "
        "anbieten, z. B. wegen Engpässen bei ihren Ressourcen), bezogen auf die Komponenten mit bewertetem Risiko.",
        "Share of the customer benefit in components with copy risk 1–2 (competitors cannot simply offer them, e.g. "
        "because of their resource bottlenecks), out of the components whose risk is rated.",
    ),
    "value.benefit_empty": (
        "Für keine Komponente ist der Nutzen für den Kunden quantifiziert.",
        "No component has its benefit to the customer quantified.",
    ),
    "value.benefit_empty_next": (
        "Tragen Sie den Nutzen in EUR pro Jahr ein – bei der Komponente oder als Kundennutzen im Neugeschäft.",
        "Enter the benefit in EUR per year — on the component or as customer value in the new business.",
    ),
    "value.copy_empty": (
        "Für keine Komponente ist das Kopierrisiko bewertet.",
        "No component has its copy risk rated.",
    ),
    "value.copy_empty_next": (
        "Bewerten Sie im Neugeschäft (Schritt 2), wie leicht ein Wettbewerber dasselbe anbieten könnte, und warum.",
        "Rate in the new business (step 2) how easily a competitor could offer the same, and why.",
    ),
    "value.no_opportunity": ("nicht aus einer Geschäftsmöglichkeit", "not drawn from an opportunity"),
    "value.incomplete": (
        "Wirtschaftlichkeit unvollständig – diese Komponenten fehlen in unserem Gewinn: {items}. Ergänzen Sie die "
        "Angaben im Neugeschäft (Schritt 2).",
        "Economics incomplete — these components are missing from our profit: {items}. Complete the figures in the "
        "new business (step 2).",
    ),
    # components
    "value.components_title": (
        "1 · Komponenten: Nutzen für den Kunden und für uns",
        "1 · Components: value for the customer and for us",
    ),
    "value.components_caption": (
        "Punkt für Punkt: was der Kunde gewinnt (EUR pro Jahr), was wir verdienen (nach dem tatsächlichen Aufwand), "
        "wie schwer es zu kopieren ist und wo es nach dem Kundenfeedback steht.",
        "Point by point: what the customer gains (EUR per year), what we earn (after the real effort), how hard it "
        "is to copy and where it stands after customer feedback.",
    ),
    "value.from_opp_title": ("Komponente aus Neugeschäft übernehmen", "Take a component from new business"),
    "value.col.seq": ("Nr.", "No."),
    "value.col.stage": ("Stufe", "Stage"),
    "value.col.component": ("Komponente", "Component"),
    "value.col.type": ("Art", "Type"),
    "value.col.status": ("Status", "Status"),
    "value.col.benefit": ("Kundennutzen / Jahr", "Customer benefit / yr"),
    "value.col.contribution": ("Unser DB / Jahr", "Our contribution / yr"),
    "value.col.contribution_help": (
        "Unser Jahresumsatz × Deckungsbeitragssatz, nach der Umsetzung.",
        "Our yearly revenue × contribution margin, once delivered.",
    ),
    "value.col.effort_cost": ("Aufwand einmalig", "One-off effort"),
    "value.col.profit": ("Gewinn netto, {n} J.", "Net profit, {n} yr"),
    "value.col.profit_help": (
        "Deckungsbeitrag minus Aufwandskosten im Betrachtungszeitraum.",
        "Contribution minus effort cost within the horizon.",
    ),
    "value.col.payback": ("Amortisiert (Mon.)", "Payback (mo)"),
    "value.col.payback_help": (
        "Monate ab Start, bis der kumulierte Gewinn nicht mehr negativ ist; – wenn nicht im Betrachtungszeitraum.",
        "Months from the start until the cumulative profit is no longer negative; – if not within the horizon.",
    ),
    "value.feedback_title": (
        "**Letztes Kundenfeedback je Komponente** (erfasst im Account-Plan, Schritt 4)",
        "**Latest customer feedback per component** (recorded in the account plan, step 4)",
    ),
    "value.sentiment.pos": ("positiv", "positive"),
    "value.sentiment.neu": ("neutral", "neutral"),
    "value.sentiment.neg": ("kritisch", "critical"),
    "value.copy_title": ("**Warum schwer oder leicht zu kopieren?**", "**Why hard or easy to copy?**"),
    "value.copy_line": ("{component} – {risk}: {reason}", "{component} – {risk}: {reason}"),
    "value.copy_risk.1": ("1 sehr schwer", "1 very hard"),
    "value.copy_risk.2": ("2 schwer", "2 hard"),
    "value.copy_risk.3": ("3 mittel", "3 medium"),
    "value.copy_risk.4": ("4 leicht", "4 easy"),
    "value.copy_risk.5": ("5 sehr leicht", "5 very easy"),
}
