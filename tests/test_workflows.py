"""The GitHub workflows do what the README claims: every supported Python, least privilege, one run per change
(a newer one cancels it), a weekly run, pre-commit's hooks, and a Pages deploy of site/ from main.
(`actionlint .github/workflows/*.yml` checks them further where it is installed.)"""

import tomllib

import yaml
from test_environment import NEWEST_TESTED

from twokoreas import paths

WORKFLOWS = paths.ROOT / ".github" / "workflows"


def workflow(name):
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def supported_pythons():
    lowest = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    major, low = lowest.removeprefix(">=").split(".")
    return [f"{major}.{minor}" for minor in range(int(low), int(NEWEST_TESTED.split(".")[1]) + 1)]


def test_ci_runs_every_supported_python():
    ci = workflow("ci.yml")
    assert ci["jobs"]["test"]["strategy"]["matrix"]["python-version"] == supported_pythons() == ["3.11", "3.12", "3.13"]
    assert ci["jobs"]["test"]["strategy"]["fail-fast"] is False


def test_ci_reads_only_and_a_newer_run_cancels_the_one_it_supersedes():
    ci = workflow("ci.yml")
    assert ci["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in ci["jobs"].values())
    assert ci["concurrency"]["cancel-in-progress"] is True
    assert "github.ref" in ci["concurrency"]["group"] and "pull_request.number" in ci["concurrency"]["group"]


def test_ci_runs_once_per_change_and_weekly():
    on = workflow("ci.yml")["on"]
    assert on["push"] == {"branches": ["main"]}, "pushes to a pull request's branch run as pull_request only"
    assert "pull_request" in on
    assert len(on["schedule"]) == 1 and on["schedule"][0]["cron"].split()[2:] == ["*", "*", "1"]


def test_ci_runs_the_hooks_and_the_same_script_as_here():
    jobs = workflow("ci.yml")["jobs"]
    assert any(step.get("uses", "").startswith("pre-commit/action@") for step in jobs["lint"]["steps"])
    assert any(step.get("run") == "bash .ci/run" for step in jobs["test"]["steps"])
    assert (paths.ROOT / ".pre-commit-config.yaml").exists()


def test_pages_publishes_site_from_main_with_write_access_only_where_it_deploys():
    pages = workflow("pages.yml")
    assert pages["on"]["push"] == {"branches": ["main"]}
    assert pages["permissions"] == {"contents": "read"}
    assert pages["concurrency"]["cancel-in-progress"] is False
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    upload = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload and upload[0]["with"]["path"].rstrip("/") == "site"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
