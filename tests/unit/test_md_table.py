"""Small read-only tables as markdown: every cell reads as typed, one row per line, numbers formatted first."""

import pandas as pd
import pytest

from skam_core.ui.kit.md_table import markdown_table
from tests.app.conftest import rendered


def test_a_table_has_its_header_rule_and_one_line_per_row_with_right_aligned_columns():
    frame = pd.DataFrame({"KPI": ["Liefertreue", "OEE"], "Wert": ["97,5", "81,0"]})
    assert markdown_table(frame, right=("Wert",)).split("\n") == [
        "| KPI | Wert |",
        "| --- | ---: |",
        "| Liefertreue | 97,5 |",
        "| OEE | 81,0 |",
    ]


def test_cells_from_users_are_shown_as_text_and_cannot_break_the_table():
    typed = "Preis | Menge [hier](https://evil.example) ![x](https://evil.example/p.png)\nzweite Zeile"
    table = markdown_table(pd.DataFrame({"Entscheidung": [typed]}))
    row = table.split("\n")[2]
    assert len(table.split("\n")) == 3  # the line break became a space
    assert row.count("|") - row.count("\\|") == 2  # only the row's own borders are cell separators
    assert "](" not in row and "![" not in row  # no link, no image: the brackets are escaped
    assert rendered(row) == "| " + " ".join(typed.split()) + " |"  # and reads exactly as typed


def test_missing_cells_are_empty_and_numbers_must_be_formatted_first():
    assert markdown_table(pd.DataFrame({"Owner": [None, float("nan")]})).split("\n")[2:] == ["|  |", "|  |"]
    with pytest.raises(TypeError, match="'Wert' row 0 is float"):
        markdown_table(pd.DataFrame({"Wert": [97.5]}))
