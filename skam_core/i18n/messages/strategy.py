"""Step 1, the customer's strategy (/strategy): metrics and completeness; the shared parts of the step 1-3 pages
(strategy.shared.*); the vocabularies of forces and trends. Sections, charts, fields: strategy_sections."""

MESSAGES = {
    # vocabularies
    "enum.force.rivalry": ("Rivalität unter Wettbewerbern", "Rivalry among competitors"),
    "enum.force.new_entrants": ("Neue Anbieter", "New entrants"),
    "enum.force.substitutes": ("Ersatzprodukte", "Substitutes"),
    "enum.force.buyer_power": ("Verhandlungsmacht der Abnehmer", "Buyer power"),
    "enum.force.supplier_power": ("Verhandlungsmacht der Lieferanten", "Supplier power"),
    "enum.trend.growing": ("wachsend", "growing"),
    "enum.trend.stable": ("stabil", "stable"),
    "enum.trend.declining": ("rückläufig", "declining"),
    # shared by /strategy, /fit, /value
    "strategy.shared.no_account": (
        "Diese Seite zeigt ein Key Account – bitte wählen Sie eines.",
        "This page shows one key account — please choose one.",
    ),
    "strategy.shared.no_account_next": (
        "Wählen Sie links unter „Key Account“ ein Konto oder klicken Sie unten auf eine Zeile. Die Tabelle zeigt, "
        "wie weit die Analyse (Schritte 1–3) je Konto ist.",
        "Choose an account on the left under 'Key account' or click a row below. The table shows how far the "
        "analysis (steps 1–3) has come for each account.",
    ),
    "strategy.shared.no_key_accounts": (
        "Noch keine Key Accounts. Setzen Sie bei einem Kunden die SKAM-Stufe (Import oder Verwaltung).",
        "No key accounts yet. Set a customer's SKAM stage (import or administration).",
    ),
    "strategy.shared.accounts_title": ("Key Accounts und Stand der Analyse", "Key accounts and state of the analysis"),
    "strategy.shared.pick_hint": (
        "Klicken Sie auf eine Zeile, um das Konto zu öffnen.",
        "Click a row to open that account.",
    ),
    "strategy.shared.col.account": ("Konto", "Account"),
    "strategy.shared.col.stage": ("SKAM-Stufe", "SKAM stage"),
    "strategy.shared.col.manager": ("Key Account Manager", "Account manager"),
    "strategy.shared.col.forces": ("Kräfte bewertet", "Forces scored"),
    "strategy.shared.col.components": ("Unterscheidende Komponenten", "Distinguishing components"),
    "strategy.shared.col.components_help": (
        "Ohne mindestens eine unterscheidende Komponente gilt die Strategie des Kunden als nicht verstanden.",
        "Without at least one distinguishing component the customer's strategy counts as not understood.",
    ),
    "strategy.shared.col.priorities": ("Prioritäten", "Priorities"),
    "strategy.shared.col.fit_cells": ("Fit-Zellen bewertet", "Fit cells scored"),
    "strategy.shared.col.opportunities": ("Neugeschäft", "New business"),
    "strategy.shared.col.value_items": ("Value-Komponenten", "Value components"),
    "strategy.shared.edit": ("Bearbeiten, hinzufügen, Verlauf", "Edit, add, history"),
    "strategy.shared.history": ("Änderungsverlauf", "Change history"),
    "strategy.shared.pick_item": ("Eintrag", "Item"),
    "strategy.shared.new_item": ("+ Neuer Eintrag …", "+ New item …"),
    "strategy.shared.removed": ("Entfernt – der Verlauf behält es.", "Removed — the history keeps it."),
    "strategy.shared.remove_confirm": (
        "„{item}“ entfernen? Der Verlauf behält, wer es wann entfernt hat.",
        "Remove '{item}'? The history keeps who removed it and when.",
    ),
    # metrics and completeness
    "strategy.m.complete": ("Analyse vollständig", "Analysis complete"),
    "strategy.m.complete_help": (
        "Anteil der erfüllten Prüfpunkte unten (5 Kräfte bewertet, Belege, ≥ 2 Kunden/Märkte des Kunden mit Bedarf, "
        "≥ 1 unterscheidende Komponente, ≥ 3 gewichtete Prioritäten).",
        "Share of the checks below that are met (5 forces scored, evidence, ≥ 2 of the customer's customers/markets "
        "with their demand, ≥ 1 distinguishing component, ≥ 3 weighted priorities).",
    ),
    "strategy.m.pressure": ("Wettbewerbsdruck", "Competitive pressure"),
    "strategy.m.pressure_help": (
        "Mittelwert der bewerteten Wettbewerbskräfte, 1 (schwach) bis 5 (stark). Hoher Druck heißt: Der Kunde "
        "braucht Partner, die ihm helfen, sich abzuheben.",
        "Mean of the scored competitive forces, 1 (weak) to 5 (strong). High pressure means the customer needs "
        "partners who help it stand out.",
    ),
    "strategy.m.components": ("Unterscheidende Komponenten", "Distinguishing components"),
    "strategy.m.components_help": (
        "Anzahl der Leistungen, die der Kunde exklusiv oder besser als seine Wettbewerber anbietet. Erst wenn sie "
        "gefunden sind, ist seine Strategie verstanden.",
        "Number of offerings the customer provides exclusively or better than its competitors. Only once they are "
        "found is its strategy understood.",
    ),
    "strategy.m.components_exclusive": ("davon {n} exklusiv", "{n} of them exclusive"),
    "strategy.m.priorities": ("Strategische Prioritäten", "Strategic priorities"),
    "strategy.m.priorities_help": (
        "Anzahl der gewichteten Prioritäten des Kunden – die Zeilen der Fit-Matrix (Schritt 2).",
        "Number of the customer's weighted priorities — the rows of the fit matrix (step 2).",
    ),
    "strategy.understood": (
        "Die Strategie des Kunden ist verstanden: Kräfte bewertet, Prioritäten gewichtet und unterscheidende "
        "Komponenten gefunden. Weiter mit dem strategischen Fit.",
        "The customer's strategy is understood: forces scored, priorities weighted and distinguishing components "
        "found. Next: the strategic fit.",
    ),
    "strategy.not_understood_components": (
        "Noch nicht verstanden: Es fehlen die Komponenten, mit denen sich der Kunde von seinen Wettbewerbern abhebt. "
        "Solange sie nicht gefunden sind, können wir ihm keinen besonderen Wert anbieten.",
        "Not understood yet: the components that set the customer apart from its competitors are missing. Until "
        "they are found we cannot offer it special value.",
    ),
    "strategy.not_understood": (
        "Noch nicht verstanden: Es fehlen wesentliche Teile der Analyse (rot markiert).",
        "Not understood yet: essential parts of the analysis are missing (marked red).",
    ),
    "strategy.check.forces": (
        "Wettbewerbskräfte bewertet: {found} von {needed}",
        "Competitive forces scored: {found} of {needed}",
    ),
    "strategy.check.evidence": (
        "Bewertete Kräfte mit Beleg: {found} von {needed}",
        "Scored forces backed by evidence: {found} of {needed}",
    ),
    "strategy.check.markets": (
        "Kunden/Märkte des Kunden mit ihrem Bedarf: {found} (mindestens {needed})",
        "The customer's customers/markets with their demand: {found} (at least {needed})",
    ),
    "strategy.check.components": (
        "Unterscheidende Komponenten gefunden: {found} (mindestens {needed})",
        "Distinguishing components found: {found} (at least {needed})",
    ),
    "strategy.check.priorities": (
        "Gewichtete strategische Prioritäten: {found} (mindestens {needed})",
        "Weighted strategic priorities: {found} (at least {needed})",
    ),
    "strategy.check.missing": ("fehlt: {items}", "missing: {items}"),
    "strategy.empty": (
        "Für dieses Konto gibt es noch keine Strategie-Analyse.",
        "There is no strategy analysis for this account yet.",
    ),
    "strategy.empty_next": (
        "Beginnen Sie mit den fünf Wettbewerbskräften (unten „Bearbeiten“), dann die Kunden des Kunden, die "
        "Komponenten, mit denen er sich abhebt, und seine gewichteten Prioritäten.",
        "Start with the five competitive forces ('Edit' below), then the customer's own customers, the components "
        "that set it apart, and its weighted priorities.",
    ),
    "strategy.empty_next_viewer": (
        "Der Key Account Manager des Kontos legt die Analyse an; danach erscheint sie hier.",
        "The account's manager enters the analysis; it will show here afterwards.",
    ),
}
