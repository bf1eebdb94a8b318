"""The administration page."""

MESSAGES = {
    "admin.tab.import": ("Import", "Import"),
    "admin.tab.users": ("Benutzer und Rollen", "Users and roles"),
    "admin.tab.customers": ("Programm-Mitgliedschaft", "Programme membership"),
    "admin.import.intro": (
        "Import über das laufende Dashboard: Solange es läuft, hält es die Datenbank; Skripte auf der "
        "Kommandozeile warten oder melden, dass sie belegt ist. Alles oder nichts: bei einem Fehler wird nichts "
        "gespeichert, und jede fehlerhafte Zelle wird mit Zeile und Spalte genannt.",
        "Import through the running dashboard: while it runs it holds the store; command-line scripts wait or "
        "report that it is busy. All or nothing: with any problem nothing is saved, and every bad cell is named "
        "by row and column.",
    ),
    "admin.import.kind": ("Was importieren?", "What to import?"),
    "admin.import.kind.customers": ("Kunden", "Customers"),
    "admin.import.kind.financials": ("Monatszahlen", "Monthly financials"),
    "admin.import.kind.kpis": ("KPI-Werte", "KPI values"),
    "admin.import.columns": ("Pflichtspalten: {required}", "Required columns: {required}"),
    "admin.import.columns_optional": (
        "Pflichtspalten: {required} · optional: {optional}",
        "Required columns: {required} · optional: {optional}",
    ),
    "admin.import.file": ("Datei (CSV oder XLSX)", "File (CSV or XLSX)"),
    "admin.import.file_help": (
        "CSV mit Komma und Dezimalpunkt (UTF-8) oder wie deutsches Excel sie schreibt (Semikolon, Dezimalkomma, "
        "Windows-1252), oder XLSX (erstes Blatt). Höchstens {mb} MB.",
        "CSV with comma and decimal point (UTF-8) or as German Excel writes it (semicolon, decimal comma, "
        "Windows-1252), or XLSX (first sheet). At most {mb} MB.",
    ),
    "admin.import.known_since": ("Bekannt seit (nur für eine Historie)", "Known since (a history load only)"),
    "admin.import.known_since_help": (
        "Leer: die Zeilen gelten ab jetzt als bekannt. Ein Datum JJJJ-MM-TT: ab dem Ende dieses Tages. Für "
        "Finanzzahlen auch month-end+N: jeder Monat N Tage nach seinem Ende. Eine Spalte known_since übersteuert "
        "es je Zeile. Anleitung: docs/moving-in.md.",
        "Empty: the rows are known from now. A date YYYY-MM-DD: from the end of that day. For financials also "
        "month-end+N: each month N days after it ends. A known_since column overrides it per row. "
        "Guide: docs/moving-in.md.",
    ),
    "admin.import.check": ("Nur prüfen", "Check only"),
    "admin.import.run": ("Importieren", "Import"),
    "admin.import.progress": ("Import läuft: {step}", "Importing: {step}"),
    "admin.import.problems": ("{n} Probleme – es wurde nichts gespeichert.", "{n} problems — nothing was saved."),
    "admin.import.problem": ("Problem", "Problem"),
    "admin.import.counts": (
        "{rows} Zeilen: {added} neu, {changed} geändert, {unchanged} unverändert",
        "{rows} rows: {added} new, {changed} changed, {unchanged} unchanged",
    ),
    "admin.import.done": ("Importiert. {counts}.", "Imported. {counts}."),
    "admin.import.checked": ("Geprüft, nichts gespeichert. {counts}.", "Checked, nothing saved. {counts}."),
    "admin.users.none": ("Noch keine Benutzer eingetragen.", "No users registered yet."),
    "admin.users.email": ("E-Mail", "E-mail"),
    "admin.users.name": ("Name", "Name"),
    "admin.users.role": ("Rolle", "Role"),
    "admin.users.accounts": ("Betreute Key Accounts", "Key accounts managed"),
    "admin.users.accounts_help": (
        "Ein Key Account Manager betreut die Kunden, bei denen seine E-Mail als account_manager eingetragen ist.",
        "An account manager manages the customers whose account_manager is their e-mail address.",
    ),
    "admin.users.form_title": ("Benutzer anlegen oder Rolle ändern", "Add a user or change a role"),
    "admin.users.save": ("Speichern", "Save"),
    "admin.users.saved": ("{user} gespeichert.", "{user} saved."),
    "admin.users.remove_pick": ("Benutzer entfernen", "Remove a user"),
    "admin.users.remove": ("Entfernen", "Remove"),
    "admin.customers.intro": (
        "SKAM-Stufe, SKAM-Start (Datum, an dem der Plan mit dem Kunden vereinbart wurde) und Key Account Manager "
        "eines Kunden. Jede Änderung wird als neue Version mit Name und Zeit gespeichert.",
        "A customer's SKAM stage, SKAM start (the date the plan was agreed with the customer) and account manager. "
        "Every change is saved as a new version with name and time.",
    ),
    "admin.customers.id": ("Kunden-Nr.", "Customer ID"),
    "admin.customers.id_help": ("z. B. K000123", "e.g. K000123"),
    "admin.customers.start_help": (
        "Ab diesem Datum zählt der Kunde im Ergebnisvergleich als SKAM-Konto.",
        "From this date on the customer counts as a SKAM account in the profit comparison.",
    ),
    "admin.customers.save": ("Speichern", "Save"),
    "admin.customers.saved": ("{name} gespeichert.", "{name} saved."),
}
