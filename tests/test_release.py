"""Licence, citation and changelog agree with the package: one version (twokoreas.version), released on the date
its changelog section gives, one licence in its standard text, every third-party file covered."""

import re
import tomllib

import yaml

from twokoreas import __version__, paths
from twokoreas.site.credits import build_label

MIT_END = "OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n"


def citation():
    return yaml.safe_load((paths.ROOT / "CITATION.cff").read_text())


def pyproject():
    return tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]


def released():
    """[(version, date)] of the changelog's dated sections, newest first."""
    return re.findall(
        r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", (paths.ROOT / "CHANGELOG.md").read_text(), re.MULTILINE
    )


def test_this_version_is_the_newest_dated_release_and_the_citation_says_so():
    assert released()[0] == (__version__, str(citation()["date-released"]))
    assert citation()["version"] == __version__


def test_the_site_footer_names_this_version():
    assert build_label().split(",")[0] == __version__


def test_citation_names_real_authors_the_repository_and_the_licence():
    cff = citation()
    assert cff["authors"] and all(a.get("name") or a.get("family-names") for a in cff["authors"])
    assert not any(re.search(r"not set|maintainers|your name", a.get("name", ""), re.I) for a in cff["authors"])
    assert cff["repository-code"] == pyproject()["urls"]["Repository"]
    assert cff["type"] in ("dataset", "software")
    assert cff["license"] == pyproject()["license"] == "MIT"


def test_licence_is_the_plain_mit_text():
    text = (paths.ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n\nCopyright (c) ") and text.endswith(MIT_END)
    assert len(text.splitlines()) == 21, "nothing added to the MIT text: notes go in README.md or data/LICENSES.md"
    assert "data/raw/" in (paths.DATA / "LICENSES.md").read_text()


def test_every_third_party_file_is_listed_in_data_licenses():
    listed = (paths.DATA / "LICENSES.md").read_text()
    third_party = [*(paths.DATA / "raw" / "articles").glob("*.txt"), *paths.REFERENCE.glob("*/*.csv")]
    assert third_party
    missing = [p.relative_to(paths.DATA).as_posix() for p in third_party if f"`{p.name}`" not in listed]
    assert not missing, f"data/LICENSES.md says nothing of {missing}: add each with its owner and notice"
