"""Step 2, the strategic fit (/fit): fit matrix and score, fit against size, new business, delivery capacity,
our capabilities; the vocabulary of opportunity types."""

MESSAGES = {
    "enum.opportunity.product": ("Produkt", "Product"),
    "enum.opportunity.joint_project": ("Gemeinsames Projekt", "Joint project"),
    "enum.opportunity.service": ("Service", "Service"),
    "enum.opportunity.new_market": ("Neuer Markt", "New market"),
    "enum.opportunity.new_region": ("Neue Region", "New region"),
    # headline
    "fit.m.score": ("Strategischer Fit (0–100)", "Strategic fit (0–100)"),
    "fit.m.score_help": (
        "Fit = 100 × Σ (Gewicht der Priorität × beste Bewertung, die eine unserer Fähigkeiten für sie erreicht) ÷ "
        "(3 × Σ Gewichte). Eine Priorität gilt als bedient, wenn eine Fähigkeit sie gut bedient; unbewertete "
        "Prioritäten zählen 0. 100 = jede Priorität stark bedient (3). Dieselbe Zahl zeigt das Portfolio.",
        "Fit = 100 × Σ (priority weight × best score any of our capabilities reaches for it) ÷ (3 × Σ weights). A "
        "priority counts as served when one capability serves it well; unscored priorities count 0. 100 = every "
        "priority strongly served (3). The portfolio shows the same number.",
    ),
    "fit.m.rank": ("Rang im Portfolio", "Rank in the portfolio"),
    "fit.m.rank_value": ("{rank}. von {n}", "{rank} of {n}"),
    "fit.m.rank_help": (
        "Rang des Fit-Scores unter allen Kunden, deren Fit bewertet ist (1 = bester Fit).",
        "Rank of the fit score among all customers whose fit is assessed (1 = best fit).",
    ),
    "fit.m.scored": ("Prioritäten bewertet", "Priorities scored"),
    "fit.m.scored_value": ("{n} von {total}", "{n} of {total}"),
    "fit.m.scored_help": (
        "Prioritäten mit mindestens einer bewerteten Zelle. Unbewertete zählen im Fit-Score als 0 – der Score "
        "unterschätzt den Fit, bis alle bewertet sind.",
        "Priorities with at least one scored cell. Unscored ones count 0 in the fit score — the score understates "
        "the fit until all are scored.",
    ),
    "fit.m.new_business": ("Neugeschäft: Kundennutzen", "New business: customer value"),
    "fit.m.new_business_help": (
        "Summe des jährlichen Nutzens für den Kunden über alle Geschäftsmöglichkeiten dieses Kontos (unten).",
        "Sum of the yearly benefit to the customer over all of this account's opportunities (below).",
    ),
    "fit.m.new_business_caption": ("unser Umsatz {revenue} pro Jahr", "our revenue {revenue} per year"),
    # matrix
    "fit.matrix_title": (
        "1 · Fit-Matrix: Prioritäten des Kunden × unsere Fähigkeiten",
        "1 · Fit matrix: customer priorities × our capabilities",
    ),
    "fit.matrix_caption": (
        "Wo trifft unsere Fähigkeit auf seine Prioritäten? 0 = kein Beitrag, 1 = gering, 2 = deutlich, 3 = stark. "
        "Leere Zellen sind noch nicht bewertet. Fahren Sie über eine Zelle für die Notiz.",
        "Where does our capability meet its priorities? 0 = no contribution, 1 = little, 2 = clear, 3 = strong. "
        "Empty cells are not scored yet. Hover over a cell for its note.",
    ),
    "fit.no_priorities": (
        "Ohne gewichtete Prioritäten des Kunden gibt es keine Fit-Matrix.",
        "Without the customer's weighted priorities there is no fit matrix.",
    ),
    "fit.no_priorities_next": (
        "Erfassen Sie zuerst die Strategie des Kunden (Schritt 1) mit seinen gewichteten Prioritäten.",
        "First record the customer's strategy (step 1) with its weighted priorities.",
    ),
    "fit.to_strategy": ("Zu Schritt 1 – Kundenstrategie", "To step 1 — customer strategy"),
    "fit.no_capabilities": (
        "Unsere strategischen Fähigkeiten sind noch nicht erfasst.",
        "Our strategic capabilities are not recorded yet.",
    ),
    "fit.no_capabilities_next": (
        "Administratoren legen sie unten unter „Unsere Seite“ an – sie sind die Spalten jeder Fit-Matrix.",
        "Administrators add them below under 'Our side' — they are the columns of every fit matrix.",
    ),
    "fit.unscored": (
        "{n} Priorität(en) noch ohne Bewertung: {items}. Sie zählen als 0 – der Fit-Score ist bis dahin zu niedrig.",
        "{n} priority(ies) not scored yet: {items}. They count as 0 — until then the fit score is too low.",
    ),
    "fit.formula": (
        "Fit = 100 × Σ Gewicht × beste Bewertung ÷ (3 × Σ Gewichte). Jede Priorität kann höchstens ihren "
        "Gewichtsanteil beitragen (grau: noch nicht erreicht).",
        "Fit = 100 × Σ weight × best score ÷ (3 × Σ weights). Each priority can add at most its share of the "
        "weight (grey: not reached yet).",
    ),
    "fit.formula_title": ("**So entsteht der Fit-Score**", "**How the fit score is built**"),
    "fit.best_match": (
        "{priority} ({share}): beste Bewertung {score} durch {capability} → {points} Punkte",
        "{priority} ({share}): best score {score} from {capability} → {points} points",
    ),
    "fit.m.effort_caption": ("interne Kosten {cost}", "internal cost {cost}"),
    "fit.cell.0": ("0 kein Beitrag", "0 no contribution"),
    "fit.cell.1": ("1 gering", "1 little"),
    "fit.cell.2": ("2 deutlich", "2 clear"),
    "fit.cell.3": ("3 stark", "3 strong"),
    # fit against size
    "fit.size_title": ("2 · Sagt die Größe den Fit voraus?", "2 · Does size predict fit?"),
    "fit.size_caption": (
        "Alle Kunden mit bewertetem Fit; Größe = Umsatz {start} – {end}. Die Methode sagt: Größe allein ist kein Fit.",
        "Every customer with an assessed fit; size = revenue {start} – {end}. The method says: size alone is no fit.",
    ),
    "fit.size_no_financials": ("Es liegen noch keine Monatszahlen vor.", "There are no monthly figures yet."),
    "fit.size_no_financials_next": (
        "Importieren Sie Monatszahlen (Verwaltung → Import), dann erscheint hier Fit gegen Größe.",
        "Import monthly figures (Administration → Import); fit against size then appears here.",
    ),
    "fit.m.rho": ("Rangkorrelation Größe ↔ Fit", "Rank correlation size ↔ fit"),
    "fit.m.rho_help": (
        "Spearmans ρ zwischen Umsatz der letzten 12 Monate und Fit-Score über alle bewerteten Kunden: −1 bis +1, "
        "0 = kein Zusammenhang. Rangbasiert, damit wenige sehr große Kunden das Ergebnis nicht bestimmen. p = "
        "Wahrscheinlichkeit, ein so starkes ρ ohne echten Zusammenhang zu sehen.",
        "Spearman's ρ between revenue over the last 12 months and fit score over all assessed customers: −1 to +1, "
        "0 = no relation. Rank-based, so that a few very large customers do not decide the result. p = the "
        "probability of seeing so strong a ρ without a real relation.",
    ),
    "fit.m.rho_caption": ("n = {n} Kunden · p = {p}", "n = {n} customers · p = {p}"),
    "fit.m.rho_caption_n": ("n = {n} Kunden", "n = {n} customers"),
    "fit.verdict.too_few": (
        "Zu wenige Kunden mit Fit und Umsatz ({n}) für eine Aussage – mindestens fünf sind nötig.",
        "Too few customers with fit and revenue ({n}) to say — at least five are needed.",
    ),
    "fit.verdict.none": (
        "Nein. Über {n} Kunden sagt die Größe den Fit nicht voraus – wählen Sie Key Accounts nach Fit, nicht nach Umsatz.",
        "No. Across {n} customers size does not predict fit — choose key accounts by fit, not by revenue.",
    ),
    "fit.verdict.moderate": (
        "Nur bedingt: mäßiger Zusammenhang über {n} Kunden.",
        "Only partly: a moderate relation across {n} customers.",
    ),
    "fit.verdict.strong": ("Deutlicher Zusammenhang über {n} Kunden.", "A clear relation across {n} customers."),
    "fit.verdict.direction_pos": ("Größere Kunden passen eher besser.", "Larger customers tend to fit better."),
    "fit.verdict.direction_neg": ("Größere Kunden passen eher schlechter.", "Larger customers tend to fit worse."),
    "fit.verdict.not_significant": (
        "Statistisch nicht gesichert (p ≥ 0,05) – Fit je Kunde prüfen.",
        "Not statistically established (p ≥ 0.05) — check fit customer by customer.",
    ),
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
        "{n} Geschäftsmöglichkeit(en) brauchen eine Fähigkeit, in der wir keine zuverlässigen Projekte fahren oder "
        "schwach sind. Klären Sie die Lieferfähigkeit, bevor Sie sie anbieten.",
        "{n} opportunity(ies) need a capability in which we do not run projects reliably or are weak. Settle how "
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
    # charts
    "fit.chart.unscored": ("nicht bewertet", "not scored"),
    "fit.chart.score": ("Bewertung", "Score"),
    "fit.chart.colorbar": ("Fit (0–3)", "Fit (0–3)"),
    "fit.chart.matrix_title": ("Fit-Matrix (Zellen 0–3)", "Fit matrix (cells 0–3)"),
    "fit.chart.matrix_x": ("Unsere strategischen Fähigkeiten", "Our strategic capabilities"),
    "fit.chart.matrix_y": ("Prioritäten des Kunden (Gewichtsanteil)", "Customer priorities (share of weight)"),
    "fit.chart.points_reached": ("erreicht", "reached"),
    "fit.chart.points_missed": ("möglich", "possible"),
    "fit.chart.breakdown_title": (
        "Beitrag je Priorität zum Fit-Score",
        "Contribution of each priority to the fit score",
    ),
    "fit.chart.breakdown_axis": ("Punkte (Summe = Fit-Score)", "Points (sum = fit score)"),
    "fit.chart.fit": ("Fit", "Fit"),
    "fit.chart.revenue": ("Umsatz 12 Monate", "Revenue 12 months"),
    "fit.chart.this_account": ("dieses Konto", "this account"),
    "fit.chart.size_title": ("Fit gegen Kundengröße", "Fit against customer size"),
    "fit.chart.size_rho": ("Spearman ρ = {rho}", "Spearman ρ = {rho}"),
    "fit.chart.size_x": ("Umsatz der letzten 12 Monate (EUR, log. Skala)", "Revenue, last 12 months (EUR, log scale)"),
    "fit.chart.size_y": ("Strategischer Fit (0–100)", "Strategic fit (0–100)"),
    "fit.chart.customer_value": ("Kundennutzen", "Customer value"),
    "fit.chart.our_revenue": ("Unser Umsatz", "Our revenue"),
    "fit.chart.by_type_title": ("Neugeschäft nach Art (pro Jahr)", "New business by type (per year)"),
    "fit.chart.by_type_x": ("Art des Neugeschäfts", "Type of new business"),
    "fit.chart.eur_per_year": ("EUR pro Jahr", "EUR per year"),
    "fit.chart.other_accounts": ("übrige Key Accounts", "other key accounts"),
    "fit.chart.pd_short": ("PT", "PD"),
    "fit.chart.capacity": ("Kapazität", "Capacity"),
    "fit.chart.flagged": ("knapp / nicht lieferbar", "tight / cannot deliver"),
    "fit.chart.now": ("aktuelles Quartal", "current quarter"),
    "fit.chart.capacity_title": (
        "Interner Aufwand aller Key Accounts gegen unsere Kapazität",
        "Internal effort of all key accounts against our capacity",
    ),
    "fit.chart.quarter": ("Quartal", "Quarter"),
    "fit.chart.person_days": ("Personentage je Quartal", "Person-days per quarter"),
    # form fields
    "fit.field.score": ("Bewertung", "Score"),
    "fit.field.score_help": (
        "Wie stark trägt diese Fähigkeit zu dieser Priorität des Kunden bei?",
        "How strongly does this capability contribute to this priority of the customer?",
    ),
    "fit.field.note": ("Notiz", "Note"),
    "fit.field.note_help": ("Warum diese Bewertung?", "Why this score?"),
    "fit.field.cap_name": ("Fähigkeit", "Capability"),
    "fit.field.cap_description": ("Beschreibung", "Description"),
    "fit.field.strength": ("Stärke heute (1–5)", "Strength today (1–5)"),
    "fit.field.strength_help": ("Wie gut sind wir darin heute?", "How good are we at it today?"),
    "fit.field.is_project": ("Projektfähigkeit", "Project capability"),
    "fit.field.is_project_help": (
        "Führen wir Projekte dieser Art zuverlässig durch?",
        "Do we run projects of this kind reliably?",
    ),
    "fit.field.person_days": ("Kapazität (Personentage)", "Capacity (person-days)"),
    "fit.field.person_days_help": (
        "Personentage, die im Quartal für Key-Account-Projekte zur Verfügung stehen.",
        "Person-days available for key-account projects in the quarter.",
    ),
    "fit.field.capacity_note": ("Notiz", "Note"),
    "fit.field.title": ("Titel", "Title"),
    "fit.field.type": ("Art", "Type"),
    "fit.field.customer_value": ("Kundennutzen (EUR/Jahr)", "Customer value (EUR/yr)"),
    "fit.field.customer_value_help": (
        "Quantifizierter Nutzen für den Kunden pro Jahr.",
        "Quantified benefit to the customer per year.",
    ),
    "fit.field.our_revenue": ("Unser Umsatz (EUR/Jahr)", "Our revenue (EUR/yr)"),
    "fit.field.our_revenue_help": ("Unser zusätzlicher Umsatz pro Jahr.", "Our additional revenue per year."),
    "fit.field.margin": ("Deckungsbeitrag (%)", "Contribution margin (%)"),
    "fit.field.margin_help": (
        "Unser Deckungsbeitrag auf diesen Umsatz, vor dem Projektaufwand.",
        "Our contribution margin on that revenue, before the project effort.",
    ),
    "fit.field.effort_days": ("Aufwand (Personentage)", "Effort (person-days)"),
    "fit.field.effort_days_help": (
        "Unser interner Aufwand für die Umsetzung – gezählt in der Kapazitätsprüfung.",
        "Our internal effort to deliver it — counted in the capacity check.",
    ),
    "fit.field.effort_cost": ("Aufwandskosten (EUR)", "Effort cost (EUR)"),
    "fit.field.effort_cost_help": (
        "Was der Aufwand uns tatsächlich kostet (einmalig) – der Gewinn in Schritt 3 ist netto davon.",
        "What the effort really costs us (one-off) — the profit in step 3 is net of it.",
    ),
    "fit.field.start": ("Start (Monat)", "Start (month)"),
    "fit.field.start_help": ("Gespeichert wird der Monat.", "The month is stored."),
    "fit.field.duration": ("Dauer (Monate)", "Duration (months)"),
    "fit.field.duration_help": (
        "Laufzeit der Umsetzung; der Aufwand wird gleichmäßig darauf verteilt.",
        "How long delivery runs; the effort is spread evenly over it.",
    ),
    "fit.field.capability": ("Benötigte Fähigkeit", "Capability needed"),
    "fit.field.capability_help": (
        "Welche unserer Fähigkeiten das Projekt braucht.",
        "Which of our capabilities the project needs.",
    ),
    "fit.field.copy_risk": ("Kopierrisiko (1–5)", "Copy risk (1–5)"),
    "fit.field.copy_risk_help": (
        "1 = für Wettbewerber schwer nachzubilden, 5 = leicht zu kopieren.",
        "1 = hard for competitors to copy, 5 = easy to copy.",
    ),
    "fit.field.copy_reason": ("Warum (Kopierrisiko)", "Why (copy risk)"),
    "fit.field.copy_reason_help": (
        "Z. B. Engpässe der Wettbewerber bei Ressourcen, unser exklusiver Zugang.",
        "E.g. competitors' resource bottlenecks, our exclusive access.",
    ),
    "fit.field.description": ("Beschreibung", "Description"),
}
