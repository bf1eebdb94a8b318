"""The sample import files in data/samples stay true: they import cleanly into the demo company."""

from skam_core.services.imports import import_file as run_import
from tests.conftest import ADMIN, ROOT

SAMPLES = ROOT / "data" / "samples"


def test_sample_files_import_into_the_demo_company(demo_store):
    for kind, name in (("customers", "customers.csv"), ("financials", "financials_de.csv"), ("kpis", "kpis.csv")):
        result = run_import(demo_store, ADMIN, kind, SAMPLES / name)
        assert result.ok and result.written, (name, result.problems)
    assert (
        demo_store.query("SELECT name FROM customers WHERE customer_id = 'K900001' AND valid_to IS NULL").single_value()
        == "Neumann Präzisionsantriebe GmbH"
    )
