"""environment.yml (conda) mirrors pyproject.toml (pip): same packages under conda-forge's names, same bounds;
the lock pins them all; CI tests the oldest and newest Python both allow."""

import re
import tomllib

import yaml

from twokoreas import paths

# conda-forge's package for each PyPI distribution whose name differs there (checked on anaconda.org/conda-forge):
# conda-forge has no `playwright` (Microsoft's own channel has; conda-forge's is playwright-python). Its matplotlib,
# seaborn and nbconvert also pull optional parts (a GUI toolkit, statsmodels, pandoc); the -base/-core package is
# the library alone, as `pip install` gives it; likewise pandera-base, and dask-core (dask without distributed).
CONDA_NAMES = {"matplotlib": "matplotlib-base", "seaborn": "seaborn-base", "pandera": "pandera-base",
               "nbconvert": "nbconvert-core", "dask": "dask-core", "playwright": "playwright-python"}
NEWEST_TESTED = "3.13"  # the newest Python CI runs and environment.yml allows
# Extras conda users don't get: the benchmark's peer (quantulum3 0.10 is not on conda-forge; `make bench` adds it).
NOT_IN_CONDA = {"bench"}


def requirement(spec):
    name, bounds = re.match(r"^([A-Za-z0-9_.-]+)\s*(.*)$", spec.split(";")[0]).groups()
    return name.lower(), bounds.replace("==", "=").replace(" ", "")


def pyproject():
    return tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]


def pyproject_requirements(extras_left_out=()):
    project = pyproject()
    specs = project["dependencies"] + [s for extra, specs in project["optional-dependencies"].items()
                                       if extra not in extras_left_out for s in specs]
    return dict(requirement(s) for s in specs)


def environment():
    return yaml.safe_load((paths.ROOT / "environment.yml").read_text())


def conda_requirements():
    deps = [d for d in environment()["dependencies"] if isinstance(d, str)]
    return dict(requirement(d) for d in deps if requirement(d)[0] not in ("python", "pip"))


def test_every_pyproject_dependency_is_in_environment_yml_with_the_same_bounds():
    expected = {CONDA_NAMES.get(name, name): bounds
                for name, bounds in pyproject_requirements(extras_left_out=NOT_IN_CONDA).items()}
    assert conda_requirements() == expected


def test_every_renaming_is_used_and_the_bench_peer_stays_out():
    pip_names = set(pyproject_requirements(extras_left_out=NOT_IN_CONDA))
    assert set(CONDA_NAMES) <= pip_names, "a renaming for a package pyproject.toml no longer has"
    bench = {requirement(s)[0] for extra in NOT_IN_CONDA for s in pyproject()["optional-dependencies"][extra]}
    assert not bench & set(conda_requirements())


def test_environment_yml_uses_conda_forge_installs_the_project_and_allows_the_same_pythons():
    env = environment()
    assert env["channels"] == ["conda-forge"]
    assert {"pip": ["-e ."]} in env["dependencies"]
    lowest = pyproject()["requires-python"].removeprefix(">=")
    major, minor = NEWEST_TESTED.split(".")
    assert f"python>={lowest},<{major}.{int(minor) + 1}" in env["dependencies"]


def test_ci_tests_the_oldest_and_newest_python_allowed():
    workflow = yaml.safe_load((paths.ROOT / ".github" / "workflows" / "ci.yml").read_text())
    versions = workflow["jobs"]["test"]["strategy"]["matrix"]["python-version"]
    lowest = pyproject()["requires-python"].removeprefix(">=")
    assert versions == [lowest, NEWEST_TESTED]


def test_lock_pins_every_declared_dependency():
    locked = {line.split("==")[0].lower() for line in (paths.ROOT / "requirements.lock").read_text().splitlines()
              if "==" in line}
    assert set(pyproject_requirements()) <= locked
