"""Who next: the candidates predicted from the company's own measured per-account effects (portfolio section,
the strategy and fit pages' own prediction, the charts)."""

MESSAGES = {
    "candidates.title": ("Wer als Nächstes?", "Who next?"),
    "steering.next_candidates.intro": (
        "Die {n} Kunden mit dem größten vorhergesagten Zuwachs der Umsatzrendite (von {total} Kandidaten) — "
        "jede Zahl mit ihrem Vorhersageintervall.",
        "The {n} customers with the largest predicted margin uplift (of {total} candidates) — each figure with "
        "its prediction interval.",
    ),
    "steering.next_candidates.none": (
        "Noch keine Vorhersage: Dafür braucht es mehr SKAM-Konten mit gemessenem Effekt (siehe Portfolio).",
        "No prediction yet: it needs more SKAM accounts with a measured effect (see the portfolio).",
    ),
    "steering.next_candidates.all": (
        "Alle Kandidaten und die Grenzen des Modells",
        "All candidates and the model's limits",
    ),
    "candidates.intro": (
        "Vorhergesagter Zuwachs der Umsatzrendite für Kunden mit Fit-Bewertung, die noch nicht in der Umsetzung "
        "sind — gelernt aus den gemessenen Effekten der eigenen {n} SKAM-Konten (Meta-Regression auf den "
        "Fit-Score). Die Balken sind 95-%-Vorhersageintervalle.",
        "Predicted margin uplift for customers with a fit score not yet in implementation — learned from the "
        "measured effects of the company's own {n} SKAM accounts (meta-regression on the fit score). The bars "
        "are 95 % prediction intervals.",
    ),
    "candidates.too_few": (
        "Noch keine Vorhersage: Weniger als {min} SKAM-Konten haben einen gemessenen Effekt und einen Fit-Score "
        "({n}). Aus so wenigen würde eine Vorhersage nur ihr Rauschen wiederholen.",
        "No prediction yet: fewer than {min} SKAM accounts have a measured effect and a fit score ({n}); a "
        "prediction from so few would only repeat their noise.",
    ),
    "candidates.too_few_next": (
        "Sobald mehr Konten mindestens drei Monate vor und nach ihrem SKAM-Start Zahlen haben, erscheint hier "
        "die Rangfolge.",
        "Once more accounts have figures for at least three months before and after their SKAM start, the "
        "ranking appears here.",
    ),
    "candidates.none": (
        "Kein Kunde mit Fit-Bewertung außerhalb der Umsetzung.",
        "No customer with a fit score outside implementation.",
    ),
    "candidates.outside_range": (
        "{n} [[n|Kandidat liegt|Kandidaten liegen]] mit [[n|seinem|ihrem]] Fit-Score außerhalb des Bereichs der "
        "gemessenen Konten ({low} bis {high}): [[n|Seine|Ihre]] Vorhersage verlängert die Linie und ist grau "
        "markiert.",
        "{n} [[n|candidate has|candidates have]] a fit score outside the range of the measured accounts ({low} to "
        "{high}): [[n|its|their]] prediction extrapolates the line and is marked grey.",
    ),
    "candidates.not_beyond_noise": (
        "Die gemessenen Konten zeigen nicht über das Rauschen hinaus, dass ein höherer Fit mehr Zuwachs bringt "
        "(das 95-%-Intervall der Steigung schließt null ein): Die Rangfolge trennt die Kandidaten nicht.",
        "The measured accounts do not show beyond noise that a higher fit brings a larger uplift (the slope's "
        "95 % interval includes zero): the ranking does not separate the candidates.",
    ),
    "candidates.m.slope": ("Zuwachs je Fit-Punkt", "Uplift per fit point"),
    "candidates.m.slope_help": (
        "Steigung der Meta-Regression: um wie viel der gemessene Effekt je Punkt Fit-Score steigt, mit "
        "95-%-Intervall (Knapp–Hartung). Gewichte 1/(s² + τ²).",
        "Slope of the meta-regression: how much the measured effect rises per fit point, with its 95 % interval "
        "(Knapp–Hartung). Weights 1/(s² + τ²).",
    ),
    "candidates.m.slope_ci": ("95 %: {low} bis {high}", "95 %: {low} to {high}"),
    "candidates.m.tau": ("Streuung zwischen Konten (τ)", "Spread between accounts (τ)"),
    "candidates.m.tau_help": (
        "Wie stark sich die wahren Effekte der Konten bei gleichem Fit unterscheiden (Paule–Mandel). Geht in "
        "jedes Vorhersageintervall ein.",
        "How much the accounts' true effects differ at the same fit (Paule–Mandel). It enters every prediction "
        "interval.",
    ),
    "candidates.m.size": ("Rangfolge gegen Größe", "Ranking against size"),
    "candidates.m.size_help": (
        "Spearman-Rangkorrelation zwischen vorhergesagtem Zuwachs und Umsatz der letzten 12 Monate über die "
        "Kandidaten: nahe 1 hieße, die Vorhersage ordnet nur nach Größe.",
        "Spearman rank correlation of predicted uplift and revenue over the last 12 months across candidates: "
        "near 1 would mean the prediction only orders by size.",
    ),
    "candidates.caveats": ("Was diese Vorhersage nicht kann", "What this prediction cannot do"),
    "candidates.caveat.selection": (
        "**Auswahl:** Die Manager haben die Konten gewählt, von denen sie sich am meisten versprachen. Die "
        "gemessenen Effekte beschreiben Kunden wie die gewählten; ein ganz anderer Kandidat gewinnt vielleicht "
        "weniger.",
        "**Selection:** managers chose the accounts they expected to gain most. The measured effects describe "
        "customers like those chosen; a very different candidate may gain less.",
    ),
    "candidates.caveat.regression": (
        "**Regression zur Mitte:** Ein Konto, das sehr gut oder sehr schlecht gemessen wurde, hatte teils Glück "
        "oder Pech. Jeder Konto-Effekt wird deshalb zur Linie hin gezogen (empirischer Bayes) — je verrauschter, "
        "desto stärker.",
        "**Regression to the mean:** an account measured as very good or very bad was partly lucky or unlucky. "
        "Each account's effect is therefore pulled towards the line (empirical Bayes) — the noisier, the more.",
    ),
    "candidates.caveat.interval": (
        "**Vorhersageintervall:** Es enthält, wie verschieden Konten sind (τ), nicht nur die Unsicherheit der "
        "Linie — bei einem Dutzend Konten ist es breit.",
        "**Prediction interval:** it includes how much accounts differ (τ), not only the uncertainty of the line "
        "— with a dozen accounts it is wide.",
    ),
    "candidates.col.customer": ("Kunde", "Customer"),
    "candidates.col.stage": ("Phase", "Stage"),
    "candidates.col.fit": ("Fit", "Fit"),
    "candidates.col.uplift": ("Zuwachs (95 %)", "Uplift (95 %)"),
    "candidates.col.eur": ("€ pro Jahr (95 %)", "EUR per year (95 %)"),
    "candidates.col.pays": ("P(lohnt)", "P(pays)"),
    "candidates.col.size_rank": ("Größenrang", "Size rank"),
    "candidates.col.note": ("Hinweis", "Note"),
    "candidates.extrapolated": ("außerhalb des Gelernten", "outside what was learned"),
    "candidates.pays_help": (
        "P(lohnt): Wahrscheinlichkeit, dass der Zuwachs auf den Jahresumsatz über 24 Monate (so lange, wie der "
        "Effekt gemessen wird) den erfassten internen Aufwand (Aufwandskosten der Geschäftschancen) deckt; leer, "
        "wo kein Aufwand erfasst ist.",
        "P(pays): probability that the uplift on the yearly revenue over 24 months (as long as the effect is "
        "measured) covers the internal effort recorded (effort cost of the opportunities); empty where no effort "
        "is recorded.",
    ),
    "candidates.own.title": ("Vorhersage für dieses Konto", "Prediction for this account"),
    "candidates.own.value": ("{est} (95 %: {low} bis {high})", "{est} (95 %: {low} to {high})"),
    "candidates.own.help": (
        "Vorhergesagter Zuwachs der Umsatzrendite nach einem SKAM-Start, aus den gemessenen Effekten der eigenen "
        "SKAM-Konten und diesem Fit-Score (95-%-Vorhersageintervall). Methode: docs/methodology.md.",
        "Predicted margin uplift after a SKAM start, from the company's own measured account effects and this fit "
        "score (95 % prediction interval). Method: docs/methodology.md.",
    ),
    "candidates.own.eur": (
        "≈ {eur} pro Jahr auf {revenue} Umsatz (95 %: {low} bis {high}).",
        "≈ {eur} per year on {revenue} revenue (95 %: {low} to {high}).",
    ),
    "candidates.own.pays": (
        "Wahrscheinlichkeit, dass 24 Monate Zuwachs den erfassten Aufwand von {effort} decken: {p}.",
        "Probability that 24 months of uplift cover the recorded effort of {effort}: {p}.",
    ),
    "candidates.own.extrapolated": (
        "Der Fit-Score liegt außerhalb der gemessenen Konten ({low} bis {high}): Die Vorhersage verlängert die Linie.",
        "The fit score lies outside the measured accounts ({low} to {high}): the prediction extrapolates the line.",
    ),
    # charts
    "candidates.chart.ranking_title": (
        "Vorhergesagter Zuwachs je Kandidat (95-%-Vorhersageintervall)",
        "Predicted uplift per candidate (95 % prediction interval)",
    ),
    "candidates.chart.matrix_title": (
        "Fit gegen Größe, eingefärbt nach vorhergesagtem Zuwachs",
        "Fit against size, coloured by predicted uplift",
    ),
    "candidates.chart.uplift_axis": ("Zuwachs der Umsatzrendite (Pp.)", "Margin uplift (pp)"),
    "candidates.chart.candidate_axis": ("Kandidat", "Candidate"),
    "candidates.chart.fit_axis": ("Fit-Score (0–100)", "Fit score (0–100)"),
    "candidates.chart.revenue_axis": ("Umsatz letzte 12 Monate (€, log.)", "Revenue, last 12 months (EUR, log)"),
    "candidates.chart.fit": ("Fit", "Fit"),
    "candidates.chart.uplift": ("Zuwachs", "Uplift"),
    "candidates.chart.eur": ("€ pro Jahr", "EUR per year"),
    "candidates.chart.candidates": ("Kandidaten", "Candidates"),
    "candidates.chart.measured": ("Gemessene SKAM-Konten", "Measured SKAM accounts"),
}
