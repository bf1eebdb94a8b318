"""Step 4 (/plan): the stakeholder map, its coverage findings and the customer-feedback log."""

MESSAGES = {
    # stakeholders
    "plan.m.stakeholders": ("Stakeholder", "Stakeholders"),
    "plan.m.stakeholders_help": (
        "Personen beim Kunden, die unser Angebot beurteilen, auf der Landkarte erfasst.",
        "People at the customer who judge our offer, recorded on the map.",
    ),
    "plan.m.engaged": ("Eingebunden", "Engaged"),
    "plan.m.engaged_help": (
        "Stakeholder mit einem Kontakt in den letzten {days} Tagen (Datum „letzter Kontakt“) von allen Stakeholdern.",
        "Stakeholders contacted within the last {days} days (date 'last contact') out of all stakeholders.",
    ),
    "plan.m.key_functions": ("Kernfunktionen erreicht", "Key functions reached"),
    "plan.m.key_functions_help": (
        "Von Geschäftsführung, Finanzen, F&E, Produktion und Einkauf: Funktionen mit mindestens einer "
        "Person, die in den letzten {days} Tagen kontaktiert wurde.",
        "Of management, finance, R&D, production and purchasing: functions with at least one person contacted "
        "within the last {days} days.",
    ),
    "plan.m.long_term": ("Langfrist-Verantwortliche", "Long-term owners"),
    "plan.m.long_term_help": (
        "Personen mit Verantwortung für die langfristige Entwicklung des Geschäfts: eingebunden (Kontakt in den "
        "letzten {days} Tagen) von allen erfassten.",
        "People responsible for the long-term development of the business: engaged (contact within the last "
        "{days} days) out of all recorded.",
    ),
    "plan.map.title": (
        "Stakeholder-Landkarte (Einfluss und Haltung) und Stakeholder je Funktion",
        "Stakeholder map (influence and attitude) and stakeholders per function",
    ),
    "plan.map.x_axis": ("Haltung zu uns (−2 … +2)", "Attitude to us (−2 … +2)"),
    "plan.map.y_axis": ("Einfluss auf die Entscheidung (1–5)", "Influence on the decision (1–5)"),
    "plan.map.legend": ("Funktion", "Function"),
    "plan.map.zone_risk": ("gewinnen: einflussreich, skeptisch", "win over: influential, sceptical"),
    "plan.map.zone_champions": ("Fürsprecher mit Einfluss", "influential champions"),
    "plan.map.caption": (
        "◆ Raute: verantwortet das langfristige Geschäft · ○ offenes Symbol: seit über {days} Tagen kein Kontakt. "
        "Personen mit gleicher Bewertung liegen kreisförmig um denselben Punkt. Namen beim Überfahren.",
        "◆ diamond: responsible for the long-term business · ○ open symbol: no contact for more than {days} days. "
        "People with the same rating sit in a small circle around the same point. Names on hover.",
    ),
    "plan.map.never_contacted": ("noch nie kontaktiert", "never contacted"),
    "plan.map.last_contact": ("Letzter Kontakt: {day} (vor {days} Tagen)", "Last contact: {day} ({days} days ago)"),
    "plan.map.long_term": ("verantwortet das langfristige Geschäft", "responsible for the long-term business"),
    "plan.cov.title": ("Abdeckung", "Coverage"),
    "plan.cov.help": (
        "Regeln: Kernfunktionen (Geschäftsführung, Finanzen, F&E, Produktion, Einkauf) sollen erreicht sein; "
        "erreicht heißt Kontakt in den letzten {days} Tagen. Mindestens eine Person mit Verantwortung für das "
        "langfristige Geschäft soll eingebunden sein. Nur Einkauf (oder nur Einkauf und Produktion) ist eine "
        "Warnung: Kurzfristiges Vorteilsdenken steht nicht im Fokus von SKAM.",
        "Rules: key functions (management, finance, R&D, production, purchasing) should be reached; reached means "
        "contacted within the last {days} days. At least one person responsible for the long-term business should "
        "be engaged. Only purchasing (or only purchasing and production) is a warning: short-term gains are not "
        "what SKAM is about.",
    ),
    "plan.cov.chart_title": ("Stakeholder je Funktion", "Stakeholders per function"),
    "plan.cov.x_axis": ("Anzahl Personen", "Number of people"),
    "plan.cov.engaged": ("eingebunden", "engaged"),
    "plan.cov.not_engaged": ("nicht eingebunden", "not engaged"),
    "plan.cov.key_marker": (
        "* Kernfunktion, die ein komplexes Angebot mitbeurteilt.",
        "* key function that judges a complex offer.",
    ),
    "plan.finding.no_stakeholders": (
        "Noch keine Stakeholder erfasst – wer beim Kunden unser Angebot beurteilt, ist unbekannt.",
        "No stakeholders recorded yet — we do not know who judges our offer at the customer.",
    ),
    "plan.finding.nobody_engaged": (
        "Mit niemandem in den letzten {days} Tagen Kontakt.",
        "Nobody contacted within the last {days} days.",
    ),
    "plan.finding.only_purchasing": (
        "Nur der Einkauf ist eingebunden. Ein SKAM-Angebot braucht die Personen, die das langfristige Geschäft "
        "verantworten – nicht nur den Einkauf.",
        "Only purchasing is engaged. A SKAM offer needs the people who own the long-term business — not only "
        "purchasing.",
    ),
    "plan.finding.only_operational": (
        "Nur Einkauf und Produktion sind eingebunden – die Interessen einzelner Abteilungen, nicht das "
        "langfristige Geschäft.",
        "Only purchasing and production are engaged — the interests of single departments, not the long-term business.",
    ),
    "plan.finding.functions_missing": (
        "Nicht auf der Landkarte: {functions}.",
        "Not on the map: {functions}.",
    ),
    "plan.finding.functions_not_engaged": (
        "Erfasst, aber seit über {days} Tagen nicht erreicht: {functions}.",
        "Recorded but not reached for more than {days} days: {functions}.",
    ),
    "plan.finding.all_functions_reached": (
        "Alle Kernfunktionen in den letzten {days} Tagen erreicht.",
        "All key functions reached within the last {days} days.",
    ),
    "plan.finding.no_long_term": (
        "Niemand mit Verantwortung für das langfristige Geschäft ist erfasst.",
        "Nobody responsible for the long-term business is recorded.",
    ),
    "plan.finding.long_term_not_engaged": (
        "Die Verantwortlichen für das langfristige Geschäft ({names}) hatten seit über {days} Tagen keinen Kontakt.",
        "The people responsible for the long-term business ({names}) have not been contacted for more than "
        "{days} days.",
    ),
    "plan.finding.long_term_engaged": (
        "Langfristig verantwortlich und eingebunden: {names}.",
        "Responsible for the long term and engaged: {names}.",
    ),
    "plan.finding.long_term_opposed": (
        "Die eingebundenen Langfrist-Verantwortlichen sind uns gegenüber skeptisch: {names}.",
        "The engaged long-term owners are sceptical of us: {names}.",
    ),
    "plan.finding.influential_opponents": (
        "Einflussreich und skeptisch – gezielt gewinnen: {names}.",
        "Influential and sceptical — win them over: {names}.",
    ),
    "plan.finding.stale_contacts": (
        "Seit über {days} Tagen kein Kontakt: {names}.",
        "No contact for more than {days} days: {names}.",
    ),
    "plan.sh.empty": ("Noch keine Stakeholder erfasst.", "No stakeholders recorded yet."),
    "plan.sh.empty_next": (
        "Erfassen Sie unten alle Personen, die unser Angebot beurteilen – vor allem die mit Verantwortung für das "
        "langfristige Geschäft, nicht nur Einkauf oder Produktion.",
        "Record below everyone who judges our offer — above all those responsible for the long-term business, "
        "not only purchasing or production.",
    ),
    "plan.sh.empty_viewer": (
        "Der Key Account Manager erfasst die Stakeholder.",
        "The account manager records the stakeholders.",
    ),
    "plan.sh.list": ("Alle Stakeholder", "All stakeholders"),
    "plan.sh.table_caption": (
        "Alle Stakeholder: ein Klick auf eine Spaltenüberschrift sortiert.",
        "All stakeholders: click a column header to sort.",
    ),
    "plan.sh.edit": ("Stakeholder hinzufügen oder bearbeiten", "Add or edit a stakeholder"),
    "plan.sh.contacted": ("Kontakt vermerken", "Record a contact"),
    "plan.sh.contacted_who": ("Mit wem hatten Sie Kontakt?", "Whom did you speak to?"),
    "plan.sh.contacted_button": ("Kontakt am {day} vermerken", "Record contact on {day}"),
    "plan.sh.contacted_saved": ("Kontakt mit {name} vermerkt.", "Contact with {name} recorded."),
    "plan.col.name": ("Name", "Name"),
    "plan.col.job_title": ("Position", "Job title"),
    "plan.col.function": ("Funktion", "Function"),
    "plan.col.influence": ("Einfluss", "Influence"),
    "plan.col.influence_help": (
        "Wie stark die Person die Entscheidung über unser Angebot beeinflusst: 1 gering … 5 entscheidend.",
        "How strongly the person influences the decision on our offer: 1 little … 5 decisive.",
    ),
    "plan.col.attitude": ("Haltung", "Attitude"),
    "plan.col.attitude_help": (
        "Haltung zu uns und unserem Angebot: −2 ablehnend, −1 skeptisch, 0 neutral, +1 wohlwollend, +2 Fürsprecher.",
        "Attitude to us and our offer: −2 opposed, −1 sceptical, 0 neutral, +1 supportive, +2 champion.",
    ),
    "plan.col.long_term": ("Langfristig verantwortlich", "Long-term responsibility"),
    "plan.col.long_term_help": (
        "Verantwortet die langfristige Entwicklung des Geschäfts (z. B. Geschäftsführung, Strategie, Entwicklung).",
        "Responsible for the long-term development of the business (e.g. management, strategy, R&D).",
    ),
    "plan.col.last_contact": ("Letzter Kontakt", "Last contact"),
    "plan.col.days_since": ("Tage seit Kontakt", "Days since contact"),
    "plan.col.days_since_help": (
        "Tage seit dem letzten Kontakt (leer: noch nie). Über 90 Tage gilt als nicht eingebunden.",
        "Days since the last contact (empty: never). Over 90 days counts as not engaged.",
    ),
    "plan.col.our_contact": ("Unser Kontakt", "Our contact"),
    "plan.col.our_contact_help": (
        "Wer auf unserer Seite die Beziehung pflegt.",
        "Who on our side keeps the relationship.",
    ),
    # feedback
    "plan.fb.empty": ("Noch kein Kundenfeedback erfasst.", "No customer feedback recorded yet."),
    "plan.fb.empty_next": (
        "Halten Sie unten fest, was der Kunde zum Angebot sagt – auch Kritik: Sie zeigt, wo der Plan nachgeschärft "
        "werden muss.",
        "Record below what the customer says about the offer — criticism too: it shows where the plan needs work.",
    ),
    "plan.fb.empty_viewer": (
        "Der Key Account Manager erfasst das Feedback des Kunden.",
        "The account manager records the customer's feedback.",
    ),
    "plan.fb.m.total": ("Rückmeldungen", "Feedback items"),
    "plan.fb.m.total_help": (
        "Anzahl der erfassten Rückmeldungen des Kunden.",
        "Number of recorded feedback items from the customer.",
    ),
    "plan.fb.m.sentiment_help": (
        "Rückmeldungen mit dieser Tendenz, wie bei der Erfassung eingeschätzt.",
        "Feedback items with this sentiment, as judged when recorded.",
    ),
    "plan.fb.col.date": ("Datum", "Date"),
    "plan.fb.col.from": ("Von", "From"),
    "plan.fb.col.what": ("Was", "What"),
    "plan.fb.col.sentiment": ("Tendenz", "Sentiment"),
    "plan.fb.col.about": ("Betrifft", "About"),
    "plan.fb.col.about_help": (
        "Der Baustein der Value Proposition, um den es geht (falls einer).",
        "The value-proposition component it is about (if any).",
    ),
    "plan.fb.col.stakeholder": ("Stakeholder", "Stakeholder"),
    "plan.fb.col.stakeholder_help": (
        "Wer das Feedback gab, falls auf der Stakeholder-Landkarte.",
        "Who gave the feedback, if on the stakeholder map.",
    ),
    "plan.fb.col.from_name": ("Oder: Name", "Or: name"),
    "plan.fb.col.from_name_help": (
        "Name, wenn die Person nicht auf der Landkarte steht.",
        "Name, if the person is not on the map.",
    ),
    "plan.fb.edit": ("Feedback erfassen oder bearbeiten", "Record or edit feedback"),
}
