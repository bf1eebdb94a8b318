"""Step 2 (/fit): the new-business list, the delivery-capacity check and our own capabilities."""

MESSAGES = {
    # new business
    "fit.opps_title": ("3 · Neugeschäft aus dem Fit", "3 · New business from the fit"),
    "fit.opps_caption": (
        "Nicht nur Produkte: gemeinsame Projekte, Services, gemeinsam in neue Märkte und Regionen. Mit Aufwand und "
        "der Projektfähigkeit, die es braucht – ein Angebot, das wir nicht mit Leben füllen können, schadet.",
        "Not only products: joint projects, services, expanding together into new markets and regions. With the "
        "effort and the project capability it takes — an offer we cannot fill with life does harm.",
    ),
    "fit.opps_empty": (
        "Für dieses Konto ist noch kein Neugeschäft erfasst.",
        "No new business recorded for this account yet.",
    ),
    "fit.opps_empty_next": (
        "Leiten Sie aus den stark bewerteten Zellen der Fit-Matrix Geschäftsmöglichkeiten ab und erfassen Sie sie "
        "unten („Bearbeiten“) mit Nutzen, Umsatz, Aufwand und Zeitraum.",
        "Derive opportunities from the strongly scored cells of the fit matrix and record them below ('Edit') with "
        "value, revenue, effort and timing.",
    ),
    "fit.opps_empty_viewer": (
        "Der Key Account Manager erfasst das Neugeschäft; danach erscheint es hier.",
        "The account manager records the new business; it will show here afterwards.",
    ),
    "fit.col.title": ("Geschäftsmöglichkeit", "Opportunity"),
    "fit.col.type": ("Art", "Type"),
    "fit.col.customer_value": ("Kundennutzen / Jahr", "Customer value / yr"),
    "fit.col.our_revenue": ("Unser Umsatz / Jahr", "Our revenue / yr"),
    "fit.col.effort": ("Interner Aufwand", "Internal effort"),
    "fit.col.effort_help": (
        "Personentage (PT) und interne Kosten der Umsetzung (einmalig).",
        "Person-days (PD) and internal cost of delivering it (one-off).",
    ),
    "fit.col.period": ("Zeitraum", "Period"),
    "fit.months_short": ("Mon.", "mo"),
    "fit.col.readiness": ("Benötigte Fähigkeit – lieferfähig?", "Capability needed — can we deliver?"),
    "fit.col.readiness_help": (
        "Ob die benötigte Fähigkeit eine Projektfähigkeit ist, die wir zuverlässig beherrschen, und wie stark wir "
        "darin sind (1–5; bis 2 gilt als schwach).",
        "Whether the capability needed is a kind of project we run reliably, and how strong we are in it (1–5; up "
        "to 2 counts as weak).",
    ),
    "fit.ready.ok": ("✓ {cap} ({s}/5)", "✓ {cap} ({s}/5)"),
    "fit.ready.weak": ("⚠ {cap}: schwach ({s}/5)", "⚠ {cap}: weak ({s}/5)"),
    "fit.ready.no_project": ("⚠ {cap}: keine Projektfähigkeit", "⚠ {cap}: not a project capability"),
    "fit.ready.unknown": ("– keine Fähigkeit angegeben", "– no capability named"),
    "fit.not_ready": (
        "{n} [[n|Geschäftsmöglichkeit braucht|Geschäftsmöglichkeiten brauchen]] eine Fähigkeit, in der wir keine zuverlässigen Projekte fahren oder "
        "schwach sind. Klären Sie die Lieferfähigkeit, bevor Sie sie anbieten.",
        "{n} [[n|opportunity needs|opportunities need]] a capability in which we do not run projects reliably or are weak. Settle how "
        "we would deliver before offering them.",
    ),
    "fit.m.customer_value": ("Kundennutzen pro Jahr", "Customer value per year"),
    "fit.m.customer_value_help": (
        "Summe des quantifizierten jährlichen Nutzens für den Kunden über alle Geschäftsmöglichkeiten.",
        "Sum of the quantified yearly benefit to the customer over all opportunities.",
    ),
    "fit.m.our_revenue": ("Unser Umsatz pro Jahr", "Our revenue per year"),
    "fit.m.our_revenue_help": (
        "Summe unseres zusätzlichen Jahresumsatzes über alle Geschäftsmöglichkeiten (vor Aufwand).",
        "Sum of our additional yearly revenue over all opportunities (before effort).",
    ),
    "fit.m.effort": ("Interner Aufwand", "Internal effort"),
    "fit.m.effort_help": (
        "Summe der Personentage (PT) und darunter der internen Kosten, die die Umsetzung aller Geschäftsmöglichkeiten "
        "kostet.",
        "Sum of person-days and, below, the internal cost of delivering all opportunities.",
    ),
    # capacity
    "fit.capacity_title": (
        "4 · Können wir liefern? Aufwand je Quartal gegen Kapazität",
        "4 · Can we deliver? Effort per quarter against capacity",
    ),
    "fit.capacity_chart": ("Auslastung je Quartal als Diagramm", "Utilisation per quarter as a chart"),
    "fit.capacity_caption": (
        "Interner Aufwand aller Key Accounts je Quartal (gleichmäßig über die Laufzeit jeder Geschäftsmöglichkeit "
        "verteilt; vom Kunden abgelehnte Komponenten ausgenommen) gegen die für Key-Account-Projekte freigegebene "
        "Kapazität. Dieses Konto ist hervorgehoben.",
        "Internal effort of all key accounts per quarter (spread evenly over each opportunity's duration; "
        "components the customer declined left out) against the capacity released for key-account projects. This "
        "account is highlighted.",
    ),
    "fit.capacity_empty": ("Weder Aufwand noch Kapazität erfasst.", "Neither effort nor capacity recorded."),
    "fit.capacity_empty_next": (
        "Erfassen Sie Neugeschäft mit Aufwand, Start und Dauer; Administratoren pflegen die Kapazität unten.",
        "Record new business with effort, start and duration; administrators maintain the capacity below.",
    ),
    "fit.m.problem_quarters": ("Quartale nicht lieferbar", "Quarters we cannot deliver"),
    "fit.m.problem_quarters_help": (
        "Quartale ab dem aktuellen, in denen der Aufwand aller Key Accounts die Kapazität übersteigt oder keine "
        "Kapazität erfasst ist.",
        "Quarters from the current one on in which the effort of all key accounts exceeds the capacity, or no "
        "capacity is recorded.",
    ),
    "fit.m.peak": ("Höchste Auslastung", "Peak utilisation"),
    "fit.m.peak_help": (
        "Höchster Wert von Aufwand ÷ Kapazität ab dem aktuellen Quartal. Ab 90 % gilt ein Quartal als knapp.",
        "Highest effort ÷ capacity from the current quarter on. From 90 % a quarter counts as tight.",
    ),
    "fit.m.account_load": ("Aufwand dieses Kontos", "This account's effort"),
    "fit.m.account_load_help": (
        "Personentage, die das Neugeschäft dieses Kontos ab dem aktuellen Quartal bindet.",
        "Person-days this account's new business takes from the current quarter on.",
    ),
    "fit.m.account_load_caption": ("{share} des gesamten Aufwands", "{share} of the total effort"),
    "fit.m.unplanned": ("Ohne Zeitplan", "Not scheduled"),
    "fit.m.unplanned_help": (
        "Geschäftsmöglichkeiten aller Konten ohne Aufwand, Start oder Dauer: Sie fehlen in der Kapazitätsprüfung.",
        "Opportunities of all accounts without effort, start or duration: they are missing from the capacity check.",
    ),
    "fit.capacity_ok": (
        "Ab dem aktuellen Quartal reicht unsere Kapazität für alle geplanten Key-Account-Projekte.",
        "From the current quarter on our capacity covers all planned key-account projects.",
    ),
    "fit.capacity_problem": (
        "In diesen Quartalen können wir nicht liefern: {quarters}. Verschieben Sie Vorhaben, erhöhen Sie die "
        "Kapazität – oder sagen Sie nichts zu, was wir nicht mit Leben füllen können.",
        "We cannot deliver in these quarters: {quarters}. Move projects, raise capacity — or do not promise what we "
        "cannot fill with life.",
    ),
    "fit.capacity_missing": (
        "Für diese Quartale ist Aufwand geplant, aber keine Kapazität erfasst: {quarters}. Ohne freigegebene "
        "Kapazität ist die Lieferung nicht gesichert – die Administration plant sie unten ein.",
        "Effort is planned but no capacity is recorded for these quarters: {quarters}. Without released capacity "
        "delivery is not secured — administrators plan it below.",
    ),
    "fit.unplanned_list": ("Ohne Zeitplan: {items}", "Not scheduled: {items}"),
    "fit.col.quarter": ("Quartal", "Quarter"),
    "fit.col.demand": ("Aufwand (PT)", "Effort (person-days)"),
    "fit.col.this_account": ("davon dieses Konto", "of which this account"),
    "fit.col.capacity": ("Kapazität (PT)", "Capacity (person-days)"),
    "fit.col.utilisation": ("Auslastung", "Utilisation"),
    "fit.col.status": ("Bewertung", "Assessment"),
    "fit.capacity.status.ok": ("machbar", "feasible"),
    "fit.capacity.status.tight": ("knapp (≥ 90 %)", "tight (≥ 90 %)"),
    "fit.capacity.status.over": ("über Kapazität", "over capacity"),
    "fit.capacity.status.no_capacity": ("keine Kapazität erfasst", "no capacity recorded"),
    "fit.capacity.not_recorded": ("noch nicht erfasst", "not recorded yet"),
    # our side
    "fit.ours_title": (
        "5 · Unsere Seite: Fähigkeiten und Lieferkapazität",
        "5 · Our side: capabilities and delivery capacity",
    ),
    "fit.ours_caption": (
        "Für alle Konten gleich und von der Administration gepflegt: die Spalten der Fit-Matrix und die "
        "Personentage je Quartal für Key-Account-Projekte.",
        "The same for every account and maintained by administrators: the columns of the fit matrix and the "
        "person-days per quarter for key-account projects.",
    ),
    "fit.ours_caption_admin": (
        "Sie pflegen diese Daten als Administrator für alle Konten: Änderungen wirken auf jede Fit-Matrix und die "
        "Kapazitätsprüfung.",
        "As an administrator you maintain this for all accounts: changes affect every fit matrix and the capacity "
        "check.",
    ),
    "fit.col.cap": ("Fähigkeit", "Capability"),
    "fit.col.cap_description": ("Beschreibung", "Description"),
    "fit.col.strength": ("Stärke", "Strength"),
    "fit.col.project": ("Projektfähigkeit", "Project capability"),
    "fit.col.changed": ("Zuletzt geändert", "Last changed"),
    "fit.col.capacity_note": ("Notiz", "Note"),
    "fit.yes": ("ja", "yes"),
    "fit.no": ("nein", "no"),
    "fit.capacity_none": ("Noch keine Lieferkapazität erfasst.", "No delivery capacity recorded yet."),
    "fit.capacity_none_next": (
        "Administratoren erfassen die Personentage je Quartal für Key-Account-Projekte unten.",
        "Administrators record the person-days per quarter for key-account projects below.",
    ),
    "fit.next_step": ("Weiter: Schritt 3 – Value Proposition", "Next: step 3 — value proposition"),
}
