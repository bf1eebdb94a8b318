"""Step 1 (/strategy): the sections (forces, markets, components, priorities), charts and form fields."""

MESSAGES = {
    # sections (the tabs' short labels, then each section's title)
    "strategy.tab.forces": ("1 · Wettbewerbskräfte", "1 · Competitive forces"),
    "strategy.tab.markets": ("2 · Kunden und Märkte", "2 · Customers and markets"),
    "strategy.tab.components": ("3 · Womit er sich abhebt", "3 · What sets it apart"),
    "strategy.tab.priorities": ("4 · Prioritäten", "4 · Priorities"),
    "strategy.forces_title": (
        "1 · Wettbewerbskräfte auf den Kunden (Porter)",
        "1 · Competitive forces on the customer (Porter)",
    ),
    "strategy.forces_caption": (
        "Versetzen Sie sich in die Lage des Kunden: Welche Kräfte bestimmen seinen Wettbewerb? 1 = schwach, 5 = stark; "
        "jede Bewertung mit Beleg.",
        "Put yourself in the customer's position: which forces shape its competition? 1 = weak, 5 = strong; each "
        "score with evidence.",
    ),
    "strategy.forces_empty": ("Noch keine Kraft bewertet.", "No force scored yet."),
    "strategy.forces_empty_next": (
        "Bewerten Sie jede der fünf Kräfte von 1 bis 5 mit Beleg (rechts „Bearbeiten“).",
        "Score each of the five forces from 1 to 5 with evidence ('Edit' on the right).",
    ),
    "strategy.not_scored": ("nicht bewertet", "not scored"),
    "strategy.forces_chart": ("Die fünf Kräfte als Netzdiagramm", "The five forces as a radar chart"),
    "strategy.force_line": ("**{force}: {score}** — {evidence}", "**{force}: {score}** — {evidence}"),
    "strategy.no_evidence": ("ohne Beleg", "no evidence"),
    "strategy.col.changed": ("Zuletzt geändert", "Last changed"),
    "strategy.markets_title": (
        "2 · Die Kunden des Kunden und seine Märkte",
        "2 · The customer's own customers and markets",
    ),
    "strategy.markets_caption": (
        "Wer kauft beim Kunden, was verlangen diese Abnehmer, und wohin entwickelt sich ihr Bedarf?",
        "Who buys from the customer, what do they demand, and where is their demand heading?",
    ),
    "strategy.markets_empty": (
        "Noch keine Kunden oder Märkte des Kunden erfasst.",
        "None of the customer's customers or markets recorded yet.",
    ),
    "strategy.markets_empty_next": (
        "Erfassen Sie mindestens zwei wichtige Abnehmer oder Märkte mit ihrem Bedarf und Trend.",
        "Record at least two important buyers or markets with their demand and trend.",
    ),
    "strategy.markets_no_share": (
        "Für keinen Markt ist ein Anteil am Geschäft erfasst – daher kein Diagramm.",
        "No market has a share of the business recorded — hence no chart.",
    ),
    "strategy.col.market": ("Kunde / Markt", "Customer / market"),
    "strategy.col.demand": ("Bedarf", "Demand"),
    "strategy.col.trend": ("Trend", "Trend"),
    "strategy.col.share": ("Anteil", "Share"),
    "strategy.trend_unknown": ("Trend unbekannt", "trend unknown"),
    "strategy.components_title": ("3 · Womit sich der Kunde abhebt", "3 · What sets the customer apart"),
    "strategy.components_caption": (
        "Leistungen, die der Kunde seinem Markt exklusiv oder in überlegener Form anbietet – der Kern seiner Strategie.",
        "Offerings the customer provides to its market exclusively or in superior form — the core of its strategy.",
    ),
    "strategy.components_empty": (
        "Noch keine unterscheidenden Komponenten gefunden. Fragen Sie: Was bietet der Kunde exklusiv oder besser als "
        "seine Wettbewerber an, und was sichert ihm das Überleben im Wettbewerb? Ohne diese Antwort ist die Strategie "
        "nicht verstanden.",
        "No distinguishing components found yet. Ask: what does the customer offer exclusively or better than its "
        "competitors, and what secures its survival in competition? Without that answer its strategy is not "
        "understood.",
    ),
    "strategy.col.component": ("Komponente", "Component"),
    "strategy.col.description": ("Beschreibung", "Description"),
    "strategy.col.kind": ("Art", "Kind"),
    "strategy.exclusive": ("exklusiv", "exclusive"),
    "strategy.superior": ("überlegen", "superior"),
    "strategy.priorities_title": ("4 · Gewichtete strategische Prioritäten", "4 · Weighted strategic priorities"),
    "strategy.priorities_caption": (
        "Was wird für den Kunden künftig besonders wichtig? Die Gewichte sind relativ; der Anteil ergibt sich aus der "
        "Summe. Diese Prioritäten sind die Zeilen der Fit-Matrix.",
        "What will matter most to the customer in future? Weights are relative; the share follows from their sum. "
        "These priorities are the rows of the fit matrix.",
    ),
    "strategy.priorities_empty": ("Noch keine Prioritäten erfasst.", "No priorities recorded yet."),
    "strategy.priorities_empty_next": (
        "Leiten Sie aus den Kräften und den Kunden des Kunden drei bis sechs Prioritäten ab und gewichten Sie sie.",
        "Derive three to six priorities from the forces and the customer's customers, and weight them.",
    ),
    "strategy.col.priority": ("Priorität", "Priority"),
    "strategy.col.weight": ("Gewicht", "Weight"),
    "strategy.col.weight_share": ("Anteil", "Share"),
    "strategy.next_step": ("Weiter: Schritt 2 – Strategischer Fit", "Next: step 2 — strategic fit"),
    # charts
    "strategy.chart.forces_title": (
        "Stärke der Kräfte, 1 (schwach) bis 5 (stark) · {n} von 5 bewertet",
        "Strength of the forces, 1 (weak) to 5 (strong) · {n} of 5 scored",
    ),
    "strategy.chart.forces_series": ("Stärke", "Strength"),
    "strategy.chart.weight": ("Gewicht", "Weight"),
    "strategy.chart.priorities_title": ("Prioritäten nach Gewichtsanteil", "Priorities by share of weight"),
    "strategy.chart.priorities_axis": ("Anteil am Gesamtgewicht (%)", "Share of total weight (%)"),
    "strategy.chart.markets_title": ("Anteil am Geschäft des Kunden", "Share of the customer's business"),
    "strategy.chart.markets_axis": ("Anteil (%)", "Share (%)"),
    "strategy.chart.trend": ("Trend", "Trend"),
    # form fields
    "strategy.field.score": ("Stärke (1 = schwach, 5 = stark)", "Strength (1 = weak, 5 = strong)"),
    "strategy.field.score_help": (
        "Wie stark wirkt diese Kraft auf den Wettbewerb des Kunden?",
        "How strongly does this force act on the customer's competition?",
    ),
    "strategy.field.evidence": ("Beleg", "Evidence"),
    "strategy.field.evidence_help": (
        "Woran machen Sie die Bewertung fest (Fakten, Quellen)?",
        "What is the score based on (facts, sources)?",
    ),
    "strategy.field.market_name": ("Kunde oder Markt des Kunden", "Customer's customer or market"),
    "strategy.field.market_name_help": ("Wer kauft beim Kunden?", "Who buys from the customer?"),
    "strategy.field.demand": ("Was verlangen sie?", "What do they demand?"),
    "strategy.field.demand_help": (
        "Die Anforderungen dieser Abnehmer an den Kunden.",
        "What these buyers require from the customer.",
    ),
    "strategy.field.trend": ("Trend", "Trend"),
    "strategy.field.share_pct": ("Anteil am Geschäft des Kunden (%)", "Share of the customer's business (%)"),
    "strategy.field.share_pct_help": ("0 bis 100, falls bekannt.", "0 to 100, if known."),
    "strategy.field.component": ("Komponente", "Component"),
    "strategy.field.component_help": (
        "Eine Leistung, mit der sich der Kunde von seinen Wettbewerbern abhebt.",
        "An offering with which the customer stands out from its competitors.",
    ),
    "strategy.field.description": ("Beschreibung", "Description"),
    "strategy.field.exclusive": ("Exklusiv (sonst: überlegen)", "Exclusive (otherwise: superior)"),
    "strategy.field.exclusive_help": (
        "Bietet der Kunde das als Einziger an, oder nur besser als andere?",
        "Is the customer the only one to offer it, or does it just offer it better?",
    ),
    "strategy.field.priority": ("Priorität", "Priority"),
    "strategy.field.priority_help": (
        "Was für den Kunden künftig besonders wichtig wird.",
        "What will matter most to the customer in future.",
    ),
    "strategy.field.weight": ("Gewicht", "Weight"),
    "strategy.field.weight_help": (
        "Relatives Gewicht > 0 (z. B. Punkte von 100). Der Anteil ergibt sich aus der Summe aller Gewichte.",
        "Relative weight > 0 (e.g. points out of 100). The share follows from the sum of all weights.",
    ),
    "strategy.field.sort_order": ("Reihenfolge", "Order"),
    "strategy.field.sort_order_help": ("Kleinere Zahlen stehen oben.", "Smaller numbers come first."),
}
