"""environment.yml (conda) mirrors pyproject.toml (pip) through environment/conda-forge.csv, the conda-forge versions
checked: a package goes to conda under conda-forge's name when its feedstock has a version inside pyproject.toml's
range, else under `pip:` with the same bounds. The hash locks pin every declared dependency."""

import csv
import re
import tomllib

import yaml
from packaging.specifiers import SpecifierSet

from twokoreas import paths

NEWEST_TESTED = "3.13"  # the newest Python CI runs and environment.yml allows
# Extras conda users don't get: the benchmark's peer (quantulum3 0.10 is not on conda-forge; `make bench` adds it).
NOT_IN_CONDA = {"bench"}
RECIPE_URL = re.compile(
    r"^https://github\.com/(conda-forge/[a-z0-9_.-]+-feedstock)/blob/[0-9a-f]{40}/recipe/"
    r"(meta|recipe)\.yaml$"
)


def name_and_bounds(spec):
    """``("pandas", ">=3.0,<3.2")`` from ``pandas>=3.0,<3.2`` (pip) or ``pandas>=3.0,<3.2`` / ``seaborn-base=0.13.2``
    (conda); the bounds are sorted so that the two spellings compare equal."""
    name, bounds = re.match(r"^([A-Za-z0-9_.-]+)\s*(.*)$", spec.split(";")[0]).groups()
    bounds = re.sub(r"(?<![<>=!~])=(?!=)", "==", bounds.replace(" ", ""))
    return name.lower(), ",".join(sorted(bounds.split(","))) if bounds else ""


def pyproject():
    return tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]


def pyproject_requirements(extras_left_out=()):
    project = pyproject()
    specs = project["dependencies"] + [
        s for extra, specs in project["optional-dependencies"].items() if extra not in extras_left_out for s in specs
    ]
    return dict(name_and_bounds(s) for s in specs)


def python_bounds():
    major, minor = NEWEST_TESTED.split(".")
    return name_and_bounds(f"python{pyproject()['requires-python']},<{major}.{int(minor) + 1}")[1]


def table():
    with (paths.ROOT / "environment" / "conda-forge.csv").open(newline="") as f:
        return {row["pypi_name"]: row for row in csv.DictReader(f)}


def environment():
    return yaml.safe_load((paths.ROOT / "environment.yml").read_text())


def conda_and_pip_lines():
    deps = environment()["dependencies"]
    conda = dict(name_and_bounds(d) for d in deps if isinstance(d, str))
    pip = [line for d in deps if isinstance(d, dict) for line in d["pip"]]
    return conda, pip


def test_the_table_covers_every_package_environment_yml_installs():
    assert set(table()) == set(pyproject_requirements(NOT_IN_CONDA)) | {"python", "pip"}


def test_conda_installs_a_package_exactly_when_its_feedstock_has_a_version_in_range():
    wanted = pyproject_requirements(NOT_IN_CONDA) | {"python": python_bounds(), "pip": ""}
    for name, row in table().items():
        seen = row["newest_version_seen"]
        in_range = bool(seen) and SpecifierSet(wanted[name]).contains(seen, prereleases=True)
        assert row["installed_by"] == ("conda" if in_range else "pip"), (
            f"{name}: conda-forge's {seen or 'nothing'} against {wanted[name]} means installed_by "
            f"{'conda' if in_range else 'pip'}"
        )
        assert bool(row["conda_name"]) == bool(row["feedstock"]) == bool(row["recipe_url"]) == bool(seen), name
        if row["recipe_url"]:
            assert RECIPE_URL.match(row["recipe_url"]).group(1) == row["feedstock"], name


def test_environment_yml_follows_the_table_with_pyprojects_bounds():
    wanted = pyproject_requirements(NOT_IN_CONDA)
    rows = table()
    conda, pip = conda_and_pip_lines()
    expected_conda = {
        row["conda_name"]: wanted.get(name, "")
        for name, row in rows.items()
        if row["installed_by"] == "conda" and name != "python"
    }
    assert {name: bounds for name, bounds in conda.items() if name != "python"} == expected_conda
    assert conda["python"] == python_bounds()
    assert dict(name_and_bounds(line) for line in pip if line != "-e .") == {
        name: wanted[name] for name, row in rows.items() if row["installed_by"] == "pip"
    }
    assert pip[-1] == "-e ."


def test_environment_yml_uses_conda_forge_and_leaves_the_bench_peer_out():
    assert environment()["channels"] == ["conda-forge"]
    bench = {name_and_bounds(s)[0] for extra in NOT_IN_CONDA for s in pyproject()["optional-dependencies"][extra]}
    conda, pip = conda_and_pip_lines()
    assert not bench & (set(conda) | {name_and_bounds(line)[0] for line in pip})


def locked(path):
    """{name: {versions}} of a uv/pip-compile lock, after checking that every pin carries at least one hash."""
    text = (paths.ROOT / path).read_text()
    pins = re.findall(
        r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)[^\n]*\\\n((?:\s+--hash=sha256:[0-9a-f]{64}[ \\]*\n)+)", text, re.MULTILINE
    )
    assert len(pins) == len(re.findall(r"^[A-Za-z0-9_.-]+==", text, re.MULTILINE)), f"{path}: a pin without a hash"
    versions = {}
    for name, version, _ in pins:
        versions.setdefault(name.lower().replace("_", "-"), set()).add(version)
    return versions


def test_locks_pin_every_declared_dependency_with_hashes_and_agree():
    main, dev = locked("requirements.lock"), locked("requirements-dev.lock")
    assert set(pyproject_requirements({"bench", "dev"})) <= set(main)
    assert set(pyproject_requirements()) <= set(dev)
    assert not {"quantulum3", "nbdime"} & set(main), "bench and dev stay out of the lock `make` installs"
    for name, versions in main.items():
        assert dev[name] == versions, f"{name}: requirements-dev.lock pins another version than requirements.lock"
    for name, bounds in pyproject_requirements().items():
        lock = main if name in main else dev
        assert all(SpecifierSet(bounds).contains(v) for v in lock[name]), f"{name}: locked outside {bounds}"
