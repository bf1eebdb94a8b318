"""The profit page's measured effect beyond the headline: the inference used, the verdict in EUR, the pre-trend
caution and the table of per-account effects."""

MESSAGES = {
    "profit.inference.clustered": (
        "Intervall: Standardfehler nach Konto geclustert ({n} Konten)",
        "Interval: standard errors clustered by account ({n} accounts)",
    ),
    "profit.inference.wild_bootstrap": (
        "Intervall: Neuziehungsverfahren nach Konto mit zufälligen Gewichten ({n} Konten), die Schätzunsicherheit "
        "der Monatseffekte der übrigen Kunden eingerechnet",
        "Interval: wild cluster bootstrap by account ({n} accounts), the estimation noise of the other "
        "customers' month effects included",
    ),
    "profit.inference.placebo": (
        "Intervall: Placebo-Verfahren – die echten Startdaten zufällig ähnlich großen Kunden ohne SKAM gegeben "
        "({n} Konten sind für das Neuziehungsverfahren nach Konto zu wenige)",
        "Interval: placebo method – the real start dates given to never-SKAM customers of similar size "
        "({n} accounts are too few for a bootstrap by account)",
    ),
    "profit.verdict": (
        "**Urteil:** SKAM hebt die Umsatzrendite der SKAM-Konten um {pp} (95 %: {low} bis {high}). Bei ihrem "
        "Umsatz der letzten 12 Monate sind das etwa {eur} Betriebsergebnis pro Jahr für das Programm, "
        "{eur_account} je Konto.",
        "**Verdict:** SKAM raises the SKAM accounts' margin by {pp} (95 %: {low} to {high}). On their revenue "
        "of the last 12 months that is about {eur} of operating profit per year for the programme, "
        "{eur_account} per account.",
    ),
    "profit.verdict_unclear": (
        " Das Intervall schließt null ein: Ein Effekt ist noch nicht nachgewiesen.",
        " The interval includes zero: an effect is not shown yet.",
    ),
    "profit.pretrend_fails": (
        "Vorsicht: Schon vor dem Start wichen die SKAM-Konten von den übrigen Kunden ab (gemeinsamer Test der "
        "Monate vor dem Start, p = {p}). Der gemessene Effekt kann einen Trend enthalten, der ohnehin bestand.",
        "Caution: the SKAM accounts already moved differently from the other customers before their start "
        "(joint test of the months before the start, p = {p}). The measured effect may contain a trend that "
        "was there anyway.",
    ),
    "profit.pretrend_ok": (
        "Monate vor dem Start: kein Abweichen erkennbar (gemeinsamer Test, p = {p}).",
        "Months before the start: no departure detected (joint test, p = {p}).",
    ),
    "profit.windows": (
        "Effekt nach Monaten seit Start: 0–8: {w0} · 9–18: {w1} · 19–24: {w2}",
        "Effect by months since start: 0–8: {w0} · 9–18: {w1} · 19–24: {w2}",
    ),
    "profit.effects_title": ("Gemessene Wirkung je Konto", "Measured uplift per account"),
    "profit.effects_caption": (
        "Differenz-von-Differenzen je Konto: Umsatzrendite nach dem Start gegenüber den Monaten davor, bereinigt "
        "um die Monatseffekte der übrigen Kunden; mit 95-%-Intervall.",
        "Difference-in-differences per account: margin after the start against the months before, net of the "
        "other customers' month effects; with a 95 % interval.",
    ),
    "profit.col.effect": ("Wirkung", "Uplift"),
    "profit.col.effect_low": ("95 % von", "95 % from"),
    "profit.col.effect_high": ("95 % bis", "95 % to"),
    "profit.col.months_after": ("Monate nach Start", "Months after start"),
    "profit.reason.no_placebo": (
        "Zu wenige ähnlich große übrige Kunden für das Placebo-Intervall, das ein Programm mit weniger als zwölf "
        "Konten braucht.",
        "Too few other customers of similar size for the placebo interval a programme of fewer than twelve "
        "accounts needs.",
    ),
}
