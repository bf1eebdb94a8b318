"""Step 5, the implementation page (/implementation): milestones, their timeline and status, KPI tracking."""

MESSAGES = {
    "impl.no_account": (
        "Die Umsetzung zeigt für ein Key Account, ob die Meilensteine im Plan sind und die KPIs sich bewegen.",
        "Implementation shows for a key account whether the milestones are on track and the KPIs are moving.",
    ),
    "impl.empty": (
        "Für dieses Konto gibt es noch keine Meilensteine und keine KPIs.",
        "This account has no milestones and no KPIs yet.",
    ),
    "impl.empty_next": (
        "Legen Sie unten den ersten Meilenstein an; KPIs definieren Sie auf der Seite „Account-Plan“.",
        "Add the first milestone below; define KPIs on the 'Account plan' page.",
    ),
    "impl.empty_viewer": (
        "Sobald der Plan Meilensteine und KPIs enthält, erscheinen sie hier.",
        "As soon as the plan has milestones and KPIs, they appear here.",
    ),
    # counts
    "impl.m.open_help": (
        "Meilensteine mit Status „offen“, deren Termin noch nicht überschritten ist.",
        "Milestones with status 'open' whose due date has not passed.",
    ),
    "impl.m.on_track_help": (
        "Meilensteine „im Plan“, deren Termin noch nicht überschritten ist.",
        "Milestones 'on track' whose due date has not passed.",
    ),
    "impl.m.at_risk_help": (
        "Als „gefährdet“ gemeldete Meilensteine, deren Termin noch nicht überschritten ist.",
        "Milestones reported 'at risk' whose due date has not passed.",
    ),
    "impl.m.delayed_help": (
        "Als „verzögert“ gemeldete Meilensteine plus alle, deren Termin überschritten ist und die nicht erledigt "
        "sind – automatisch, ohne dass jemand den Status setzt.",
        "Milestones reported 'delayed' plus all past their due date and not done — automatically, without anyone "
        "setting the status.",
    ),
    "impl.m.done_help": ("Erledigte Meilensteine.", "Milestones done."),
    "impl.auto_delayed": (
        "{n} [[n|Meilenstein ist|Meilensteine sind]] überfällig und [[n|zählt|zählen]] deshalb als verzögert: {titles}",
        "{n} [[n|milestone is|milestones are]] past due and therefore [[n|counts|count]] as delayed: {titles}",
    ),
    # milestones
    "impl.ms.title": ("Meilensteine", "Milestones"),
    "impl.ms.gantt": ("Zeitplan als Diagramm", "Timeline as a chart"),
    "impl.ms.empty": ("Noch keine Meilensteine.", "No milestones yet."),
    "impl.ms.empty_next": (
        "Legen Sie unten die Meilensteine des Plans an – mit Verantwortlichen und Termin.",
        "Add the plan's milestones below — with owner and due date.",
    ),
    "impl.ms.empty_viewer": (
        "Der Key Account Manager legt die Meilensteine an.",
        "The account manager adds the milestones.",
    ),
    "impl.ms.auto_marker": ("(überfällig)", "(past due)"),
    "impl.ms.table_caption": (
        "Meilensteine: ein Klick auf eine Spaltenüberschrift sortiert.",
        "Milestones: click a column header to sort.",
    ),
    "impl.ms.table_hint": (
        "Klick auf eine Spaltenüberschrift sortiert (noch einmal: umgekehrt), Klick auf eine Zeile öffnet "
        "„Status melden“ für diesen Meilenstein.",
        "Click a column header to sort (again: the other way), a row to report that milestone's status.",
    ),
    "impl.ms.table_pick": ("Status von {title} ändern", "Update the status of {title}"),
    "impl.ms.edit": ("Meilenstein hinzufügen oder bearbeiten", "Add or edit a milestone"),
    "impl.filter.title": ("Filtern nach Verantwortlichen und Status", "Filter by owner and status"),
    "impl.filter.title_on": (
        "Filter: {n} [[n|Auswahl|Auswahlen]] aktiv",
        "Filter: {n} [[n|choice|choices]] on",
    ),
    "impl.filter.owner": ("Verantwortlich", "Owner"),
    "impl.filter.all_owners": ("alle", "all"),
    "impl.filter.status": ("Status", "Status"),
    "impl.filter.status_help": (
        "Filtert nach dem tatsächlichen Status: Überfällige zählen als verzögert.",
        "Filters by the effective status: past-due milestones count as delayed.",
    ),
    "impl.filter.nothing": (
        "Kein Meilenstein passt zu diesem Filter.",
        "No milestone matches this filter.",
    ),
    "impl.col.title": ("Meilenstein", "Milestone"),
    "impl.col.owner": ("Verantwortlich", "Owner"),
    "impl.col.owner_help": ("Wer den Meilenstein verantwortet (beliebige Seite).", "Who owns it (either side)."),
    "impl.col.start_date": ("Beginn", "Start"),
    "impl.col.start_date_help": (
        "Beginn der Arbeit am Meilenstein (für die Zeitleiste; leer: 30 Tage vor dem Termin).",
        "When work on it starts (for the timeline; empty: 30 days before the due date).",
    ),
    "impl.col.due": ("Termin", "Due"),
    "impl.col.status": ("Status", "Status"),
    "impl.col.status_help": (
        "Tatsächlicher Status. „(überfällig)“: Termin überschritten und nicht erledigt, daher verzögert – gleich, "
        "was zuletzt gemeldet wurde.",
        "Effective status. '(past due)': due date passed and not done, hence delayed — whatever was last reported.",
    ),
    "impl.col.overdue": ("Tage überfällig", "Days past due"),
    "impl.col.overdue_help": (
        "Tage seit dem Termin bei nicht erledigten Meilensteinen.",
        "Days since the due date, for milestones not done.",
    ),
    "impl.col.completed_on": ("Erledigt am", "Completed on"),
    "impl.col.opportunity": ("Geschäftschance", "Opportunity"),
    "impl.col.objective": ("Ziel", "Objective"),
    "impl.col.comment": ("Kommentar", "Comment"),
    "impl.col.changed": ("Zuletzt geändert", "Last changed"),
    # status update
    "impl.update.title": ("Status melden", "Report status"),
    "impl.update.milestone": ("Meilenstein", "Milestone"),
    "impl.update.status": ("Neuer Status", "New status"),
    "impl.update.completed_on": ("Erledigt am", "Completed on"),
    "impl.update.completed_on_help": (
        "Nur bei „erledigt“: der Tag der Fertigstellung (nicht in der Zukunft).",
        "Only for 'done': the day it was completed (not in the future).",
    ),
    "impl.update.comment": ("Kommentar", "Comment"),
    "impl.update.comment_help": (
        "Was ist der Stand, was fehlt, wer hilft? Bei „gefährdet“ und „verzögert“ Pflicht. Jede Meldung wird mit "
        "Ihrem Namen und der Uhrzeit als neue Version gespeichert.",
        "Where does it stand, what is missing, who helps? Required for 'at risk' and 'delayed'. Every update is "
        "saved as a new version with your name and the time.",
    ),
    "impl.update.comment_placeholder": (
        "z. B. Lieferengpass Leistungselektronik, Entscheidung Luftfracht nötig",
        "e.g. shortage of power electronics, decision on air freight needed",
    ),
    "impl.update.save": ("Status speichern", "Save status"),
    "impl.update.overdue_note": (
        "Der Termin ({day}) ist überschritten: Der Meilenstein zählt als verzögert, bis er erledigt ist oder einen "
        "neuen Termin bekommt.",
        "The due date ({day}) has passed: the milestone counts as delayed until it is done or gets a new due date.",
    ),
    "impl.update.comment_required": (
        "Bitte sagen Sie im Kommentar, warum der Meilenstein {status} ist.",
        "Please say in the comment why the milestone is {status}.",
    ),
    "impl.update.saved": ("„{title}“: {status} – gespeichert.", "'{title}': {status} — saved."),
    # log
    "impl.log.title": ("Statusmeldungen ({n})", "Status updates ({n})"),
    "impl.log.empty": ("Noch keine Statusmeldungen.", "No status updates yet."),
    "impl.log.change": ("Status", "Status"),
    # Gantt
    "impl.gantt.title": ("Meilensteine im Zeitverlauf", "Milestones over time"),
    "impl.gantt.x_axis": ("Datum (Beginn bis Termin bzw. Erledigung)", "Date (start to due date or completion)"),
    "impl.gantt.y_axis": ("Meilenstein", "Milestone"),
    "impl.gantt.today": ("heute, {day}", "today, {day}"),
    "impl.gantt.overdue": ("überfällig", "past due"),
    "impl.gantt.overdue_hover": ("{days} Tage überfällig", "{days} days past due"),
    "impl.gantt.auto_delayed": (
        "zuletzt gemeldet: {status} – überfällig, daher verzögert",
        "last reported: {status} — past due, hence delayed",
    ),
    # KPI tracking
    "impl.kpi.title": ("KPIs: Ist gegen Ziel", "KPIs: actual against target"),
    "impl.kpi.help": (
        "Je KPI der letzte Monat mit Wert gegen den Zielwert dieses Monats (ohne eigenen Zielwert gilt der letzte "
        "frühere). Ampel: grün erreicht, gelb um höchstens 10 % des Zielwerts verfehlt, rot darüber, grau ohne "
        "Vergleich. Die Richtung des KPIs zählt: Bei „niedriger ist besser“ ist ein Wert unter dem Ziel gut.",
        "Per KPI the latest month with a value against that month's target (without its own target the latest "
        "earlier one applies). Traffic light: green met, amber missed by at most 10 % of the target, red beyond, "
        "grey no comparison. The KPI's direction counts: for 'lower is better' a value below target is good.",
    ),
    "impl.kpi.empty": ("Der Plan enthält noch keine KPIs.", "The plan has no KPIs yet."),
    "impl.kpi.empty_next": (
        "KPIs und Zielwerte legen Sie auf der Seite „Account-Plan“ fest, Werte erfassen Sie unter „KPI-Erfassung“.",
        "Define KPIs and targets on the 'Account plan' page and enter values under 'KPI entry'.",
    ),
    "impl.kpi.summary": (
        "Ampel: {green} grün · {amber} gelb · {red} rot · {grey} ohne Vergleich",
        "Traffic lights: {green} green · {amber} amber · {red} red · {grey} no comparison",
    ),
    "impl.kpi.markers": (
        "Punkte im Verlauf: grün Ziel erreicht, gelb knapp verfehlt (bis 10 %), rot verfehlt, grau ohne Zielwert. "
        "Gestrichelt: Zielwert je Monat.",
        "Points over time: green target met, amber narrowly missed (up to 10 %), red missed, grey no target. "
        "Dashed: target per month.",
    ),
    "impl.kpi.enter": ("Werte erfassen", "Enter values"),
    "impl.kpi.latest": ("{name} · {period}", "{name} · {period}"),
    "impl.kpi.latest_help": (
        "Letzter erfasster Wert (bei Korrekturen der neueste Eintrag). Veränderung: gegenüber dem Wert drei Monate "
        "davor. {direction}. Quelle: {source}.",
        "Latest value entered (for corrections the newest entry). Change: against the value three months before. "
        "{direction}. Source: {source}.",
    ),
    "impl.kpi.delta_since": ("seit {since}", "since {since}"),
    "impl.kpi.target_is": ("Ziel: {target}", "Target: {target}"),
    "impl.kpi.shortfall": ("verfehlt um {gap}", "missed by {gap}"),
    "impl.kpi.entered": ("erfasst von {who}, {when}", "entered by {who}, {when}"),
    "impl.kpi.corrected": ("{n}× korrigiert", "corrected {n}×"),
    "impl.kpi.no_data": ("Noch keine Werte und keine Zielwerte.", "No values and no targets yet."),
    "impl.kpi.target": ("Ziel", "Target"),
    "impl.kpi.actual": ("Ist", "Actual"),
    "impl.kpi.x_axis": ("Monat", "Month"),
    "impl.kpi.y_axis": ("Wert in {unit}", "Value in {unit}"),
    "impl.light.green": ("Ziel erreicht", "target met"),
    "impl.light.amber": ("knapp verfehlt", "narrowly missed"),
    "impl.light.red": ("verfehlt", "missed"),
    "impl.light.grey": ("kein Vergleich", "no comparison"),
    "impl.light.help": (
        "Grün: Ziel erreicht (in der Richtung des KPIs). Gelb: um höchstens 10 % des Zielwerts verfehlt. Rot: "
        "stärker verfehlt. Grau: kein Wert oder kein Zielwert.",
        "Green: target met (in the KPI's direction). Amber: missed by at most 10 % of the target. Red: missed by "
        "more. Grey: no value or no target.",
    ),
    "impl.trend.better": ("Trend besser", "improving"),
    "impl.trend.worse": ("Trend schlechter", "worsening"),
    "impl.trend.flat": ("Trend stabil", "stable"),
    "impl.trend.help": (
        "Letzter Wert gegen den Wert drei Monate davor, in der Richtung des KPIs; unter 2 % Veränderung gilt als "
        "stabil.",
        "Latest value against the value three months before, in the KPI's direction; changes below 2 % count as "
        "stable.",
    ),
}
