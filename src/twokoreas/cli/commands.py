"""The ``twokoreas`` command (also ``python -m twokoreas``): extract, check, run, site; plain-text help.

Each command imports what it needs when it runs, so ``--help`` and ``--version`` start without pandas.
"""

import argparse
import csv
import sys

from .. import faults, paths
from ..errors import DataError
from ..version import version_info


def _read_article(path):
    """The file's text (``-``: standard input), or the one-line problem that stops it being read."""
    from ..files import decode, read_bytes

    try:
        raw = sys.stdin.buffer.read() if path == "-" else read_bytes(path, name=path)
        return decode(raw, path), None
    except DataError as err:
        return None, str(err)


def _cell(value):
    """A CSV cell: floats without a trailing .0, NaN as empty."""
    if isinstance(value, float):
        return "" if value != value else f"{value:.15g}"
    return value


def _extract_corpus(args):
    from ..text.corpus import extract_corpus
    from ..errors import DataError

    try:
        written, problems = extract_corpus(
            args.corpus, args.out, workers=args.workers, scheduler=args.scheduler, timeout=args.timeout
        )
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    except OSError as err:  # the output cannot be written: a read-only or uncreatable folder, a full disk
        print(f"{err.filename or args.out}: cannot write: {err.strerror or type(err).__name__}", file=sys.stderr)
        return 1
    for article_id, problem in problems:
        print(f"{args.corpus}: {article_id}: {problem}", file=sys.stderr)
    print(
        f"{written} candidate figures written to {args.out}"
        + (f"; {len(problems)} articles skipped" if problems else ""),
        file=sys.stderr,
    )
    return 1 if problems else 0


def _extract(args):
    from ..text.extract import COLUMNS, find_non_quantities, quantity_rows

    if args.corpus:
        if args.files or not args.out:
            args.parser.error("--corpus takes no FILE arguments and needs --out")
        if args.explain:
            args.parser.error("--explain lists one file's non-quantities as CSV: give it FILE arguments, not --corpus")
        return _extract_corpus(args)
    if not args.files:
        args.parser.error("give FILE arguments, or --corpus PATH --out FILE")
    sys.stdout.reconfigure(encoding="utf-8")  # the CSV is data: UTF-8 whatever the console's encoding
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["file", "start", "end", "mention", "reason"] if args.explain else ["file", *COLUMNS])
    failed = 0
    for path in args.files:
        text, problem = _read_article(path)
        if problem:
            print(problem, file=sys.stderr)
            failed += 1
            continue
        rows = find_non_quantities(text).itertuples(index=False) if args.explain else quantity_rows(text)
        for row in rows:
            writer.writerow([path, *(_cell(v) for v in row)])
    return 1 if failed else 0


def _check(_args):
    from ..data.downloads import formula_warnings
    from ..data.loaders import validate_all

    problems = validate_all()
    for problem in problems:
        print(problem)
    for warning in formula_warnings():
        print(f"warning: {warning}", file=sys.stderr)
    return 1 if problems else 0


def _add(args):
    from .add import add_article
    from ..errors import DataError

    try:
        article_id, counts = add_article(
            args.file, outlet=args.outlet, published=args.published, url=args.url, force=args.force
        )
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    print(
        f"added {article_id}: drafted 1 article row, {counts['claims']} claims, {counts['not_quantities']} "
        f"other numbers, {counts['cross_check']} cross-check rows. Next: `.venv/bin/twokoreas review` lists what "
        f"add drafted and every cell still to type; then `.venv/bin/twokoreas review --accept {article_id[:3]}`."
    )
    return 0


