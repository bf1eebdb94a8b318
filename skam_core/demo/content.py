"""Text material for the demo key accounts: what a German supplier of drive technology would write down.

The content is German, as the demo company's account managers would enter it; the UI around it speaks German
and English.
"""

from __future__ import annotations

# Our strategic capabilities (the columns of every fit matrix): (id, name, description, strength 1-5, project?)
CAPABILITIES = [
    (
        "cap-custom",
        "Kundenspezifische Antriebslösungen",
        "Getriebemotoren und Steuerungen nach Kundenanforderung, Losgröße ab 50",
        5,
        True,
    ),
    (
        "cap-energy",
        "Energieeffizienz-Engineering",
        "Auslegung auf IE4/IE5, Rekuperation, Nachweis der Einsparung beim Endkunden",
        4,
        True,
    ),
    (
        "cap-iot",
        "Predictive Maintenance & IoT-Service",
        "Zustandsüberwachung, Ausfallprognose, Service-Verträge mit Verfügbarkeitsgarantie",
        3,
        True,
    ),
    (
        "cap-global",
        "Globale Lieferfähigkeit",
        "Montage in Schweinfurt, Suzhou und Charlotte; lokale Ersatzteillager",
        3,
        False,
    ),
    ("cap-proto", "Schnelle Prototypen", "Funktionsmuster in unter sechs Wochen, eigene Prüfstände", 4, True),
    (
        "cap-integration",
        "Systemintegration & Inbetriebnahme",
        "Mechatronische Module inklusive Software, Inbetriebnahme beim Endkunden",
        3,
        True,
    ),
    ("cap-lcc", "Lebenszykluskosten-Beratung", "TCO-Analysen, Retrofit-Konzepte, CO2-Bilanz je Antrieb", 2, False),
]

PRIORITIES = [
    ("Energieverbrauch der eigenen Maschinen beim Endkunden senken", ["cap-energy", "cap-lcc"]),
    ("Time-to-market neuer Maschinengenerationen verkürzen", ["cap-proto", "cap-custom"]),
    ("Ungeplante Stillstände beim Endkunden vermeiden", ["cap-iot", "cap-integration"]),
    ("Expansion nach Nordamerika", ["cap-global"]),
    ("Modulare Plattform für mehr Varianten bei weniger Teilen", ["cap-custom", "cap-integration"]),
    ("Lieferkette absichern (Second Source, kurze Wege)", ["cap-global"]),
    ("Service-Umsatz ausbauen (Pay-per-Use)", ["cap-iot"]),
    ("CO2-Fußabdruck der Produkte nachweisen", ["cap-lcc", "cap-energy"]),
]

FORCE_EVIDENCE = {
    "rivalry": [
        "Drei asiatische Wettbewerber mit 15 % niedrigeren Preisen im Standardsegment",
        "Konsolidierung im Markt: zwei Übernahmen in 18 Monaten",
        "Wettbewerb vor allem über Lieferzeit und Verfügbarkeit",
    ],
    "new_entrants": [
        "Start-ups mit softwarezentrierten Anlagen drängen in den Markt",
        "Hohe Zulassungshürden halten neue Anbieter fern",
        "Plattformanbieter aus der IT versuchen den Kundenzugang zu besetzen",
    ],
    "substitutes": [
        "Pneumatik wird durch elektrische Antriebe ersetzt – Chance",
        "Mietmodelle ersetzen den Anlagenkauf bei kleineren Endkunden",
        "Kaum Substitute für die Kernanwendung",
    ],
    "buyer_power": [
        "Großkunden aus der Lebensmittelindustrie verhandeln Rahmenverträge jährlich",
        "Endkunden fordern Verfügbarkeitsgarantien von 98 %",
        "Fragmentierte Kundschaft, geringe Verhandlungsmacht der Einzelnen",
    ],
    "supplier_power": [
        "Engpass bei Leistungshalbleitern bis mindestens Mitte nächsten Jahres",
        "Wenige Lieferanten für Sonderstähle",
        "Standardteile gut verfügbar",
    ],
}

