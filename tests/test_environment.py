"""environment.yml (conda) mirrors pyproject.toml (pip): same packages, same version bounds."""

import re
import tomllib

from twokoreas import paths

# conda-forge packages whose names differ from PyPI's
CONDA_NAMES = {"matplotlib": "matplotlib-base", "pandera": "pandera-base", "dask": "dask-core"}


def requirement(spec):
    name, bounds = re.match(r"^([A-Za-z0-9_.-]+)\s*(.*)$", spec).groups()
    return name.lower(), bounds.replace("==", "=").replace(" ", "")


def pyproject_requirements():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [s for extra in project["optional-dependencies"].values() for s in extra]
    return dict(requirement(s.split(";")[0]) for s in specs)


def conda_requirements():
    text = (paths.ROOT / "environment.yml").read_text()
    section = text.split("dependencies:", 1)[1]
    deps = [line.strip()[2:] for line in section.splitlines() if re.match(r"^  - [A-Za-z]", line)]
    return dict(requirement(d) for d in deps if not re.match(r"^(python|pip)\b(?!-)", d))


def test_every_pyproject_dependency_is_in_environment_yml_with_the_same_bounds():
    conda = conda_requirements()
    expected = {CONDA_NAMES.get(name, name): bounds for name, bounds in pyproject_requirements().items()}
    assert conda == expected


def test_environment_yml_installs_the_project_and_pins_python():
    text = (paths.ROOT / "environment.yml").read_text()
    assert "- -e ." in text and "- python=3.11" in text


def test_lock_pins_every_declared_dependency():
    locked = {line.split("==")[0].lower() for line in (paths.ROOT / "requirements.lock").read_text().splitlines()
              if "==" in line}
    assert set(pyproject_requirements()) <= locked
