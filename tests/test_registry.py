"""One declaration per table: the schema, loader, data dictionary and datapackage.json all follow the registry."""

import dataclasses

import frictionless
import pandas as pd
import pytest

import twokoreas as tk
from twokoreas.data import describe, registry
from twokoreas.analysis import statement
from twokoreas import paths
from twokoreas.data.loaders import validate_all


def test_datapackage_json_is_generated_from_the_registry():
    committed = (paths.DATA / "datapackage.json").read_text(encoding="utf-8")
    assert committed == describe.datapackage_json(), "run `python -m twokoreas describe`"


def test_data_readme_is_the_data_dictionary_of_the_registry_and_the_readme_links_it():
    readme = (paths.DATA / describe.DATA_README).read_text(encoding="utf-8")
    assert readme == describe.data_readme(), "run `python -m twokoreas describe`"
    assert describe.README_START not in (paths.ROOT / "README.md").read_text(encoding="utf-8")
    assert "](data/README.md)" in (paths.ROOT / "README.md").read_text(encoding="utf-8")
    for table in registry.TABLES.values():
        assert f"**`data/{table.file}`**" in readme
        for column in table.columns:
            assert f"- `{column.name}` ({column.type})" in describe.data_dictionary()


def test_every_csv_under_data_is_declared():
    declared = {t.file for t in registry.TABLES.values()}
    found = {str(p.relative_to(paths.DATA)) for p in paths.DATA.rglob("*.csv")}
    assert found == declared


def test_frictionless_validates_every_csv():
    report = frictionless.validate(paths.DATA / "datapackage.json")
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type"])


def test_frictionless_catches_a_value_off_the_vocabulary(data_copy):
    (data_copy / "datapackage.json").write_text(describe.datapackage_json(data_copy), encoding="utf-8")
    events = pd.read_csv(data_copy / "events.csv", dtype=str, keep_default_na=False)
    events.loc[2, "voice"] = "shouted"
    events.to_csv(data_copy / "events.csv", index=False)
    report = frictionless.validate(data_copy / "datapackage.json")
    errors = report.flatten(["rowNumber", "fieldName", "type"])
    assert errors == [[4, "voice", "constraint-error"]]


def test_adding_a_column_needs_an_edit_of_the_registry_alone(data_copy, monkeypatch):
    """Declare a new column in the registry and put it in the data: check, the loader, the dictionary and the
    data package all take it, with no other edit."""
    table = registry.EXCHANGE_RATES
    source = registry.Column("source_url", "string", "where the rate is published", required=False)
    widened = dataclasses.replace(table, columns=table.columns + (source,))
    monkeypatch.setitem(registry.TABLES, "exchange_rates", widened)
    rates = pd.read_csv(data_copy / "exchange_rates.csv", dtype=str, keep_default_na=False)
    rates["source_url"] = "https://data.ecb.europa.eu/"
    rates.to_csv(data_copy / "exchange_rates.csv", index=False)
    assert validate_all(data_copy) == []
    assert (tk.load_exchange_rates(data_copy).source_url == "https://data.ecb.europa.eu/").all()
    assert "- `source_url` (string): where the rate is published." in describe.data_dictionary()
    resource = next(r for r in describe.datapackage(data_copy)["resources"] if r["name"] == "exchange_rates")
    assert resource["schema"]["fields"][-1]["name"] == "source_url"


def test_a_column_the_registry_does_not_declare_is_refused(data_copy):
    rates = pd.read_csv(data_copy / "exchange_rates.csv", dtype=str, keep_default_na=False)
    rates["source_url"] = "x"
    rates.to_csv(data_copy / "exchange_rates.csv", index=False)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("exchange_rates.csv: source_url: unexpected column" in p for p in problems), problems


@pytest.mark.parametrize("name", ["articles", "claims", "events"])
def test_loaders_add_only_the_derived_columns_the_registry_declares(name):
    table = registry.table(name)
    frame = {"articles": tk.load_articles, "claims": statement.load_sourced_claims, "events": tk.load_events}[name]()
    added = set(frame.columns) - set(table.column_names)
    undeclared = added - set(table.derived)
    if name == "claims":  # the sourced claims also carry their article's declared columns
        undeclared -= set(registry.ARTICLES.column_names)
    assert not undeclared, undeclared
