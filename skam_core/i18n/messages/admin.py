"""The administration page."""

MESSAGES = {
    "admin.tab.import": ("Import", "Import"),
    "admin.tab.users": ("Benutzer und Rollen", "Users and roles"),
    "admin.tab.customers": ("Programm-Mitgliedschaft", "Programme membership"),
    "admin.import.intro": (
        "Import über das laufende Dashboard. Importe von der Kommandozeile übergibt das Programm ebenfalls an das "
        "laufende Dashboard (mit PostgreSQL schreiben sie direkt). Alles oder nichts: bei einem Fehler wird nichts "
        "gespeichert, und jede fehlerhafte Zelle wird mit Zeile und Spalte genannt.",
        "Import through the running dashboard. Command-line imports are handed to the running dashboard too (with "
        "PostgreSQL they write directly). All or nothing: with any problem nothing is saved, and every bad cell is "
        "named by row and column.",
    ),
    "admin.import.kind": ("Was importieren?", "What to import?"),
    "admin.import.kind.customers": ("Kunden", "Customers"),
    "admin.import.kind.financials": ("Monatszahlen", "Monthly financials"),
    "admin.import.kind.kpis": ("KPI-Werte", "KPI values"),
    "admin.import.kind.stakeholders": ("Stakeholder (CRM)", "Stakeholders (CRM)"),
    "admin.import.kind.opportunities": ("Geschäftschancen (CRM)", "Opportunities (CRM)"),
    "admin.import.kind.milestones": ("Meilensteine", "Milestones"),
    "admin.import.mapping": ("Zuordnung der Spalten", "Column mapping"),
    "admin.import.mapping_none": ("Keine: die Spalten des Produkts", "None: the product's columns"),
    "admin.import.mapping_own": ("Eigene Zuordnung hochladen (.toml)", "Upload your own mapping (.toml)"),
    "admin.import.mapping_file": ("Zuordnung (.toml)", "Mapping (.toml)"),
    "admin.import.mapping_help": (
        "Liest einen Export aus Salesforce, HubSpot oder Asana: welche Spalte welches Feld füllt und wie die Werte "
        "übersetzt werden. Die eingebauten Zuordnungen kennen Ihre Kunden-IDs nicht; eine eigene Zuordnung "
        '(extends = "salesforce-contacts" und [values.customer_id]) ergänzt sie. Anleitung: docs/moving-in.md.',
        "Reads an export from Salesforce, HubSpot or Asana: which column fills which field and how values "
        "translate. The built-in mappings do not know your customer ids; your own mapping "
        '(extends = "salesforce-contacts" and [values.customer_id]) adds them. Guide: docs/moving-in.md.',
    ),
    "admin.import.change": ("Änderung", "Change"),
    "admin.import.more_changes": ("… und {n} weitere", "… and {n} more"),
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
