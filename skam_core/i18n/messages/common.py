"""The shell: navigation, sidebar, view state, sign-in, vocabularies shared by every page."""

MESSAGES = {
    # pages and navigation
    "page.portfolio": ("Portfolio", "Portfolio"),
    "page.strategy": ("Kundenstrategie", "Customer strategy"),
    "page.fit": ("Strategischer Fit", "Strategic fit"),
    "page.value": ("Value Proposition", "Value proposition"),
    "page.plan": ("Account-Plan", "Account plan"),
    "page.implementation": ("Umsetzung", "Implementation"),
    "page.kpis": ("KPI-Erfassung", "KPI entry"),
    "page.profit": ("Ergebnis-Effekt", "Profit effect"),
    "page.steering": ("Lenkungsausschuss", "Steering committee"),
    "page.admin": ("Verwaltung", "Administration"),
    "nav.overview": ("Überblick", "Overview"),
    "nav.account": ("Key Account", "Key account"),
    "nav.administration": ("Verwaltung", "Administration"),
    # sidebar
    "sidebar.account": ("Key Account", "Key account"),
    "sidebar.account_placeholder": ("Konto wählen …", "Choose an account …"),
    "sidebar.account_help": (
        "Alle Seiten zeigen dieses Konto. Die Auswahl steht im Link (account=…), den Sie teilen können.",
        "Every page shows this account. The choice is part of the link (account=…) you can share.",
    ),
    "uploader.button": ("Datei wählen", "Upload"),
    "uploader.limits": ("bis {mb} MB je Datei · {types}", "{mb} MB per file · {types}"),
    "sidebar.account_box": ("Konto: {name}", "Account: {name}"),
    "sidebar.account_stage": ("SKAM-Stufe: {stage}", "SKAM stage: {stage}"),
    "sidebar.as_of": ("Stand vom", "As of"),
    "sidebar.as_of_help": (
        "Zeigt die Daten so, wie sie am Ende dieses Tages bekannt waren (leer = heute). Steht im Link als as_of=….",
        "Shows the data as it was known at the end of that day (empty = today). Part of the link as as_of=….",
    ),
    "sidebar.as_of_today": ("Stand: heute, {day}", "As of: today, {day}"),
    "sidebar.as_of_past": ("Stand vom {day}", "As of {day}"),
    "sidebar.back_to_today": ("Zurück zu heute", "Back to today"),
    "sidebar.signed_in_as": ("Angemeldet: {name} ({role})", "Signed in: {name} ({role})"),
    "sidebar.act_as": ("Ansicht als", "View as"),
    "sidebar.act_as_self": ("mich selbst (Admin)", "myself (admin)"),
    "sidebar.act_as_box": ("Ansicht als: {who}", "View as: {who}"),
    "sidebar.act_as_nobody": (
        "Noch keine weiteren Benutzer: Legen Sie sie in der Verwaltung an.",
        "No other users yet: add them under Administration.",
    ),
    "sidebar.act_as_help": (
        "Lokaler Modus: Sehen und arbeiten Sie mit den Rechten eines anderen Benutzers – zum Prüfen der Rollen.",
        "Local mode: see and work with another user's rights — to check the roles.",
    ),
    "sidebar.share": ("Link zu dieser Ansicht", "Link to this view"),
    "sidebar.share_help": (
        "Dieser Link öffnet dieselbe Ansicht: Seite, Konto, Stichtag und Sprache.",
        "This link opens the same view: page, account, as-of date and language.",
    ),
    # view state
    "state.bad_lang": (
        "Unbekannte Sprache „{value}“ im Link – angezeigt wird die Standardsprache.",
        "Unknown language '{value}' in the link — showing the default language.",
    ),
    "state.bad_as_of": (
        "„{value}“ im Link ist kein Datum (erwartet JJJJ-MM-TT) – angezeigt wird der heutige Stand.",
        "'{value}' in the link is not a date (expected YYYY-MM-DD) — showing today's data.",
    ),
    "state.future_as_of": (
        "Der Stichtag {value} liegt in der Zukunft – angezeigt wird der heutige Stand.",
        "The as-of date {value} lies in the future — showing today's data.",
    ),
    "state.unknown_account": (
        "Das Konto „{value}“ aus dem Link gibt es nicht (oder nicht zu diesem Stichtag). Bitte wählen Sie links ein Konto.",
        "The account '{value}' from the link does not exist (or not at that date). Please choose an account on the left.",
    ),
    "state.viewing_as_of": (
        "Sie sehen den Stand vom {day}. Spätere Änderungen sind ausgeblendet.",
        "You are looking at the data as of {day}. Later changes are hidden.",
    ),
    "state.choose_account": ("Bitte wählen Sie links ein Key Account.", "Please choose a key account on the left."),
    # sign-in
    "auth.title": ("SKAM-Dashboard", "SKAM dashboard"),
    "auth.login_needed": ("Bitte melden Sie sich an.", "Please sign in."),
    "auth.login": ("Anmelden", "Sign in"),
    "auth.logout": ("Abmelden", "Sign out"),
    "auth.no_email": (
        "Ihre Anmeldung liefert keine E-Mail-Adresse; bitte wenden Sie sich an die Administration.",
        "Your sign-in provides no e-mail address; please contact your administrator.",
    ),
    "auth.email_unverified": (
        "Ihr Anmeldedienst hat Ihre E-Mail-Adresse nicht bestätigt; bitte bestätigen Sie sie dort und melden Sie "
        "sich erneut an.",
        "Your sign-in provider has not verified your e-mail address; please verify it there and sign in again.",
    ),
    "auth.no_proxy_identity": (
        "Der Zugang ist nur über das Firmenportal möglich (keine Identität übermittelt).",
        "Access only through the company portal (no identity was passed on).",
    ),
    "auth.local_only": (
        "Ohne Anmeldung ist das Dashboard nur auf diesem Rechner erreichbar.",
        "Without sign-in the dashboard is only available on this computer.",
    ),
    "auth.refused": ("Kein Zugang.", "No access."),
    "auth.not_registered": (
        "{user} ist nicht als Benutzer eingetragen. Bitten Sie die Administration, Sie freizuschalten.",
        "{user} is not registered as a user. Please ask an administrator to give you access.",
    ),
    "auth.local_banner": (
        "Lokaler Modus · {user} ({role}) · nur auf diesem Rechner erreichbar",
        "Local mode · {user} ({role}) · reachable from this computer only",
    ),
    "auth.local_banner_preview": (
        "Lokaler Modus · Ansicht als {user} ({role}), mit deren Rechten · nur auf diesem Rechner erreichbar",
        "Local mode · viewing as {user} ({role}), with their rights · reachable from this computer only",
    ),
    "auth.local_banner_help": (
        "Ohne Anmeldung läuft das Dashboard im lokalen Modus: Es lauscht nur auf 127.0.0.1 und Sie sind Administrator. "
        "Für den Betrieb im Netz richten Sie die Anmeldung ein (README, Abschnitt Anmeldung).",
        "Without sign-in the dashboard runs in local mode: it listens on 127.0.0.1 only and you are the administrator. "
        "To serve it on a network, set up sign-in (README, section Sign-in).",
    ),
    "auth.admin_only": ("Diese Seite ist der Administration vorbehalten.", "This page is for administrators only."),
    "store.unavailable": ("Die Datenbank ist nicht verfügbar: {detail}", "The store is not available: {detail}"),
    "first_run.progress": (
        "Erster Start: Demo-Unternehmen wird angelegt – {step}",
        "First start: creating the demo company — {step}",
    ),
    "first_run.step.generate": ("Daten erzeugen", "generating data"),
    "first_run.step.write": ("Kunden schreiben", "writing customers"),
    "first_run.step.financials": ("Monatszahlen schreiben", "writing monthly figures"),
    "first_run.step.accounts": ("Key Accounts schreiben", "writing key accounts"),
    "first_run.step.checkpoint": ("Speichern", "saving"),
    "first_run.step.done": ("fertig", "done"),
    # vocabularies
    "stage.none": ("kein Key Account", "not a key account"),
    "stage.candidate": ("Kandidat", "Candidate"),
    "stage.strategy": ("1 Strategie verstehen", "1 Understand strategy"),
    "stage.fit": ("2 Strategischer Fit", "2 Strategic fit"),
    "stage.value": ("3 Value Proposition", "3 Value proposition"),
    "stage.plan": ("4 Account-Plan", "4 Account plan"),
    "stage.implementation": ("5 Umsetzung", "5 Implementation"),
    "role.viewer": ("Leser", "Viewer"),
    "role.account_manager": ("Key Account Manager", "Account manager"),
    "role.admin": ("Administrator", "Administrator"),
    "role.executive": ("Geschäftsleitung (Lenkungsausschuss)", "Executive (steering committee)"),
    "status.open": ("offen", "open"),
    "status.on_track": ("im Plan", "on track"),
    "status.at_risk": ("gefährdet", "at risk"),
    "status.delayed": ("verzögert", "delayed"),
    "status.done": ("erledigt", "done"),
    # editing
    "edit.save": ("Speichern", "Save"),
    "edit.add": ("Hinzufügen", "Add"),
    "edit.remove": ("Entfernen", "Remove"),
    "edit.saved": (
        "Gespeichert – als neue Version mit Ihrem Namen und der Uhrzeit.",
        "Saved — as a new version with your name and the time.",
    ),
    "edit.history": ("Änderungsverlauf", "Change history"),
    "edit.no_history": ("Noch keine Änderungen.", "No changes yet."),
    "edit.when": ("Wann", "When"),
    "edit.who": ("Wer", "Who"),
    "edit.what": ("Was", "What"),
    "edit.created": ("angelegt", "created"),
    "edit.removed": ("entfernt", "removed"),
    "edit.yes": ("ja", "yes"),
    "range.from": ("ab {lo}", "from {lo}"),
    "range.to": ("bis {hi}", "up to {hi}"),
    "table.sort_hint": (
        "Klick auf eine Spaltenüberschrift sortiert (noch einmal: umgekehrt).",
        "Click a column header to sort (again: the other way).",
    ),
    "edit.choose": ("Bitte wählen …", "Choose …"),
    "edit.no": ("nein", "no"),
    "edit.read_only_snapshot": (
        "Ältere Stände sind schreibgeschützt. Zum Bearbeiten „Zurück zu heute“ wählen.",
        "Earlier states are read-only. Choose 'Back to today' to edit.",
    ),
    "edit.viewer_read_only": (
        "Sie haben Leserechte; Änderungen nehmen die Key Account Manager vor.",
        "You have read access; account managers make the changes.",
    ),
    "edit.not_your_account": (
        "Dieses Konto betreut {who}; Sie können es ansehen, aber nicht ändern.",
        "{who} manages this account; you can view it but not change it.",
    ),
    # downloads
    "download.csv": ("CSV", "CSV"),
    "download.xlsx": ("Excel", "Excel"),
    # errors shown by forms
    "error.permission": ("Keine Berechtigung: {detail}", "Not permitted: {detail}"),
    "error.conflict": ("Gleichzeitige Änderung: {detail}", "Concurrent change: {detail}"),
    "error.validation": ("Bitte korrigieren: {detail}", "Please correct: {detail}"),
}
