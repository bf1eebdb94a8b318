"""KPI entry page (/kpis): account picker, single and bulk entry, validation messages, receipt, history."""

MESSAGES = {
    "kpis.intro": (
        "Erfassen Sie die KPI-Werte Ihrer Key Accounts. Jeder Wert wird mit Ihrem Namen und der Uhrzeit angehängt; "
        "eine Korrektur ist ein neuer Eintrag, der alte bleibt im Verlauf sichtbar.",
        "Record the KPI values of your key accounts. Every value is appended with your name and the time; a "
        "correction is a new entry, the old one stays visible in the history.",
    ),
    "kpis.viewer": (
        "KPI-Werte erfassen die Key Account Manager und die Administration. Sie haben Leserechte: Die Werte sehen "
        "Sie auf der Seite „Umsetzung“.",
        "KPI values are entered by account managers and administrators. You have read access: you see the values "
        "on the 'Implementation' page.",
    ),
    "kpis.no_accounts": (
        "Sie betreuen kein Konto mit KPIs.",
        "You manage no account with KPIs.",
    ),
    "kpis.no_accounts_next": (
        "KPIs werden im Account-Plan eines Key Accounts festgelegt (Seite „Account-Plan“, Reiter „KPIs & "
        "Zielwerte“). Konten weist die Administration zu.",
        "KPIs are defined in a key account's plan (page 'Account plan', tab 'KPIs & targets'). Administrators "
        "assign accounts.",
    ),
    "kpis.no_kpis": ("Dieses Konto hat noch keine KPIs.", "This account has no KPIs yet."),
    "kpis.no_kpis_next": (
        "Legen Sie die KPIs auf der Seite „Account-Plan“ fest (Reiter „KPIs & Zielwerte“).",
        "Define the KPIs on the 'Account plan' page (tab 'KPIs & targets').",
    ),
    "kpis.not_yours": (
        "„{account}“ betreut {who}; Werte erfassen Sie nur für Ihre eigenen Konten. Wählen Sie eines davon.",
        "{who} manages '{account}'; you enter values only for your own accounts. Choose one of them.",
    ),
    "kpis.account_without_kpis": (
        "„{account}“ hat noch keine KPIs. Legen Sie sie auf der Seite „Account-Plan“ fest (Reiter „KPIs & "
        "Zielwerte“) – oder wählen Sie ein anderes Konto.",
        "'{account}' has no KPIs yet. Define them on the 'Account plan' page (tab 'KPIs & targets') — or choose "
        "another account.",
    ),
    "kpis.account": ("Ihr Konto", "Your account"),
    "kpis.account_placeholder": ("Konto wählen …", "Choose an account …"),
    "kpis.account_help": (
        "Nur Konten, die Sie betreuen und die KPIs haben. Die Auswahl gilt auch für die anderen Seiten.",
        "Only accounts you manage that have KPIs. The choice applies to the other pages too.",
    ),
    "kpis.account_option": ("{name} · {n} KPIs · zuletzt {last}", "{name} · {n} KPIs · latest {last}"),
    "kpis.ov.title": ("Ihre Konten", "Your accounts"),
    "kpis.ov.account": ("Konto", "Account"),
    "kpis.ov.kpis": ("KPIs", "KPIs"),
    "kpis.ov.last_period": ("Letzter Monat mit Werten", "Latest month with values"),
    "kpis.ov.last_entry": ("Zuletzt erfasst", "Last entered"),
    "kpis.ov.due": ("{month} fehlt", "{month} missing"),
    "kpis.ov.hint": ("Zeile anklicken, um Werte für das Konto zu erfassen.", "Click a row to enter values for it."),
    "kpis.ov.due_help": (
        "Angehakt: Für mindestens eine KPI fehlt der Wert des Vormonats (oder eines späteren Monats).",
        "Ticked: at least one KPI has no value for last month (or a later month) yet.",
    ),
    "kpis.ov.entered": ("Erfasst für {month}", "Entered for {month}"),
    "kpis.ov.entered_n": ("{n} von {of}", "{n} of {of}"),
    "kpis.tab.one": ("Einzelwert", "Single value"),
    "kpis.tab.bulk": ("Alle KPIs eines Monats", "All KPIs of a month"),
    "kpis.tab.history": ("Verlauf & Korrekturen", "History & corrections"),
    # single value
    "kpis.one.kpi": ("KPI", "KPI"),
    "kpis.one.period": ("Monat", "Month"),
    "kpis.one.period_help": (
        "Der Monat, für den der Wert gilt – höchstens der laufende Monat.",
        "The month the value is for — the current month at the latest.",
    ),
    "kpis.one.target": ("Ziel in diesem Monat: {value}", "Target this month: {value}"),
    "kpis.one.range": ("plausibel: {lo} bis {hi}", "plausible: {lo} to {hi}"),
    "kpis.one.range_from": ("plausibel: ab {lo}", "plausible: from {lo}"),
    "kpis.one.range_to": ("plausibel: bis {hi}", "plausible: up to {hi}"),
    "kpis.one.existing": (
        "Für diesen Monat gibt es schon einen Wert: {value} (von {who}, {when}). Ein neuer Wert wird als "
        "Korrektur gespeichert; der alte bleibt im Verlauf.",
        "This month already has a value: {value} (by {who}, {when}). A new value is saved as a correction; the "
        "old one stays in the history.",
    ),
    "kpis.one.value": ("Wert ({unit})", "Value ({unit})"),
    "kpis.one.value_placeholder": ("z. B. 97,5", "e.g. 97.5"),
    "kpis.one.value_help": (
        "Eine Zahl – mit Komma oder Punkt als Dezimalzeichen, gern mit Tausenderpunkten und Einheit "
        "(„1.234,5“, „97,5 %“).",
        "A number — with a dot or comma as decimal separator, thousands separators and the unit are fine "
        "('1,234.5', '97.5%').",
    ),
    "kpis.one.comment": ("Kommentar (optional)", "Comment (optional)"),
    "kpis.one.comment_placeholder": (
        "z. B. Quelle, Besonderheit, Grund einer Korrektur",
        "e.g. source, special circumstances, reason for a correction",
    ),
    "kpis.one.save": ("Wert speichern", "Save value"),
    "kpis.one.choose": ("Bitte KPI und Monat wählen.", "Please choose a KPI and a month."),
    # bulk
    "kpis.bulk.help": (
        "Tragen Sie für den gewählten Monat die neuen Werte ein; leere Zeilen bleiben unverändert. Gespeichert wird "
        "alles oder nichts.",
        "Enter the new values for the chosen month; empty rows stay unchanged. Everything is saved or nothing.",
    ),
    "kpis.bulk.period": ("Monat", "Month"),
    "kpis.bulk.col.kpi": ("KPI", "KPI"),
    "kpis.bulk.col.range": ("Plausibel", "Plausible"),
    "kpis.bulk.col.target": ("Ziel", "Target"),
    "kpis.bulk.col.current": ("Bisher", "Current"),
    "kpis.bulk.col.current_help": (
        "Der zuletzt erfasste Wert für diesen Monat (ein neuer Wert wird als Korrektur gespeichert).",
        "The value last entered for this month (a new value is saved as a correction).",
    ),
    "kpis.bulk.col.new": ("Neuer Wert", "New value"),
    "kpis.bulk.col.new_help": ("Nur Zahlen; leer lassen, um nichts zu ändern.", "Numbers only; leave empty to keep."),
    "kpis.bulk.col.comment": ("Kommentar", "Comment"),
    "kpis.bulk.save": ("{n} Werte für {period} speichern", "Save {n} values for {period}"),
    "kpis.bulk.nothing_saved": ("Nichts gespeichert – bitte korrigieren:", "Nothing saved — please correct:"),
    # validation
    "kpis.problem.missing": ("Bitte einen Wert für „{kpi}“ eingeben.", "Please enter a value for '{kpi}'."),
    "kpis.problem.not_number": ("„{value}“ ist keine Zahl.", "'{value}' is not a number."),
    "kpis.problem.below_min": (
        "{value} liegt unter dem kleinsten plausiblen Wert {limit}.",
        "{value} is below the lowest plausible value {limit}.",
    ),
    "kpis.problem.above_max": (
        "{value} liegt über dem größten plausiblen Wert {limit}.",
        "{value} is above the highest plausible value {limit}.",
    ),
    "kpis.problem.future_period": (
        "{period} liegt in der Zukunft – Werte gibt es höchstens für den laufenden Monat.",
        "{period} lies in the future — values exist for the current month at the latest.",
    ),
    "kpis.problem.comment_too_long": (
        "Der Kommentar ist länger als {limit} Zeichen.",
        "The comment is longer than {limit} characters.",
    ),
    # receipt
    "kpis.receipt.head": (
        "{n} [[n|Wert|Werte]] gespeichert von {who} am {when}:",
        "{n} [[n|value|values]] saved by {who} at {when}:",
    ),
    "kpis.receipt.line": ("{kpi}, {period}: {value} (vorher: {before})", "{kpi}, {period}: {value} (before: {before})"),
    "kpis.receipt.new": ("kein Wert", "no value"),
    "kpis.receipt.see": ("Auf der Seite „Umsetzung“ ansehen", "See it on the 'Implementation' page"),
    # history
    "kpis.hist.empty": ("Noch keine Werte erfasst.", "No values entered yet."),
    "kpis.hist.filter": ("KPI", "KPI"),
    "kpis.hist.all": ("alle KPIs", "all KPIs"),
    "kpis.hist.only_corrections": ("nur Korrekturen", "corrections only"),
    "kpis.hist.col.when": ("Erfasst am", "Entered at"),
    "kpis.hist.col.who": ("Von", "By"),
    "kpis.hist.col.kpi": ("KPI", "KPI"),
    "kpis.hist.col.period": ("Monat", "Month"),
    "kpis.hist.col.change": ("Wert (vorher → neu)", "Value (before → new)"),
    "kpis.hist.col.kind": ("Art", "Kind"),
    "kpis.hist.col.comment": ("Kommentar", "Comment"),
    "kpis.hist.first": ("Erstwert", "first value"),
    "kpis.hist.correction": ("Korrektur", "correction"),
    "kpis.hist.caption": (
        "{n} Einträge, neueste zuerst. Einträge werden nie geändert: Eine Korrektur ist ein neuer Eintrag.",
        "{n} entries, newest first. Entries are never changed: a correction is a new entry.",
    ),
}
