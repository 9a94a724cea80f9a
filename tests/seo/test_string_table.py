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


def test_remembered_positions_answer_as_the_lookup_does(tmp_path, monkeypatch):
    from seo.index import string_table

    values = [f"word{i}" for i in range(200)]
    string_table_write(tmp_path, "terms", values)
    table = StringTable(tmp_path, "terms")
    asked = ["word7", "absent", "word199", "word7"]
    first = table.positions(asked).tolist()
    assert first == [7, -1, 199, 7]
    looked_up = []
    original = StringTable._look_up
    monkeypatch.setattr(
        StringTable, "_look_up", lambda self, v: looked_up.append(list(v)) or original(self, v)
    )
    assert table.positions(asked).tolist() == first and looked_up == [], "remembered, absent values too"
    assert table.positions(["word7", "word8"]).tolist() == [7, 8] and looked_up == [["word8"]]
    assert table.get("absent") is None and table.get("word8") == 8
    bulk = values[:100]
    assert table.positions(bulk).tolist() == list(range(100)), "a bulk lookup is answered, not remembered"
    assert "word50" not in table._seen
    monkeypatch.setattr(string_table, "SEEN_LIMIT", 3)
    assert table.positions(["word1", "word2"]).tolist() == [1, 2]
    assert len(table._seen) <= 3, "the memory is bounded"