def _review(args):
    from .add import accept, drafted_fields, fix, review_problems
    from ..errors import DataError
    from ..data.loaders import drafts

    if args.accept is not None:
        if not args.accept.strip():
            args.parser.error("--accept needs an article id or its three-digit number, such as 005")
        try:
            count, problems = accept(args.accept)
        except DataError as err:
            print(err, file=sys.stderr)
            return 1
        for problem in problems:
            print(fix(problem), file=sys.stderr)
        if problems:
            print(
                f"nothing accepted: fix the problems above, then accept again (check stops at the first stage "
                f"that fails, so {len(problems)} found now may not be all)",
                file=sys.stderr,
            )
            return 1
        print(f"accepted {count} rows of {args.accept}")
        return 0
    found = drafts()
    if not found:
        print("no drafts: every row is reviewed")
        return 0
    articles = sorted({a for a in _draft_articles()})
    for article_id in articles:
        drafted = drafted_fields(article_id)
        print(
            f"{article_id}: {len(drafted)} fields drafted from the text; confirm each against its evidence "
            f"(data/drafts/{article_id}.csv), change what is wrong:"
        )
        for claim_id, fields in drafted.groupby("claim_id", sort=False):
            print(f"  {claim_id}: " + "; ".join(f"{r.field} = {r.value}" for r in fields.itertuples()))
        problems = review_problems(article_id)
        print(
            f"{article_id}: `review --accept {article_id[:3]}` "
            + (
                f"refuses it for these {len(problems)} problems; each is a cell a person types:"
                if problems
                else "accepts it as it is"
            )
        )
        for problem in problems:
            print(f"  {fix(problem)}")
    print(f"{len(found)} draft rows (review: draft)")
    return 0


def _draft_articles():
    """Ids of the articles with draft rows."""
    import pandas as pd

    from .. import paths
    from ..data import registry

    frames = [
        pd.read_csv(paths.DATA / registry.table(n).file, dtype=str, keep_default_na=False)
        for n in ("articles", "claims", "not_quantities")
    ]
    return {a for f in frames for a in f[f.review == "draft"].article_id}


def _describe(_args):
    from ..data.describe import write_all

    write_all()
    print("wrote data/datapackage.json and the data dictionary (data/README.md) from src/twokoreas/data/registry.py")
    return 0


def _notebooks_readable(notebooks):
    """Whether every one of ``notebooks`` can be read; if not, one line per unreadable one on stderr."""
    from ..files import notebook_problems

    problems = notebook_problems(notebooks)
    for problem in problems:
        print(problem, file=sys.stderr)
    return not problems


def _run(args):
    from ..build import runner

    only = None
    if args.only is not None:
        number = args.only.zfill(2)
        if not args.only.strip() or not number.isdigit():
            args.parser.error(f"--only {args.only!r}: give a notebook's number, such as 02")
        found = [p for p in paths.notebook_paths() if p.name.startswith(f"{number}_")]
        if not found:
            args.parser.error(f"--only {args.only}: there is no notebooks/{number}_*.ipynb")
        only = found[0]
    if not _notebooks_readable([only] if only else paths.notebook_paths()):
        return 1
    return runner.run_all(rebuild=args.rebuild, only=only)


def _site(_args):
    from ..site import SiteBuildFailed, build_site

    if not _notebooks_readable(paths.notebook_paths()):
        return 1
    try:
        build_site()
    except (DataError, SiteBuildFailed) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


DESCRIPTION = "Extract, check and build the two-koreas-ukraine analysis: every figure traced to its characters."

EXAMPLES = {
    None: """examples:
  twokoreas check                      validate every curated table
  twokoreas run                        execute the notebooks that changed, then render site/
  twokoreas run --only 02              execute notebooks/02_*.ipynb alone
  twokoreas extract data/raw/articles/000_*.txt
  twokoreas COMMAND --help             options and examples for one command""",
    "extract": """examples:
  twokoreas extract data/raw/articles/000_*.txt > candidates.csv
  twokoreas extract --explain data/raw/articles/000_*.txt
  twokoreas extract --corpus articles/ --out candidates.parquet --workers 2

CSV columns: file,start,end,mention,value,value_low,value_high,qualifier,unit
(--explain: file,start,end,mention,reason). A file that cannot be read is named
on stderr and skipped; the exit status is then 1.""",
    "check": """example:
  twokoreas check

Prints nothing and exits 0 when every table holds; otherwise one line per
problem, as file:line: field: problem, and exit status 1.""",
    "add": """examples:
  twokoreas add ~/new-article.txt
  twokoreas add ~/new-article.txt --outlet "Yonhap" --published 2025-03-01 --url https://example.org/a

Copies the text into data/raw/articles/ unchanged and drafts its rows; drafts
are never published, and check fails until they are reviewed and accepted.""",
    "review": """examples:
  twokoreas review                     list every draft row and what it needs
  twokoreas review --accept 005        mark article 005's drafts reviewed (they must pass check)""",
    "describe": """example:
  twokoreas describe

Writes data/datapackage.json and the data dictionary, data/README.md,
from src/twokoreas/data/registry.py.""",
    "run": """examples:
  twokoreas run                        (what make does)
  twokoreas run --rebuild              (make rebuild: skip nothing)
  twokoreas run --only 02

One line per notebook with its time, or "unchanged, skipped" when nothing it
reads changed since the last build. notebooks/, figures/ and site/ are saved
together only when every notebook succeeds: a failing cell is named with its
notebook and error, nothing is changed, and the exit status is 1 (130 for
Ctrl-C, 143 for SIGTERM).""",
    "site": """example:
  twokoreas site

Renders the notebooks as they are saved, without executing them: start at
site/index.html (it opens from file:// or any static server).""",
}


