"""Step 4, the account plan page (/plan), and the vocabularies of plan content (enum.*)."""

MESSAGES = {
    # vocabularies
    "enum.function.management": ("Geschäftsführung", "Management"),
    "enum.function.finance": ("Finanzen", "Finance"),
    "enum.function.rnd": ("Forschung & Entwicklung", "R&D"),
    "enum.function.production": ("Produktion", "Production"),
    "enum.function.purchasing": ("Einkauf", "Purchasing"),
    "enum.function.quality": ("Qualität", "Quality"),
    "enum.function.logistics": ("Logistik", "Logistics"),
    "enum.function.sales": ("Vertrieb & Service", "Sales & service"),
    "enum.function.it": ("IT", "IT"),
    "enum.side.ours": ("Unser Team", "Our team"),
    "enum.side.customer": ("Team des Kunden", "Customer's team"),
    "enum.direction.higher": ("höher ist besser", "higher is better"),
    "enum.direction.lower": ("niedriger ist besser", "lower is better"),
    "enum.plan_status.draft": ("Entwurf", "draft"),
    "enum.plan_status.agreed": ("vereinbart", "agreed"),
    "enum.plan_status.superseded": ("abgelöst", "superseded"),
    "enum.plan_part.objectives": ("Ziele", "Objectives"),
    "enum.plan_part.team": ("Team", "Team"),
    "enum.plan_part.raci": ("Verantwortlichkeiten (RACI)", "Responsibilities (RACI)"),
    "enum.plan_part.milestones": ("Meilensteine", "Milestones"),
    "enum.plan_part.kpis": ("KPIs", "KPIs"),
    "enum.sentiment.1": ("positiv", "positive"),
    "enum.sentiment.0": ("neutral", "neutral"),
    "enum.sentiment.-1": ("kritisch", "critical"),
    "plan.attitude.-2": ("−2 ablehnend", "−2 opposed"),
    "plan.attitude.-1": ("−1 skeptisch", "−1 sceptical"),
    "plan.attitude.0": ("0 neutral", "0 neutral"),
    "plan.attitude.1": ("+1 wohlwollend", "+1 supportive"),
    "plan.attitude.2": ("+2 Fürsprecher", "+2 champion"),
    # page
    "plan.no_account": (
        "Der Account-Plan gehört zu einem Key Account: Wer beurteilt unser Angebot, was ist vereinbart, wer tut was.",
        "The account plan belongs to a key account: who judges our offer, what is agreed, who does what.",
    ),
    "plan.empty": (
        "Für dieses Konto gibt es noch keinen Account-Plan.",
        "There is no account plan for this account yet.",
    ),
    "plan.empty_next": (
        "Beginnen Sie mit den Stakeholdern, die unser Angebot beim Kunden beurteilen (Reiter „Stakeholder“), "
        "und legen Sie unter „Planversionen“ einen ersten Entwurf an.",
        "Start with the stakeholders who judge our offer at the customer (tab 'Stakeholders') and create a first "
        "draft under 'Plan versions'.",
    ),
    "plan.empty_viewer": (
        "Der Key Account Manager legt den Plan an; sobald es ihn gibt, erscheint er hier.",
        "The account manager creates the plan; it appears here as soon as it exists.",
    ),
    "plan.customer_view": ("Kundensicht", "Customer view"),
    "plan.customer_view_help": (
        "Zeigt nur, was der Kunde laut der geltenden Planversion sieht – etwa für die gemeinsame Sitzung. "
        "Stakeholder-Landkarte und Feedback sind intern und bleiben ausgeblendet.",
        "Shows only what the customer sees according to the plan version in force — e.g. for a joint meeting. "
        "The stakeholder map and feedback are internal and stay hidden.",
    ),
    "plan.customer_view_on": (
        "Kundensicht: Sie sehen nur die Teile des Plans, die der Kunde sieht. Bearbeiten ist hier ausgeschaltet.",
        "Customer view: you see only the parts of the plan the customer sees. Editing is switched off here.",
    ),
    "plan.customer_view_nothing": (
        "Die geltende Planversion gibt dem Kunden noch keine Teile frei.",
        "The plan version in force shares no parts with the customer yet.",
    ),
    "plan.customer_view_nothing_next": (
        "Legen Sie unter „Planversionen“ fest, welche Teile der Kunde sieht.",
        "Choose under 'Plan versions' which parts the customer sees.",
    ),
    "plan.tab.stakeholders": ("Stakeholder", "Stakeholders"),
    "plan.tab.feedback": ("Kundenfeedback", "Customer feedback"),
    "plan.tab.plan": ("Ziele, Team & Verantwortung", "Objectives, team & responsibilities"),
    "plan.tab.kpis": ("KPIs & Zielwerte", "KPIs & targets"),
    "plan.tab.versions": ("Planversionen", "Plan versions"),
    # header metrics and readiness
    "plan.m.version": ("Geltender Plan", "Plan in force"),
    "plan.m.version_help": (
        "Die zuletzt mit dem Kunden vereinbarte Planversion; gibt es keine, der neueste Entwurf.",
        "The plan version last agreed with the customer; if there is none, the latest draft.",
    ),
    "plan.m.customer_sees": ("Teile für den Kunden", "Parts shared with the customer"),
    "plan.m.customer_sees_help": (
        "Die Teile des Plans, die laut geltender Version mit dem Kunden geteilt sind (Teamzusammensetzung, "
        "Verantwortlichkeiten, Aktionen, Meilensteine …).",
        "The parts of the plan shared with the customer according to the version in force (team, "
        "responsibilities, actions, milestones …).",
    ),
    "plan.m.customer_sees_none": ("noch nichts festgelegt", "nothing chosen yet"),
    "plan.m.readiness": ("Umsetzungsreife", "Readiness"),
    "plan.m.readiness_help": (
        "Erfüllte Prüfpunkte für die Umsetzung: vereinbarte Version, Ziele, Team auf beiden Seiten, "
        "Lenkungsausschuss beider Seiten, KPIs mit Zielwerten, Meilensteine, vollständige RACI, "
        "Langfrist-Verantwortliche eingebunden.",
        "Checks met for implementation: agreed version, objectives, team on both sides, steering committee of "
        "both sides, KPIs with targets, milestones, complete RACI, long-term owners engaged.",
    ),
    "plan.version.none": ("kein Plan", "no plan"),
    "plan.version.agreed_on": ("vereinbart am {day}", "agreed on {day}"),
    "plan.ready.open": ("offen: {items}", "open: {items}"),
    "plan.ready.all": ("alle Prüfpunkte erfüllt", "all checks met"),
    "plan.ready_short.agreed": ("vereinbarte Version", "agreed version"),
    "plan.ready_short.objectives": ("Ziele", "objectives"),
    "plan.ready_short.team_both_sides": ("Team beider Seiten", "team on both sides"),
    "plan.ready_short.steering_both_sides": ("Lenkungsausschuss", "steering committee"),
    "plan.ready_short.kpis_with_targets": ("KPIs mit Zielwerten", "KPIs with targets"),
    "plan.ready_short.milestones": ("Meilensteine", "milestones"),
    "plan.ready_short.raci_complete": ("RACI vollständig", "complete RACI"),
    "plan.ready_short.long_term_engaged": ("Langfrist-Verantwortliche", "long-term owners"),
    "plan.ready.title": ("Ist der Plan umsetzungsreif?", "Is the plan ready to implement?"),
    "plan.ready.agreed": (
        "Mit dem Kunden vereinbarte Planversion ({n})",
        "Plan version agreed with the customer ({n})",
    ),
    "plan.ready.objectives": ("Gemeinsame Ziele festgelegt ({n})", "Joint objectives set ({n})"),
    "plan.ready.team_both_sides": (
        "Team auf beiden Seiten benannt ({n} Personen)",
        "Team named on both sides ({n} people)",
    ),
    "plan.ready.steering_both_sides": (
        "Lenkungsausschuss mit Mitgliedern beider Geschäftsleitungen ({n})",
        "Steering committee with members of both top managements ({n})",
    ),
    "plan.ready.kpis_with_targets": (
        "KPIs mit Zielwerten ({n}; ohne Zielwert: {missing})",
        "KPIs with targets ({n}; without target: {missing})",
    ),
    "plan.ready.milestones": ("Meilensteine geplant ({n})", "Milestones planned ({n})"),
    "plan.ready.raci_complete": (
        "Jede Aufgabe hat Verantwortliche (R) und genau eine zuständige Person (A) – offene Regeln: {n}",
        "Every item has someone responsible (R) and exactly one accountable (A) — rules open: {n}",
    ),
    "plan.ready.long_term_engaged": (
        "Verantwortliche für das langfristige Geschäft eingebunden ({n})",
        "People responsible for the long-term business engaged ({n})",
    ),
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
    "plan.map.title": ("Stakeholder-Landkarte: Einfluss und Haltung", "Stakeholder map: influence and attitude"),
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
    "plan.cov.by_function": ("Stakeholder je Funktion", "Stakeholders per function"),
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
