"""Name material for the fictional demo company "Hartmann Antriebstechnik GmbH" and its customers."""

from __future__ import annotations

COMPANY = "Hartmann Antriebstechnik GmbH"
DOMAIN = "hartmann-antriebe.example"

# (user_id, display name, role). The e-mail domain is reserved (.example), so no real address is used.
USERS = [
    (f"m.weber@{DOMAIN}", "Markus Weber", "viewer"),  # CFO: reads the dashboard
    (f"d.hartmann@{DOMAIN}", "Dr. Dorothea Hartmann", "executive"),  # CEO, chairs the steering committees
    (f"k.neumann@{DOMAIN}", "Klaus Neumann", "admin"),  # sales operations
    (f"s.becker@{DOMAIN}", "Sabine Becker", "account_manager"),
    (f"t.yilmaz@{DOMAIN}", "Tarek Yilmaz", "account_manager"),
    (f"j.schulz@{DOMAIN}", "Jana Schulz", "account_manager"),
]
ACCOUNT_MANAGERS = [u for u, _, r in USERS if r == "account_manager"]

# Sales reps for the ordinary customers: not users of the dashboard.
SALES_REPS = [
    f"{n}@{DOMAIN}"
    for n in (
        "a.fischer",
        "b.wagner",
        "c.hoffmann",
        "e.schaefer",
        "f.koch",
        "g.richter",
        "h.klein",
        "i.wolf",
        "l.schroeder",
        "n.zimmermann",
        "o.braun",
        "p.krueger",
        "r.hofmann",
        "u.hartmann",
        "v.lange",
    )
]

NAME_STEMS = [
    "Albrecht",
    "Bergmann",
    "Brandt",
    "Dietrich",
    "Eckert",
    "Falk",
    "Franke",
    "Geiger",
    "Graf",
    "Haas",
    "Heinrich",
    "Horn",
    "Jansen",
    "Kaiser",
    "Keller",
    "Kraus",
    "Kuhn",
    "Lorenz",
    "Ludwig",
    "Maier",
    "Martin",
    "Möller",
    "Nowak",
    "Otto",
    "Peters",
    "Pohl",
    "Ritter",
    "Roth",
    "Sauer",
    "Scholz",
    "Seidel",
    "Simon",
    "Sommer",
    "Stein",
    "Thiel",
    "Vogel",
    "Vogt",
    "Walter",
    "Weiß",
    "Winkler",
    "Ziegler",
    "Alpha",
    "Nordwest",
    "Rhein",
    "Isar",
    "Elbe",
    "Main",
    "Donau",
    "Weser",
    "Spree",
    "Saar",
    "Mosel",
    "Harz",
    "Eifel",
    "Allgäu",
    "Bodensee",
    "Taunus",
    "Sauerland",
    "Vulkan",
    "Delta",
]
NAME_KINDS = [
    "Maschinenbau",
    "Automation",
    "Anlagenbau",
    "Fördertechnik",
    "Verpackungstechnik",
    "Antriebe",
    "Fahrzeugtechnik",
    "Werkzeugbau",
    "Robotik",
    "Kunststofftechnik",
    "Landtechnik",
    "Medizintechnik",
    "Lebensmitteltechnik",
    "Energietechnik",
    "Logistiksysteme",
    "Pumpenwerke",
    "Hydraulik",
    "Systeme",
]
LEGAL_FORMS = ["GmbH", "GmbH & Co. KG", "AG", "SE", "KG"]

INDUSTRIES = [
    "Maschinenbau",
    "Automobilzulieferer",
    "Fördertechnik",
    "Verpackung",
    "Lebensmitteltechnik",
    "Medizintechnik",
    "Energietechnik",
    "Landtechnik",
    "Logistik",
    "Kunststoffverarbeitung",
]
# (region, country, weight)
REGIONS = [
    ("Süd", "DE", 0.26),
    ("West", "DE", 0.22),
    ("Nord", "DE", 0.14),
    ("Ost", "DE", 0.10),
    ("DACH", "AT", 0.06),
    ("DACH", "CH", 0.05),
    ("EU", "FR", 0.04),
    ("EU", "IT", 0.04),
    ("EU", "PL", 0.04),
    ("EU", "NL", 0.02),
    ("Nordamerika", "US", 0.02),
    ("APAC", "CN", 0.01),
]
SEGMENTS = ["A", "B", "C"]
TOWNS = [
    "Bielefeld",
    "Heilbronn",
    "Ulm",
    "Kassel",
    "Paderborn",
    "Chemnitz",
    "Rosenheim",
    "Siegen",
    "Osnabrück",
    "Regensburg",
    "Göppingen",
    "Lüdenscheid",
    "Tuttlingen",
    "Gütersloh",
    "Schweinfurt",
    "Würzburg",
    "Aalen",
    "Wetzlar",
    "Zwickau",
    "Minden",
    "Lippstadt",
    "Reutlingen",
    "Bamberg",
    "Jena",
    "Erfurt",
    "Kempten",
]