class _VersionAction(argparse.Action):
    """--version: the release, the commit and whether the tree has uncommitted changes."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the version and commit, then exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"twokoreas {version_info()}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse, saying so when a FILE is missing because a name starting with ``-`` was read as an option."""

    argv = ()

    def error(self, message):
        dashed = [
            a
            for a in self.argv
            if a.startswith("-")
            and a != "-"
            and a not in self._option_string_actions
            and a.split("=")[0] not in self._option_string_actions
        ]
        if "required: FILE" in message and dashed:
            message += (
                f" ({dashed[0]!r} was read as an option: for a file of that name, write "
                f"`twokoreas {self.prog.split()[-1]} -- {dashed[0]}`)"
            )
        super().error(message)


def _command(commands, name, summary, func):
    """A subcommand whose --help is plain text: the summary, the options, then examples."""
    command = commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=EXAMPLES[name],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(func=func, parser=command)
    return command


def main(argv=None):
    """Entry point; returns the exit status (see :func:`twokoreas.faults.guarded`)."""
    faults.tolerate_console()
    _Parser.argv = sys.argv[1:] if argv is None else list(argv)
    parser = _Parser(
        prog="twokoreas",
        description=DESCRIPTION,
        epilog=EXAMPLES[None],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = _command(commands, "extract", "list candidate quantities in text files, as CSV", _extract)
    extract.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files (articles); - reads stdin")
    extract.add_argument("--format", choices=["csv"], default="csv", help="output format (CSV only)")
    extract.add_argument(
        "--explain", action="store_true", help="list the numbers that are not quantities instead, with the reason"
    )
    extract.add_argument(
        "--corpus",
        metavar="PATH",
        help="a folder of .txt articles or a Parquet file (article_id, text): write --out as Parquet",
    )
    extract.add_argument("--out", metavar="FILE", help="the Parquet file for --corpus")
    extract.add_argument("--workers", type=int, metavar="N", help="run on a local Dask cluster of N worker processes")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="run on an existing Dask cluster")
    extract.add_argument(
        "--timeout",
        type=float,
        default=30,
        metavar="SECONDS",
        help="how long to wait for a local cluster to start or a scheduler to answer (default 30)",
    )
    _command(commands, "check", "validate every curated table", _check)
    add = _command(commands, "add", "add an article: copy the text, register its SHA-256, draft its rows", _add)
    add.add_argument("file", metavar="FILE", help="the article as UTF-8 text")
    add.add_argument("--outlet", help="the publisher, when the text does not name it")
    add.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date, when the text prints none")
    add.add_argument("--url", help="where it was published (http:// or https://)")
    add.add_argument(
        "--force",
        action="store_true",
        help="add a text even if it differs from a registered one only in whitespace or a few words",
    )
    review = _command(
        commands,
        "review",
        "list draft rows and what each needs; --accept ARTICLE marks an article's drafts reviewed once they pass check",
        _review,
    )
    review.add_argument("--accept", metavar="ARTICLE", help="article id or its three-digit number")
    _command(
        commands,
        "describe",
        "write data/datapackage.json and the data dictionary (data/README.md) from the table registry",
        _describe,
    )
    run = _command(commands, "run", "execute the notebooks in order and render the site, saving all or nothing", _run)
    run.add_argument("--only", metavar="NN", help="execute only notebooks/NN_*.ipynb (no site)")
    run.add_argument(
        "--rebuild",
        action="store_true",
        help="execute every notebook, even those whose inputs have not changed since the last build",
    )
    _command(commands, "site", "render the executed notebooks to site/", _site)
    args = parser.parse_args(argv)
    return faults.guarded(args.command, args.func, args)
