"""The profit page: the plain explanation of the effect estimate and its caveats."""

MESSAGES = {
    # the plain explanation
    "profit.explain_title": ("Was die Zahlen bedeuten", "What the figures mean"),
    "profit.explain_ratio": (
        "In den letzten 12 Monaten erzielten die {n} SKAM-Konten eine Umsatzrendite von {skam}, alle übrigen "
        "Kunden {others} – das {ratio}-Fache.",
        "Over the last 12 months the {n} SKAM accounts earned a margin of {skam}, all other customers {others} "
        "– {ratio} times as much.",
    ),
    "profit.explain_effect": (
        "Ein Teil dieses Vorsprungs bestand schon vor dem Start. Vergleicht man jedes Konto mit sich selbst vor "
        "seinem Start und mit allen übrigen Kunden in denselben Monaten, stieg seine monatliche Umsatzrendite "
        "im Mittel um {effect} (95-%-Intervall {low} bis {high}).",
        "Part of this lead existed before the start. Comparing each account with itself before its start and "
        "with all other customers in the same months, its monthly margin rose by {effect} on average (95 % "
        "interval {low} to {high}).",
    ),
    "profit.explain_effect_unclear": (
        " Das Intervall schließt null ein: Ein Effekt ist mit diesen Daten nicht gesichert.",
        " The interval includes zero: these data do not establish an effect.",
    ),
    "profit.explain_months": (
        "Deutlich (Intervall drei Monate in Folge über null) wird die Verbesserung ab Monat {k} nach dem Start; "
        "die Methode erwartet 9 bis 18 Monate.",
        "The improvement becomes clear (interval above zero for three consecutive months) from month {k} after "
        "the start; the method expects 9 to 18 months.",
    ),
    "profit.explain_months_none": (
        "Eine deutliche Verbesserung (Intervall drei Monate in Folge über null) zeigt die Ereignisstudie noch nicht.",
        "The event study does not yet show a clear improvement (interval above zero for three consecutive months).",
    ),
    "profit.caveats_title": ("Grenzen der Messung – bitte lesen", "Limits of the measurement – please read"),
    "profit.caveats": (
        "- **Auswahl:** Die Konten wurden ausgewählt, weil sie vielversprechend aussahen. Die Differenz-von-"
        "Differenzen rechnet ihren Vorsprung vor dem Start heraus, nicht aber einen Aufschwung, der ohnehin "
        "gekommen wäre.\n"
        "- **Monate vor dem Start prüfen:** In der Ereignisstudie sollten die Werte links der Startlinie um null "
        "schwanken. Steigen sie schon vor dem Start, war das Konto bereits auf dem Weg nach oben, und der Effekt "
        "ist überschätzt.\n"
        "- **Wenige Konten:** Bei wenigen SKAM-Konten sind die Intervalle breit und einzelne Konten prägen das "
        "Ergebnis; die Tabelle unten zeigt jedes Konto.\n"
        "- **Vergleichsgruppe:** Verglichen wird mit allen übrigen Kunden (ohne SKAM-Start). Auch Konten in frühen "
        "SKAM-Stufen gehören dazu.\n"
        "- Methode und Definitionen zum Nachrechnen: `docs/methodology.md`.",
        "- **Selection:** the accounts were chosen because they looked promising. The difference-in-differences "
        "removes their lead before the start, but not an upswing that would have come anyway.\n"
        "- **Look at the months before the start:** in the event study the values left of the start line should "
        "hover around zero. If they already rise before the start, the account was on its way up and the effect "
        "is overstated.\n"
        "- **Few accounts:** with few SKAM accounts the intervals are wide and single accounts shape the result; "
        "the table below shows every account.\n"
        "- **Comparison group:** all other customers (without a SKAM start), including accounts in early SKAM "
        "stages.\n"
        "- Method and definitions to recompute: `docs/methodology.md`.",
    ),
    "profit.charts_title": (
        "Verlauf, Streuung und Effekt nach Monaten (Diagramme)",
        "Trend, spread and effect by month (charts)",
    ),
    "profit.accounts_title": ("Die SKAM-Konten einzeln", "The SKAM accounts one by one"),
    "profit.accounts_caption": (
        "Umsatzrendite in den 12 Monaten vor dem Start gegen die letzten 12 Monate. Ohne mindestens 3 Monate "
        "vor dem Start bleibt der Vorher-Wert leer.",
        "Margin in the 12 months before the start against the last 12 months. Without at least 3 months before "
        "the start the before value stays empty.",
    ),
    "profit.correlation": (
        "Korrelation von Größe (log. Jahresumsatz vor dem Start) und Zuwachs: r = {r} über {n} Konten. {verdict}",
        "Correlation of size (log annual revenue before the start) and uplift: r = {r} over {n} accounts. {verdict}",
    ),
    "profit.correlation_weak": (
        "Größe sagt den Zuwachs kaum voraus – entscheidend ist der Fit.",
        "Size hardly predicts the uplift – fit is what matters.",
    ),
    "profit.correlation_strong": (
        "Größe und Zuwachs hängen hier merklich zusammen; bei wenigen Konten kann das Zufall sein.",
        "Size and uplift are noticeably related here; with few accounts this may be chance.",
    ),
    "profit.correlation_none": (
        "Für eine Korrelation braucht es mindestens drei Konten mit Zahlen vor dem Start.",
        "A correlation needs at least three accounts with figures before their start.",
    ),
}
