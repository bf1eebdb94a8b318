"""The profit page: SKAM accounts against all other customers, and the measured SKAM effect (the explanation
of the estimate: profit_explanation)."""

MESSAGES = {
    "profit.window": (
        "Letzte 12 Monate mit Zahlen: {start} – {end} · {skam} SKAM-Konten · {others} übrige Kunden",
        "Last 12 months with figures: {start} – {end} · {skam} SKAM accounts · {others} other customers",
    ),
    "profit.no_financials": ("Es liegen noch keine Monatszahlen vor.", "There are no monthly figures yet."),
    "profit.no_financials_next": (
        "Importieren Sie Kunden und Monatszahlen unter Verwaltung → Import oder mit "
        "`python -m skam_core import financials DATEI`.",
        "Import customers and monthly figures under Administration → Import or with "
        "`python -m skam_core import financials FILE`.",
    ),
    "profit.no_skam": (
        "Noch kein Kunde hat einen SKAM-Start (vereinbarten Account-Plan) bis zum Stichtag.",
        "No customer has a SKAM start (an agreed account plan) on or before the as-of date.",
    ),
    "profit.no_skam_next": (
        "Tragen Sie beim Kunden das Datum ein, an dem der Strategic Key Account Plan vereinbart wurde "
        "(Spalte `skam_start` im Kunden-Import). Dann vergleicht diese Seite die SKAM-Konten mit allen übrigen.",
        "Enter the date the Strategic Key Account Plan was agreed with the customer (column `skam_start` in the "
        "customer import). This page then compares the SKAM accounts with all others.",
    ),
    # headline metrics
    "profit.m.skam_margin": ("Umsatzrendite SKAM", "Margin, SKAM"),
    "profit.m.skam_margin_help": (
        "Relatives Betriebsergebnis der SKAM-Konten = Summe Betriebsergebnis ÷ Summe Umsatz über die letzten "
        "12 Monate mit Zahlen. SKAM-Konten: Kunden mit SKAM-Start am oder vor dem Stichtag.",
        "Relative operating profit of the SKAM accounts = sum of operating profit ÷ sum of revenue over the last "
        "12 months with figures. SKAM accounts: customers with a SKAM start on or before the as-of date.",
    ),
    "profit.m.others_margin": ("Umsatzrendite übrige", "Margin, others"),
    "profit.m.others_margin_help": (
        "Summe Betriebsergebnis ÷ Summe Umsatz aller übrigen Kunden über dieselben 12 Monate.",
        "Sum of operating profit ÷ sum of revenue of all other customers over the same 12 months.",
    ),
    "profit.m.accounts": ("{n} Konten", "{n} accounts"),
    "profit.m.customers": ("{n} Kunden", "{n} customers"),
    "profit.m.ratio": ("SKAM ÷ übrige", "SKAM ÷ others"),
    "profit.m.ratio_help": (
        "Umsatzrendite der SKAM-Konten ÷ Umsatzrendite der übrigen Kunden. Die Methode erwartet etwa 2×. Das "
        "Verhältnis enthält auch den Vorsprung, den die Konten schon vor dem Start hatten; den Effekt von SKAM "
        "selbst misst der Ergebnis-Effekt daneben.",
        "Margin of the SKAM accounts ÷ margin of all other customers. The method expects about 2×. The ratio also "
        "contains the lead the accounts had before their start; the effect of SKAM itself is measured next to it.",
    ),
    "profit.m.ratio_caption": ("Erwartung der Methode: ≈ 2×", "The method expects ≈ 2×"),
    "profit.m.effect": ("SKAM-Effekt", "SKAM effect"),
    "profit.m.effect_help": (
        "Differenz-von-Differenzen: Wie stark stieg die Umsatzrendite (Summe Ergebnis ÷ Summe Umsatz) eines "
        "Kontos nach seinem SKAM-Start gegenüber seinen eigenen bis zu 24 Monaten davor, bereinigt um die "
        "Monatseffekte der Kunden ohne SKAM (Kunden- und Monats-Fixeffekte)? Umsatzgewichtetes Mittel über die "
        "SKAM-Konten und ihre bis zu 24 Monate nach dem Start, in Prozentpunkten (Pp.), mit 95-%-Intervall "
        "(Neuziehungsverfahren nach Konto, bei weniger als zwölf Konten Placebo-Verfahren).",
        "Difference-in-differences: how much did an account's margin (sum of profit ÷ sum of revenue) rise after "
        "its SKAM start compared with its own up to 24 months before, net of the month effects of the never-SKAM "
        "customers (customer and month fixed effects)? Revenue-weighted mean over the SKAM accounts and their up "
        "to 24 months after the start, in percentage points (pp), with a 95 % interval (wild cluster bootstrap by "
        "account; placebo method below twelve accounts).",
    ),
    "profit.m.effect_ci": ("95-%-Intervall: {low} bis {high}", "95 % interval: {low} to {high}"),
    "profit.m.months": ("Verbesserung ab", "Improvement from"),
    "profit.m.months_value": ("Monat {k}", "month {k}"),
    "profit.m.months_none": ("noch nicht", "not yet"),
    "profit.m.months_help": (
        "Der erste Monat nach dem Start, ab dem das simultane 95-%-Band der Ereignisstudie drei Monate in Folge "
        "über null liegt. Die Methode erwartet deutliche Verbesserungen nach 9 bis 18 Monaten.",
        "The first month after the start from which the event study's simultaneous 95 % band lies above zero for three "
        "consecutive months. The method expects clear improvement after 9 to 18 months.",
    ),
    "profit.m.months_caption": ("Erwartung der Methode: 9–18 Monate", "The method expects 9–18 months"),
    "profit.m.no_estimate": ("Keine Schätzung", "No estimate"),
    # reasons (did.REASONS keys)
    "profit.reason.no_financials": (
        "Es liegen keine Monatszahlen (zum Stichtag bekannt) vor.",
        "There are no monthly figures (known at the as-of date).",
    ),
    "profit.reason.no_skam_accounts": (
        "Es gibt keine SKAM-Konten (kein Kunde hat einen SKAM-Start am oder vor dem Stichtag).",
        "There are no SKAM accounts (no customer has a SKAM start on or before the as-of date).",
    ),
    "profit.reason.no_controls": (
        "Es gibt keine übrigen Kunden mit Umsatz zum Vergleich.",
        "There are no other customers with revenue to compare with.",
    ),
    "profit.reason.no_pre_post": (
        "Kein SKAM-Konto hat Monate mit Umsatz sowohl vor als auch nach seinem Start.",
        "No SKAM account has months with revenue both before and after its start.",
    ),
    "profit.reason.too_few_accounts": (
        "Weniger als zwei SKAM-Konten haben Monate vor und nach ihrem Start; ein nach Kunden geclustertes "
        "Intervall braucht mindestens zwei. Der Effekt wird geschätzt, sobald ein zweites Konto so weit ist.",
        "Fewer than two SKAM accounts have months before and after their start; an interval clustered by customer "
        "needs at least two. The effect is estimated as soon as a second account gets there.",
    ),
    # table columns
    "profit.col.account": ("Konto", "Account"),
    "profit.col.start": ("SKAM-Start", "SKAM start"),
    "profit.col.months_since": ("Monate seit Start", "Months since start"),
    "profit.col.months_before": ("Monate vorher", "Months before"),
    "profit.col.revenue_before": ("Jahresumsatz vorher", "Annual revenue before"),
    "profit.col.margin_before": ("Umsatzrendite vorher", "Margin before"),
    "profit.col.margin_last": ("Umsatzrendite letzte 12 Monate", "Margin last 12 months"),
    "profit.col.uplift": ("Zuwachs", "Uplift"),
    "profit.col.uplift_help": (
        "Umsatzrendite der letzten 12 Monate minus Umsatzrendite der 12 Monate vor dem Start, in Prozentpunkten. "
        "Nicht um die Entwicklung der übrigen Kunden bereinigt (das tut der Effekt oben).",
        "Margin of the last 12 months minus margin of the 12 months before the start, in percentage points. Not "
        "net of what the other customers did (the effect above is).",
    ),
    # charts
    "profit.chart.trend_title": (
        "Umsatzrendite je Monat (rollierend über 12 Monate)",
        "Margin by month (trailing 12 months)",
    ),
    "profit.chart.trend_skam": ("heutige SKAM-Konten", "today's SKAM accounts"),
    "profit.chart.trend_others": ("übrige Kunden", "other customers"),
    "profit.chart.month_axis": ("Monat", "Month"),
    "profit.chart.margin_axis": ("Umsatzrendite (12 Monate, %)", "Margin (12 months, %)"),
    "profit.chart.trend_hint": (
        "Die heutigen SKAM-Konten über die ganze Zeit, auch vor ihrem Start: so wird sichtbar, welcher Vorsprung "
        "schon vorher bestand.",
        "Today's SKAM accounts over the whole period, also before their start: this shows the lead they already had.",
    ),
    "profit.chart.spread_title": ("Streuung je Kunde (12 Monate)", "Spread per customer (12 months)"),
    "profit.chart.spread_axis": ("Umsatzrendite je Kunde (%)", "Margin per customer (%)"),
    "profit.chart.group_axis": ("Gruppe", "Group"),
    "profit.chart.spread_skam": ("SKAM-Konten ({n})", "SKAM accounts ({n})"),
    "profit.chart.spread_others": ("übrige Kunden ({n})", "other customers ({n})"),
    "profit.chart.spread_accounts": ("einzelne SKAM-Konten", "single SKAM accounts"),
    "profit.chart.spread_hint": (
        "Box: mittlere Hälfte der Kunden, Strich: Median, Antennen: 5. bis 95. Perzentil. Kunden ohne Umsatz im "
        "Zeitraum fehlen.",
        "Box: middle half of the customers, line: median, whiskers: 5th to 95th percentile. Customers without "
        "revenue in the period are left out.",
    ),
    "profit.chart.event_title": (
        "Ereignisstudie: Effekt auf die Umsatzrendite je Monat seit SKAM-Start (gegenüber dem Mittel der Monate davor)",
        "Event study: effect on the margin by month since SKAM start (relative to the mean of the months before)",
    ),
    "profit.chart.event_axis_x": ("Monate seit SKAM-Start", "Months since SKAM start"),
    "profit.chart.event_axis_y": ("Effekt auf die Umsatzrendite (Pp.)", "Effect on the margin (pp)"),
    "profit.chart.event_estimate": ("Effekt", "Effect"),
    "profit.chart.event_band": ("95-%-Band (für alle Monate zugleich)", "95 % band (all months at once)"),
    "profit.chart.event_expected": ("Erwartung: 9–18 Monate", "Expected: 9–18 months"),
    "profit.chart.event_start": ("Start", "Start"),
    "profit.chart.event_clear": ("deutlich ab Monat {k}", "clear from month {k}"),
    "profit.chart.event_hover": (
        "Monat {k}: {est} (95 %: {low} bis {high}), {n} Konten",
        "Month {k}: {est} (95 %: {low} to {high}), {n} accounts",
    ),
    "profit.chart.event_hint": (
        "Links der Startlinie: Monate vor dem Start (sollten um null liegen). Das Band gilt für alle Monate zugleich.",
        "Left of the start line: months before the start (should hover around zero). The band holds for all months "
        "at once.",
    ),
    "profit.chart.before_after_title": (
        "Umsatzrendite je Konto: 12 Monate vor dem Start und letzte 12 Monate",
        "Margin per account: 12 months before the start and the last 12 months",
    ),
    "profit.chart.before": ("12 Monate vor dem Start", "12 months before start"),
    "profit.chart.last": ("letzte 12 Monate", "last 12 months"),
    "profit.chart.account_axis": ("SKAM-Konto", "SKAM account"),
    "profit.chart.account_margin_axis": ("Umsatzrendite (%)", "Margin (%)"),
    "profit.chart.size_title": ("Größe gegen Zuwachs je Konto", "Size against uplift per account"),
    "profit.chart.size_axis": (
        "Jahresumsatz vor dem Start (EUR, log. Skala)",
        "Annual revenue before the start (EUR, log scale)",
    ),
    "profit.chart.uplift_axis": ("Zuwachs der Umsatzrendite (Pp.)", "Uplift of the margin (pp)"),
    "profit.chart.size_hover": (
        "{name}<br>Jahresumsatz vorher: {size}<br>Zuwachs: {uplift}",
        "{name}<br>Annual revenue before: {size}<br>Uplift: {uplift}",
    ),
    "profit.chart.fit_line": ("Trend (r = {r})", "Trend (r = {r})"),
}