MARKETS = [
    ("Lebensmittel- und Getränkeindustrie", "Hygienic Design, kurze Umrüstzeiten", "growing"),
    ("Pharma-Verpackung", "Validierbare Prozesse, lückenlose Dokumentation", "growing"),
    ("Automobil-OEMs", "Kostensenkung, Elektrifizierung der Fertigung", "declining"),
    ("Intralogistik / E-Commerce", "Durchsatz, Verfügbarkeit rund um die Uhr", "growing"),
    ("Baustoffindustrie", "Robustheit, Wartungsarmut", "stable"),
    ("Nordamerikanische Getränkeabfüller", "Lokaler Service, UL-Zulassung", "growing"),
]

COMPONENTS = [
    ("Umrüstzeit unter 10 Minuten", "Einzige Anlage im Markt mit werkzeugloser Formatumstellung", True),
    ("Verfügbarkeitsgarantie 99 %", "Vertraglich zugesicherte Anlagenverfügbarkeit beim Endkunden", False),
    ("Modulbaukasten mit 40 Varianten", "Kundenspezifische Anlagen zum Preis von Serienanlagen", False),
    ("Eigene Cloud-Plattform für Anlagendaten", "Datenbasierte Services für die Endkunden", True),
    ("Energieverbrauch 30 % unter Wettbewerb", "Nachgewiesen im TÜV-Vergleichstest", False),
]

OPPORTUNITIES = [
    (
        "Energieeffizientes Antriebspaket IE5",
        "product",
        "cap-energy",
        "Engpass der Wettbewerber bei IE5-Motoren; eigene Fertigung seit zwei Jahren",
        2,
    ),
    (
        "Gemeinsames Entwicklungsprojekt Modulplattform",
        "joint_project",
        "cap-custom",
        "Erfordert tiefe Kenntnis der Kundenanlagen – für Wettbewerber schwer nachzubilden",
        1,
    ),
    (
        "Predictive-Maintenance-Service für Endkunden",
        "service",
        "cap-iot",
        "Wettbewerber haben keine eigene Datenplattform; Kopie in 1–2 Jahren möglich",
        3,
    ),
    (
        "Gemeinsamer Markteintritt Nordamerika",
        "new_region",
        "cap-global",
        "Unser Werk in Charlotte ist für Wettbewerber ein Engpass, den sie nicht schnell aufbauen",
        2,
    ),
    (
        "Retrofit-Programm Bestandsanlagen",
        "new_market",
        "cap-lcc",
        "Leicht kopierbar, aber unser Zugang zu den Anlagendaten ist ein Vorsprung",
        4,
    ),
    (
        "Prototypen-Service für neue Maschinengeneration",
        "service",
        "cap-proto",
        "Prüfstandskapazität der Wettbewerber ausgelastet",
        3,
    ),
]

# Stakeholders: (name, job title, function, influence, attitude, long-term responsibility)
STAKEHOLDERS = [
    ("Dr. Frank Albers", "Geschäftsführer", "management", 5, 1, True),
    ("Claudia Brenner", "CFO", "finance", 4, 0, True),
    ("Martin Jäger", "Leiter Entwicklung", "rnd", 4, 2, True),
    ("Petra Lindner", "Leiterin Einkauf", "purchasing", 4, -1, False),
    ("Stefan Kurz", "Werkleiter", "production", 3, 1, False),
    ("Yvonne Hahn", "Strategischer Einkauf", "purchasing", 3, 0, False),
    ("Oliver Brandt", "Leiter Qualität", "quality", 2, 1, False),
    ("Nina Vogt", "Leiterin Service", "sales", 3, 2, False),
]

FEEDBACK = [
    ("Das Energiepaket passt genau zu unserer Nachhaltigkeitsstrategie – bitte Kennzahlen für den Vorstand.", 1),
    ("Preisvorstellung für den Service ist noch zu hoch; Pilot mit zwei Anlagen denkbar.", 0),
    ("Lieferverzug bei den Prototypen hat intern Vertrauen gekostet.", -1),
    ("Die gemeinsame Roadmap wurde im Vorstand sehr positiv aufgenommen.", 1),
    ("Einkauf sieht die Rahmenvereinbarung kritisch, Entwicklung unterstützt sie.", 0),
]

