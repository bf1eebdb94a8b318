"""The steering pack's "since the last meeting" (escalations, KPI lights), action items, the chair's overview
columns and the verdict line."""

MESSAGES = {
    "steering.changes.escalations": ("Eskalationen", "Escalations"),
    "steering.changes.none_escalations": (
        "Keine neue und keine überfällige Eskalation.",
        "No new and no overdue escalation.",
    ),
    "steering.changes.esc_new": ("Neu: {problem} (entscheiden bis {due})", "New: {problem} (decide by {due})"),
    "steering.changes.esc_overdue": (
        "Überfällig: {problem} (entscheiden bis {due})",
        "Overdue: {problem} (decide by {due})",
    ),
    "steering.changes.esc_new_overdue": (
        "Neu und überfällig: {problem} (entscheiden bis {due})",
        "New and overdue: {problem} (decide by {due})",
    ),
    "steering.changes.kpis": ("KPI-Ampeln", "KPI lights"),
    "steering.changes.none_kpis": ("Keine Ampel hat sich geändert.", "No light has changed."),
    "steering.changes.kpi_line": ("{name}: {then} → {now} ({change})", "{name}: {then} → {now} ({change})"),
    "steering.changes.kpi.better": ("besser", "better"),
    "steering.changes.kpi.worse": ("schlechter", "worse"),
    "steering.changes.kpi.changed": ("wieder gemessen", "measured again"),
    "steering.changes.overdue_mark": ("überfällig", "overdue"),
    "steering.changes.ms_line": ("{title} (fällig {due})", "{title} (due {due})"),
    "steering.changes.ms_line_overdue": ("{title} (fällig {due}, überfällig)", "{title} (due {due}, overdue)"),
    "steering.esc.overdue": ("Überfällig", "Overdue"),
    "steering.esc.overdue_yes": ("überfällig", "overdue"),
    "steering.act.title": ("Offene Maßnahmen aus Beschlüssen", "Open action items from decisions"),
    "steering.act.none": ("Keine offene Maßnahme.", "No open action item."),
    "steering.act.decision": ("Beschluss", "Decision"),
    "steering.act.item": ("Maßnahme", "Action item"),
    "steering.act.owner": ("Verantwortlich", "Owner"),
    "steering.act.due": ("Fällig am", "Due on"),
    "steering.act.status": ("Status", "Status"),
    "steering.act.help": (
        "Vereinbarte Maßnahmen sind Meilensteine des Plans: ihren Status pflegt das Team wie bei jedem "
        "Meilenstein; überfällig heißt: Fälligkeit vorbei, nicht erledigt.",
        "Agreed action items are milestones of the plan: the team keeps their status like any milestone's; "
        "overdue means past the due date and not done.",
    ),
    "steering.form.action_decision": ("Zu Beschluss Nr.", "For decision no."),
    "steering.form.add_action_title": ("Maßnahme zu einem Beschluss ergänzen", "Add an action item to a decision"),
    "steering.form.add_action": ("Maßnahme speichern", "Save action item"),
    "steering.form.action_added": ("Maßnahme gespeichert.", "Action item saved."),
    "steering.form.which_decision": ("Beschluss", "Decision"),
}
MESSAGES.update(
    {
        "steering.ov.kpi_green": ("KPIs grün", "KPIs green"),
        "steering.ov.kpi_amber": ("KPIs gelb", "KPIs amber"),
        "steering.ov.kpi_red": ("KPIs rot", "KPIs red"),
        "steering.ov.kpi_help": (
            "Anzahl der KPIs des Kontos mit dieser Ampel: letzter Wert gegen das Ziel desselben Monats "
            "(gelb: höchstens 10 % verfehlt).",
            "How many of the account's KPIs have this light: latest value against that month's target "
            "(amber: missed by at most 10 %).",
        ),
        "steering.ov.overdue_escalations": ("Eskalationen überfällig", "Overdue escalations"),
        "steering.ov.overdue_help": (
            "Offene Eskalationen, deren „Entscheiden bis“-Datum vorbei ist.",
            "Open escalations whose “decide by” date has passed.",
        ),
        "steering.ov.ms_delayed": ("Meilensteine verzögert oder überfällig", "Milestones delayed or overdue"),
        "steering.ov.ms_at_risk": ("Meilensteine gefährdet", "Milestones at risk"),
        "steering.ov.margin": (
            "Relative operative Marge, letzte 12 Monate",
            "Relative operating margin, last 12 months",
        ),
        "steering.ov.rules": ("Goldene Regeln (von 5)", "Golden rules (of 5)"),
        "steering.ov.sorted": (
            "Sortiert nach Handlungsbedarf: rote KPIs, überfällige Eskalationen, verzögerte Meilensteine, "
            "gelbe KPIs, offene Eskalationen. Farben wie überall: grün im Plan, gelb gefährdet, rot verzögert "
            "oder verfehlt.",
            "Sorted by what needs attention: red KPIs, overdue escalations, delayed milestones, amber KPIs, open "
            "escalations. Colours as everywhere: green on track, amber at risk, red delayed or missed.",
        ),
    }
)
MESSAGES.update(
    {
        "steering.verdict.above": (
            "{name} erwirtschaftet {gap} mehr Umsatzrendite als die übrigen Kunden: bei {revenue} Umsatz in den "
            "letzten 12 Monaten sind das {eur} mehr Betriebsergebnis pro Jahr.",
            "{name} earns {gap} more margin than the other customers: on {revenue} revenue over the last "
            "12 months that is {eur} more operating profit a year.",
        ),
        "steering.verdict.below": (
            "{name} erwirtschaftet {gap} weniger Umsatzrendite als die übrigen Kunden: bei {revenue} Umsatz in "
            "den letzten 12 Monaten fehlen {eur} Betriebsergebnis pro Jahr.",
            "{name} earns {gap} less margin than the other customers: on {revenue} revenue over the last "
            "12 months that is {eur} less operating profit a year.",
        ),
        "steering.verdict.none": (
            "Noch keine 12 Monate mit Zahlen: kein Vergleich mit den übrigen Kunden.",
            "No 12 months of figures yet: no comparison with the other customers.",
        ),
        "steering.tab.committee": ("Eskalationen und Beschlüsse", "Escalations and decisions"),
        "steering.tab.kpis": ("KPI-Ampeln", "KPI lights"),
        "steering.tab.figures": ("Wert, Marge, Meilensteine", "Value, margin, milestones"),
        "steering.tab.rules": ("Nächste Sitzung und Regeln", "Next meeting and rules"),
        "steering.tab.meetings": ("Sitzungen", "Meetings"),
        "steering.board.download_pdf": ("Vorlage als PDF", "Board pack PDF"),
        "steering.board.download_pptx": ("Als PowerPoint", "As PowerPoint"),
        "steering.board.help": (
            "Eine Seite für die Sitzung (Kennzahlen, Änderungen seit der letzten Sitzung, KPI-Ampeln, "
            "Eskalationen, Beschlüsse, zwei Diagramme) und ein Anhang; Stand und Snapshot-Link auf jeder Seite. "
            "Beim Klick erstellt: das dauert einige Sekunden.",
            "One page for the meeting (figures, changes since the last meeting, KPI lights, escalations, "
            "decisions, two charts) and an appendix; as-of date and snapshot link on every page. "
            "Made on the click: that takes a few seconds.",
        ),
        "steering.board.no_chromium": (
            "Die Sitzungsunterlage braucht Diagramme, und dafür fehlt auf diesem Server Chromium "
            "(Debian: apt-get install chromium).",
            "The board pack needs charts, and this server has no Chromium to draw them "
            "(Debian: apt-get install chromium).",
        ),
        "steering.board.charts_failed": (
            "Diagramm nicht verfügbar: es ließ sich beim Erstellen der Datei nicht zeichnen; im Dashboard steht es.",
            "Chart not available: it could not be drawn when the file was made; it is on the dashboard.",
        ),
        "steering.board.appendix": ("Anhang", "Appendix"),
        "steering.board.decisions_recent": ("Beschlüsse seit der letzten Sitzung", "Decisions since the last meeting"),
        "steering.board.escalations": ("Offene Eskalationen", "Open escalations"),
        "steering.board.all_decisions": ("Alle Beschlüsse", "All decisions"),
        "steering.board.all_actions": ("Alle Maßnahmen", "All action items"),
    }
)
MESSAGES.update(
    {
        "steering.present.back": ("Zurück", "Back"),
        "steering.present.forward": ("Weiter", "Next"),
        "steering.present.more": ("+ {n} weitere im Board-Pack", "+ {n} more in the board pack"),
        "steering.present.where": (
            "Konto {n} von {total} · {section} ({k} von {sections}) · Pfeiltasten ← → blättern",
            "Account {n} of {total} · {section} ({k} of {sections}) · arrow keys ← → to move",
        ),
        "steering.present.section.overview": ("Überblick", "Overview"),
        "steering.present.section.kpis": ("KPI-Ampeln", "KPI lights"),
        "steering.present.section.charts": ("Marge und Wert", "Margin and value"),
        "steering.present.section.decisions": ("Eskalationen und Beschlüsse", "Escalations and decisions"),
    }
)
