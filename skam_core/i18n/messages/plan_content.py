"""Step 4 (/plan): objectives, team and RACI, the plan's KPIs and targets, plan versions, editing."""

MESSAGES = {
    # objectives, team, RACI
    "plan.obj.title": ("Gemeinsame Ziele", "Joint objectives"),
    "plan.obj.empty": ("Noch keine Ziele im Plan.", "No objectives in the plan yet."),
    "plan.obj.empty_next": (
        "Legen Sie unten die Ziele fest, die Sie mit dem Kunden vereinbaren – mit Messgröße und Termin.",
        "Set below the objectives you agree with the customer — with a measure and a date.",
    ),
    "plan.obj.empty_viewer": (
        "Der Key Account Manager legt die Ziele fest.",
        "The account manager sets the objectives.",
    ),
    "plan.obj.col.objective": ("Ziel", "Objective"),
    "plan.obj.col.measure": ("Messgröße", "Measure"),
    "plan.obj.col.measure_help": ("Woran die Zielerreichung gemessen wird.", "How achieving it is measured."),
    "plan.obj.col.due": ("Termin", "Due"),
    "plan.obj.col.visible": ("Für den Kunden sichtbar", "Visible to the customer"),
    "plan.obj.col.visible_help": (
        "Interne Ziele (z. B. eigene Margenziele) bleiben in der Kundensicht ausgeblendet.",
        "Internal objectives (e.g. our own margin goals) stay hidden in the customer view.",
    ),
    "plan.obj.col.order": ("Reihenfolge", "Order"),
    "plan.obj.col.order_help": ("Kleinere Zahlen stehen weiter oben.", "Smaller numbers come first."),
    "plan.obj.edit": ("Ziel hinzufügen oder bearbeiten", "Add or edit an objective"),
    "plan.team.title": ("Team auf beiden Seiten", "Team on both sides"),
    "plan.team.empty": ("Noch kein Team benannt.", "No team named yet."),
    "plan.team.empty_next": (
        "Benennen Sie unten das Team beider Seiten und wer im gemeinsamen Lenkungsausschuss sitzt.",
        "Name below the team on both sides and who sits on the joint steering committee.",
    ),
    "plan.team.empty_viewer": ("Der Key Account Manager benennt das Team.", "The account manager names the team."),
    "plan.team.side_empty": ("Noch niemand benannt.", "Nobody named yet."),
    "plan.team.col.name": ("Name", "Name"),
    "plan.team.col.side": ("Seite", "Side"),
    "plan.team.col.role": ("Rolle", "Role"),
    "plan.team.col.role_help": (
        "z. B. Sponsor, Key Account Manager, Projektleitung, Einkauf.",
        "e.g. sponsor, account manager, project lead, purchasing.",
    ),
    "plan.team.col.email": ("E-Mail", "E-mail"),
    "plan.team.col.steering": ("Lenkungsausschuss", "Steering committee"),
    "plan.team.col.steering_help": (
        "Mitglied des gemeinsamen Lenkungsausschusses beider Geschäftsleitungen.",
        "Member of the joint steering committee of both top managements.",
    ),
    "plan.team.edit": ("Teammitglied hinzufügen oder bearbeiten", "Add or edit a team member"),
    "plan.raci.title": ("Wer macht was (RACI)", "Who does what (RACI)"),
    "plan.raci.help": (
        "R – führt aus (Responsible), A – trägt die Verantwortung, genau eine Person (Accountable), C – wird "
        "beteiligt (Consulted), I – wird informiert (Informed).",
        "R — does the work (responsible), A — answerable, exactly one person (accountable), C — consulted, "
        "I — informed.",
    ),
    "plan.raci.legend": (
        "R führt aus · A trägt die Verantwortung (genau eine Person) · C wird beteiligt · I wird informiert. "
        "(U) unser Team, (K) Team des Kunden.",
        "R does the work · A answerable (exactly one person) · C consulted · I informed. (O) our team, (C) the "
        "customer's team.",
    ),
    "plan.raci.ours_short": ("U", "O"),
    "plan.raci.customer_short": ("K", "C"),
    "plan.raci.col.item": ("Ziel oder Meilenstein", "Objective or milestone"),
    "plan.raci.kind.objective": ("Ziel", "Objective"),
    "plan.raci.kind.milestone": ("Meilenstein", "Milestone"),
    "plan.raci.empty": (
        "Die RACI-Matrix braucht Ziele oder Meilensteine und ein Team.",
        "The RACI matrix needs objectives or milestones and a team.",
    ),
    "plan.raci.empty_next": (
        "Legen Sie Ziele und Team hier an, Meilensteine auf der Seite „Umsetzung“.",
        "Add objectives and team here, milestones on the 'Implementation' page.",
    ),
    "plan.raci.save": ("RACI speichern ({n} Änderungen)", "Save RACI ({n} changes)"),
    "plan.raci.saved": ("RACI gespeichert: {n} Zellen geändert.", "RACI saved: {n} cells changed."),
    "plan.raci.gap.no_responsible": (
        "{n} ohne Ausführende (R): {items}",
        "{n} without anyone responsible (R): {items}",
    ),
    "plan.raci.gap.no_accountable": (
        "{n} ohne Verantwortliche (A): {items}",
        "{n} without anyone accountable (A): {items}",
    ),
    "plan.raci.gap.several_accountable": (
        "{n} mit mehr als einer verantwortlichen Person (A): {items}",
        "{n} with more than one accountable person (A): {items}",
    ),
    "plan.ms.title": ("Meilensteine", "Milestones"),
    "plan.ms.empty": ("Noch keine Meilensteine.", "No milestones yet."),
    # KPIs of the plan
    "plan.kpi.title": ("KPIs des Plans", "The plan's KPIs"),
    "plan.kpi.empty": ("Der Plan enthält noch keine KPIs.", "The plan has no KPIs yet."),
    "plan.kpi.empty_next": (
        "Definieren Sie unten die KPIs, an denen Sie den Fortschritt messen – mit Einheit, Richtung und Quelle – "
        "und danach die Zielwerte je Monat.",
        "Define below the KPIs that measure progress — with unit, direction and source — and then the targets per "
        "month.",
    ),
    "plan.kpi.empty_viewer": ("Der Key Account Manager definiert die KPIs.", "The account manager defines the KPIs."),
    "plan.kpi.col.name": ("KPI", "KPI"),
    "plan.kpi.col.unit": ("Einheit", "Unit"),
    "plan.kpi.col.unit_help": (
        "z. B. %, EUR, ppm, Tage, Anzahl. Prozentwerte liegen zwischen 0 und 100, wenn nicht anders festgelegt.",
        "e.g. %, EUR, ppm, days, count. Percentages lie between 0 and 100 unless defined otherwise.",
    ),
    "plan.kpi.col.direction": ("Richtung", "Direction"),
    "plan.kpi.col.source": ("Quelle", "Source"),
    "plan.kpi.col.source_help": ("Woher der Wert kommt (System, Bericht).", "Where the figure comes from."),
    "plan.kpi.col.min": ("Kleinster plausibler Wert", "Lowest plausible value"),
    "plan.kpi.col.max": ("Größter plausibler Wert", "Highest plausible value"),
    "plan.kpi.col.range": ("Plausibler Bereich", "Plausible range"),
    "plan.kpi.col.range_help": (
        "Eingaben außerhalb dieses Bereichs werden abgelehnt (Tippfehler-Schutz).",
        "Entries outside this range are refused (protection against typos).",
    ),
    "plan.kpi.col.description": ("Beschreibung", "Description"),
    "plan.kpi.col.target_now": ("Zielwert {month}", "Target {month}"),
    "plan.kpi.col.target_now_help": (
        "Der Zielwert für diesen Monat; ohne eigenen Wert gilt der letzte frühere Zielwert.",
        "The target for this month; without its own value the latest earlier target applies.",
    ),
    "plan.kpi.col.targets_until": ("Zielwerte bis", "Targets until"),
    "plan.kpi.col.period": ("Monat", "Month"),
    "plan.kpi.col.target": ("Zielwert", "Target"),
    "plan.kpi.edit": ("KPI hinzufügen oder bearbeiten", "Add or edit a KPI"),
    "plan.kpi.targets": ("Zielwerte je Monat", "Targets per month"),
    "plan.kpi.targets_pick": ("KPI", "KPI"),
    "plan.kpi.targets_help": (
        "Zielwert für den Monat. Leer lassen: Es gilt der letzte frühere Zielwert. Einen Wert löschen entfernt ihn.",
        "Target for the month. Leave empty: the latest earlier target applies. Clearing a value removes it.",
    ),
    "plan.kpi.targets_save": ("Zielwerte speichern ({n} Änderungen)", "Save targets ({n} changes)"),
    "plan.kpi.targets_saved": ("Zielwerte gespeichert: {n} Monate geändert.", "Targets saved: {n} months changed."),
    "plan.kpi.definition_history": ("Änderungsverlauf der KPI-Definition", "Change history of the KPI definition"),
    # plan versions
    "plan.ver.title": ("Planversionen", "Plan versions"),
    "plan.ver.empty": ("Noch keine Planversion.", "No plan version yet."),
    "plan.ver.empty_next": (
        "Beginnen Sie mit „Neue Planversion“ einen Entwurf und vermerken Sie, wann er mit dem Kunden vereinbart wurde.",
        "Start a draft with 'New plan version' and record when it was agreed with the customer.",
    ),
    "plan.ver.empty_viewer": (
        "Der Key Account Manager legt die Planversionen an.",
        "The account manager creates the plan versions.",
    ),
    "plan.ver.col.no": ("Version", "Version"),
    "plan.ver.col.title": ("Titel", "Title"),
    "plan.ver.col.status": ("Status", "Status"),
    "plan.ver.col.agreed_on": ("Vereinbart am", "Agreed on"),
    "plan.ver.col.customer_sees": ("Der Kunde sieht", "The customer sees"),
    "plan.ver.col.summary": ("Zusammenfassung", "Summary"),
    "plan.ver.col.changed": ("Zuletzt geändert", "Last changed"),
    "plan.ver.customer_sees_help": (
        "Welche Teile des Plans der Kunde kennt. Die Kundensicht dieser Seite zeigt genau diese Teile.",
        "Which parts of the plan the customer knows. This page's customer view shows exactly these parts.",
    ),
    "plan.ver.start": ("Neue Planversion", "New plan version"),
    "plan.ver.start_help": (
        "Legt einen Entwurf mit der nächsten Nummer an und übernimmt Titel, Zusammenfassung und Freigaben der "
        "neuesten Version.",
        "Creates a draft with the next number, taking title, summary and shared parts from the latest version.",
    ),
    "plan.ver.started": ("Neue Planversion als Entwurf angelegt.", "New plan version created as a draft."),
    "plan.ver.pick": ("Version bearbeiten", "Edit version"),
    "plan.ver.agreed_on_input": ("Mit dem Kunden vereinbart am", "Agreed with the customer on"),
    "plan.ver.agree": ("Version {no} als vereinbart vermerken", "Record version {no} as agreed"),
    "plan.ver.agreed": (
        "Als vereinbart vermerkt; die bisher geltende Version ist abgelöst.",
        "Recorded as agreed; the version in force until now is superseded.",
    ),
    # editing helpers and errors
    "plan.edit.choose": ("Eintrag", "Item"),
    "plan.edit.new": ("+ Neu anlegen", "+ Create new"),
    "plan.edit.remove_confirm": ("„{item}“ wirklich entfernen?", "Really remove '{item}'?"),
    "plan.edit.remove_yes": ("Ja, entfernen", "Yes, remove"),
    "plan.error.write_conflict": (
        "Jemand hat im selben Moment dieselben Daten gespeichert; Ihre Änderung wurde nicht gespeichert. "
        "Bitte versuchen Sie es noch einmal.",
        "Someone else was saving the same data at the same moment; your change was not saved. Please try again.",
    ),
    "plan.error.stale": ("Zwischenzeitlich geändert: {detail}", "Changed in the meantime: {detail}"),
    "plan.error.not_found": ("Nicht mehr vorhanden: {detail}", "No longer there: {detail}"),
}