OBJECTIVES = [
    ("Energieverbrauch der Kundenanlagen um 20 % senken", "kWh je produzierter Einheit"),
    ("Gemeinsame Modulplattform bis zur Messe serienreif", "Freigabe Serienmuster"),
    ("Service-Umsatz mit Endkunden aufbauen", "Anzahl Serviceverträge"),
    ("Liefertreue auf 97 % steigern", "Liefertreue in %"),
]

MILESTONES = [
    "Kick-off mit beiden Geschäftsführungen",
    "Anforderungsworkshop Energieeffizienz",
    "Prototyp IE5-Antriebspaket ausgeliefert",
    "Feldtest bei zwei Endkunden gestartet",
    "Rahmenvertrag Service unterschrieben",
    "Serienfreigabe Modulplattform",
    "Markteintritt Nordamerika: erster Auftrag",
    "Review Value Proposition mit Einkauf und Entwicklung",
    "Schulung Servicetechniker beim Kunden",
    "Gemeinsamer Messeauftritt",
]

# KPI templates: (name, unit, direction, min, max, source, start value, target value)
KPIS = [
    ("Umsatz mit neuen Angeboten", "EUR", "higher", 0.0, None, "ERP, Auftragseingang je Monat", 0.0, None),
    ("Liefertreue", "%", "higher", 0.0, 100.0, "ERP, termingerechte Positionen", 88.0, 97.0),
    ("Energieeinsparung beim Endkunden", "%", "higher", 0.0, 100.0, "Messprotokolle Feldtest", 0.0, 20.0),
    ("Reklamationsquote", "ppm", "lower", 0.0, None, "QM-System", 900.0, 300.0),
]

ESCALATIONS = [
    ("Halbleiter-Engpass gefährdet Prototypentermin", "Freigabe Luftfracht und Zweitlieferant", "Vorstand Einkauf"),
    ("Einkauf des Kunden blockiert Rahmenvertrag Service", "Gespräch der Geschäftsführungen", "Geschäftsführung"),
    ("Feldtest-Daten dürfen nicht in unsere Cloud", "Entscheidung On-Premise-Variante", "Leitung Entwicklung"),
]

DECISIONS = [
    "Pilot Predictive Maintenance an zwei Linien freigegeben",
    "Gemeinsames Budget für Modulplattform bestätigt",
    "Luftfracht für Prototypen bis Quartalsende genehmigt",
    "Quartalsweise Review der KPIs mit beiden CFOs vereinbart",
    "Markteintritt Nordamerika auf Q3 verschoben",
    "On-Premise-Variante für Felddaten wird entwickelt",
]

# The action item that carries out DECISIONS[i] (same index).
ACTIONS = [
    "Pilotlinien ausstatten und Datenanbindung testen",
    "Budgetplan Modulplattform an beide Controllings",
    "Luftfracht-Rahmenvertrag abschließen",
    "KPI-Review-Termine mit beiden CFOs festlegen",
    "Marktstudie Nordamerika aktualisieren",
    "Anforderungen On-Premise-Variante aufnehmen",
]

LATE_ESCALATIONS = [
    ("Kunde verlangt Preisgleitklausel für Stahl", "Verhandlungsmandat für die Preisgleitklausel", "Vertrieb"),
    ("Zertifizierung der neuen Baureihe verzögert sich", "Freigabe externer Prüfstelle", "Qualitätsleitung"),
    ("Schlüsselingenieur des Kunden wechselt", "Neuer Ansprechpartner auf Vorstandsebene", "Geschäftsführung"),
]

TEAM_OURS = [
    ("Dr. Dorothea Hartmann", "Sponsor (CEO)", True),
    ("Projektleitung Engineering", "Projektleiter", False),
    ("Leitung Service", "Service", False),
]
TEAM_CUSTOMER = [
    ("Dr. Frank Albers", "Sponsor (Geschäftsführer)", True),
    ("Martin Jäger", "Projektleiter", True),
    ("Petra Lindner", "Einkauf", False),
]
