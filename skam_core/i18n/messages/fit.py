"""Step 2, the strategic fit (/fit): the fit matrix and score, fit against size; the vocabulary of opportunity
types. New business and capacity: fit_business; charts and form fields: fit_charts."""

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
        "{n} [[n|Priorität|Prioritäten]] noch ohne Bewertung: {items}. [[n|Sie zählt|Sie zählen]] als 0 – der "
        "Fit-Score ist bis dahin zu niedrig.",
        "{n} [[n|priority|priorities]] not scored yet: {items}. [[n|It counts|They count]] as 0 — until then the "
        "fit score is too low.",
    ),
    "fit.formula": (
        "Fit = 100 × Σ Gewicht × beste Bewertung ÷ (3 × Σ Gewichte). Jede Priorität kann höchstens ihren "
        "Gewichtsanteil beitragen (grau: noch nicht erreicht).",
        "Fit = 100 × Σ weight × best score ÷ (3 × Σ weights). Each priority can add at most its share of the "
        "weight (grey: not reached yet).",
    ),
    "fit.formula_title": ("So entsteht der Fit-Score", "How the fit score is built"),
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
}
