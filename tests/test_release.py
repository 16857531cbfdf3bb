"""Licence, citation and changelog agree with the package: one version, one licence, every third-party file covered."""

import tomllib

import yaml

from twokoreas import __version__, paths


def test_citation_names_this_version_and_the_licence():
    citation = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text())
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    assert citation["version"] == __version__
    assert citation["license"] == project["license"] == "MIT"
    assert (paths.ROOT / "LICENSE").read_text().startswith("MIT License\n")


def test_changelog_has_a_section_for_this_version():
    headings = [line for line in (paths.ROOT / "CHANGELOG.md").read_text().splitlines() if line.startswith("## [")]
    assert f"## [{__version__}]" in [h.split(" - ")[0] for h in headings]


def test_every_third_party_file_is_listed_in_data_licenses():
    listed = (paths.DATA / "LICENSES.md").read_text()
    third_party = [*(paths.DATA / "raw" / "articles").glob("*.txt"), *paths.REFERENCE.glob("*/*.csv")]
    assert third_party
    missing = [p.relative_to(paths.DATA).as_posix() for p in third_party if f"`{p.name}`" not in listed]
    assert not missing, f"data/LICENSES.md says nothing of {missing}: add each with its owner and notice"
