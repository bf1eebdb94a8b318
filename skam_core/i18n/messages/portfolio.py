"""The portfolio page, its charts and table, and the account card."""

MESSAGES = {
    "portfolio.window": (
        "Letzte 12 Monate mit Zahlen: {start} – {end} · {customers} Kunden",
        "Last 12 months with figures: {start} – {end} · {customers} customers",
    ),
    "portfolio.no_financials": ("Es liegen noch keine Monatszahlen vor.", "There are no monthly figures yet."),
    "portfolio.no_financials_next": (
        "Importieren Sie Kunden und Monatszahlen unter Verwaltung → Import oder mit "
        "`python -m skam_core import financials DATEI`; Reihenfolge, Historie mit `--known-since` und nächtlicher "
        "Import: Anleitung docs/moving-in.md. Nur ansehen? Starten Sie das Dashboard mit `SKAM_DEMO=1` und einer "
        "neuen Datei (`SKAM_DB=data/demo.duckdb`): es füllt sie mit der Demo-Firma.",
        "Import customers and monthly figures under Administration → Import or with "
        "`python -m skam_core import financials FILE`; the order, a history load with `--known-since` and the "
        "nightly job: guide docs/moving-in.md. Just looking? Start the dashboard with `SKAM_DEMO=1` and a new "
        "file (`SKAM_DB=data/demo.duckdb`): it fills it with the demo company.",
    ),
    "portfolio.no_fit": (
        "Für noch kein Konto ist der strategische Fit bewertet.",
        "No account has a strategic-fit assessment yet.",
    ),
    "portfolio.no_fit_next": (
        "Bewerten Sie die Prioritäten eines Kunden gegen unsere Fähigkeiten (Schritt 2).",
        "Score a customer's priorities against our capabilities (step 2).",
    ),
    "portfolio.no_accounts": (
        "Noch keine Key Accounts. Setzen Sie bei einem Kunden die SKAM-Stufe (Import oder Verwaltung).",
        "No key accounts yet. Set a customer's SKAM stage (import or administration).",
    ),
    "portfolio.fit_size_hint": (
        "Klicken Sie auf eine Blase, um das Konto zu öffnen. Größe allein ist kein Fit: große Kunden links oben "
        "sind keine guten SKAM-Kandidaten.",
        "Click a bubble to open that account. Size alone is no fit: big customers top left are poor SKAM candidates.",
    ),
    "portfolio.table_title": ("Key Accounts", "Key accounts"),
    "portfolio.table_caption": (
        "Key Accounts: ein Klick auf eine Spaltenüberschrift sortiert, ein Klick auf eine Zeile öffnet das Konto.",
        "Key accounts: click a column header to sort, a row to open the account.",
    ),
    "portfolio.table_hint": (
        "Klick auf eine Spaltenüberschrift sortiert (noch einmal: umgekehrt), Klick auf eine Zeile zeigt das Konto oben.",
        "Click a column header to sort (again: the other way), a row to show the account above.",
    ),
    "portfolio.table_open": ("{name} öffnen", "Open {name}"),
    "portfolio.m.key_accounts": ("Key Accounts", "Key accounts"),
    "portfolio.m.key_accounts_help": (
        "Kunden mit einer SKAM-Stufe (Kandidat bis Umsetzung). Verteilung auf die Stufen: Diagramm rechts.",
        "Customers with a SKAM stage (candidate to implementation). Split by stage: chart on the right.",
    ),
    "portfolio.m.in_implementation": ("davon {n} in der Umsetzung", "{n} of them in implementation"),
    "portfolio.m.revenue_share": ("Umsatzanteil KA", "Key-account share"),
    "portfolio.m.revenue_share_help": (
        "Umsatz aller Key Accounts (alle Stufen) ÷ Umsatz aller Kunden, letzte 12 Monate mit Zahlen.",
        "Revenue of all key accounts (every stage) ÷ revenue of all customers, last 12 months with figures.",
    ),
    "portfolio.m.skam_margin": ("Umsatzrendite SKAM", "Margin, SKAM"),
    "portfolio.m.skam_margin_help": (
        "Relatives Betriebsergebnis (Umsatzrendite) = Summe Betriebsergebnis ÷ Summe Umsatz der SKAM-Konten (SKAM-Start bis zum Stichtag), letzte 12 Monate.",
        "Relative operating profit (margin) = sum of operating profit ÷ sum of revenue of the SKAM accounts (SKAM start on or before the as-of date), "
        "last 12 months.",
    ),
    "portfolio.m.others_margin": ("Umsatzrendite übrige", "Margin, others"),
    "portfolio.m.others_margin_help": (
        "Summe Betriebsergebnis ÷ Summe Umsatz aller übrigen Kunden, letzte 12 Monate.",
        "Sum of operating profit ÷ sum of revenue of all other customers, last 12 months.",
    ),
    "portfolio.m.accounts": ("{n} Kunden", "{n} customers"),
    "portfolio.m.ratio": ("SKAM ÷ übrige", "SKAM ÷ others"),
    "portfolio.m.ratio_help": (
        "Rel. Betriebsergebnis der SKAM-Konten ÷ rel. Betriebsergebnis der übrigen Kunden. Die Methode erwartet etwa 2×. "
        "Ob SKAM die Ursache ist, zeigt der Ergebnis-Effekt (Differenz-von-Differenzen).",
        "Relative operating profit of SKAM accounts ÷ that of all other customers. The method expects about 2×. "
        "Whether SKAM is the cause is what the profit effect (difference-in-differences) shows.",
    ),
    "portfolio.m.ratio_caption": ("Erwartung der Methode: ≈ 2×", "The method expects ≈ 2×"),
    # charts
    "chart.fit": ("Fit", "Fit"),
    "chart.stage": ("Stufe", "Stage"),
    "chart.revenue_12m": ("Umsatz 12 Monate", "Revenue 12 months"),
    "chart.margin": ("Rel. Betriebsergebnis", "Relative operating profit"),
    "chart.good_fit_threshold": ("guter Fit ab 60", "good fit from 60"),
    "chart.fit_size_title": ("Strategischer Fit gegen Kundengröße", "Strategic fit against customer size"),
    "chart.fit_axis": ("Strategischer Fit (0–100 Punkte)", "Strategic fit (0–100 points)"),
    "chart.revenue_axis": ("Umsatz letzte 12 Monate (EUR, log. Skala)", "Revenue last 12 months (EUR, log scale)"),
    "chart.stages_title": ("Key Accounts je SKAM-Stufe", "Key accounts per SKAM stage"),
    "chart.accounts_count": ("Anzahl Konten", "Number of accounts"),
    "chart.revenue_month": ("Umsatz je Monat", "Revenue per month"),
    "chart.others_margin": ("übrige Kunden (12 Monate)", "other customers (12 months)"),
    "chart.skam_start": ("SKAM-Start", "SKAM start"),
    "chart.account_trend_title": (
        "{name}: Umsatz und relatives Betriebsergebnis je Monat",
        "{name}: revenue and relative operating profit per month",
    ),
    "chart.revenue_month_axis": ("Umsatz (EUR)", "Revenue (EUR)"),
    "chart.margin_axis": ("Rel. Betriebsergebnis (%)", "Relative operating profit (%)"),
    "chart.month_axis": ("Monat", "Month"),
    # table columns
    "col.account": ("Konto", "Account"),
    "col.customer_id": ("Kunden-Nr.", "Customer ID"),
    "col.stage": ("Stufe", "Stage"),
    "col.fit": ("Fit", "Fit"),
    "col.fit_help": (
        "Strategischer Fit 0–100: je Kundenpriorität die beste Übereinstimmung mit unseren Fähigkeiten (0–3), "
        "gewichtet mit dem Gewicht der Priorität: 100 × Σ Gewicht × beste Bewertung ÷ (3 × Σ Gewicht).",
        "Strategic fit 0–100: for each customer priority the best match with our capabilities (0–3), weighted by "
        "the priority's weight: 100 × Σ weight × best score ÷ (3 × Σ weight).",
    ),
    "col.revenue_12m": ("Umsatz 12 Monate", "Revenue 12 months"),
    "col.margin_12m": ("Relatives Betriebsergebnis 12 Monate", "Margin 12 months"),
    "col.account_manager": ("Key Account Manager", "Account manager"),
    "col.skam_start": ("SKAM-Start", "SKAM start"),
    "col.ms_done": ("Meilensteine erledigt", "Milestones done"),
    "col.ms_on_track": ("Meilensteine offen oder im Plan", "Milestones open or on track"),
    "col.ms_on_track_help": (
        "Meilensteine, die noch nicht begonnen haben oder im Plan laufen.",
        "Milestones not started yet or running to plan.",
    ),
    "col.ms_at_risk": ("Meilensteine gefährdet", "Milestones at risk"),
    "col.ms_delayed": ("Meilensteine verzögert", "Milestones delayed"),
    "col.ms_delayed_help": (
        "Meilensteine, die als verzögert gemeldet oder überfällig und nicht erledigt sind.",
        "Milestones reported as delayed, or past due and not done.",
    ),
    # account card
    "card.title": ("Ausgewähltes Konto: {name}", "Selected account: {name}"),
    "card.managed_by": ("betreut von {who}", "managed by {who}"),
    "card.since": ("SKAM seit {day}", "SKAM since {day}"),
    "card.no_financials": (
        "Für dieses Konto liegen keine Monatszahlen vor.",
        "There are no monthly figures for this account.",
    ),
    "card.no_financials_next": (
        "Importieren Sie die Monatszahlen (Verwaltung → Import).",
        "Import the monthly figures (Administration → Import).",
    ),
    "card.revenue_12m": ("Umsatz 12 Monate", "Revenue 12 months"),
    "card.trend_chart": ("Umsatzrendite des Kontos je Monat (Diagramm)", "The account's margin by month (chart)"),
    "card.revenue_12m_help": (
        "Summe des Umsatzes der letzten 12 Monate mit Zahlen.",
        "Sum of revenue over the last 12 months with figures.",
    ),
    "card.margin_12m": ("Rel. Betriebsergebnis 12 Monate", "Relative operating profit 12 months"),
    "card.margin_12m_help": (
        "Betriebsergebnis ÷ Umsatz dieses Kontos, letzte 12 Monate; darunter der Abstand zu allen übrigen Kunden.",
        "Operating profit ÷ revenue of this account, last 12 months; below, the gap to all other customers.",
    ),
    "card.fit": ("Strategischer Fit", "Strategic fit"),
    "card.milestones": ("Meilensteine verzögert / gefährdet", "Milestones delayed / at risk"),
    "card.milestones_help": (
        "Verzögert: als verzögert gemeldet oder überfällig und nicht erledigt. Gefährdet: als gefährdet gemeldet.",
        "Delayed: reported delayed, or past due and not done. At risk: reported at risk.",
    ),
}
