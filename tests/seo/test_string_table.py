from __future__ import annotations

from seo.index.string_table import StringTable, string_table_write


def test_it_finds_every_string_by_value_and_position(tmp_path):
    values = ["pasta", "món ăn", "料理", "jon stewart", ""]
    string_table_write(tmp_path, "terms", values)
    table = StringTable(tmp_path, "terms")
    assert len(table) == 5
    assert [table[i] for i in range(5)] == values
    assert table.positions(["料理", "missing", "pasta"]).tolist() == [2, -1, 0]
    assert table.get("jon stewart") == 3 and "nope" not in table
    assert table.all() == values
