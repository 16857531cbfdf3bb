"""``python -m twokoreas`` (also installed as ``twokoreas``): extract, check, run, site."""

import argparse
import csv
import sys
from pathlib import Path

from .extract import decode_article, find_non_quantities, find_quantities

EXTRACT_COLUMNS = ["file", "start", "end", "mention", "value", "value_low", "value_high", "qualifier", "unit"]


def _read_article(path):
    """The file's text, or the reason it cannot be read as an article."""
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        return None, f"cannot read: {err.strerror}"
    return decode_article(raw)


def _cell(value):
    """A CSV cell: floats without a trailing .0, NaN as empty."""
    if isinstance(value, float):
        return "" if value != value else f"{value:.15g}"
    return value


def _extract_corpus(args):
    from .corpus import extract_corpus

    written, problems = extract_corpus(args.corpus, args.out, workers=args.workers, scheduler=args.scheduler)
    for article_id, problem in problems:
        print(f"{args.corpus}: {article_id}: {problem}", file=sys.stderr)
    print(f"{written} candidate figures written to {args.out}"
          + (f"; {len(problems)} articles skipped" if problems else ""), file=sys.stderr)
    return 1 if problems else 0


def _extract(args):
    if args.corpus:
        if args.files or not args.out:
            args.parser.error("--corpus takes no FILE arguments and needs --out")
        return _extract_corpus(args)
    if not args.files:
        args.parser.error("give FILE arguments, or --corpus PATH --out FILE")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["file", "start", "end", "mention", "reason"] if args.explain else EXTRACT_COLUMNS)
    failed = 0
    for path in args.files:
        text, problem = _read_article(path)
        if problem:
            print(f"{path}: {problem}", file=sys.stderr)
            failed += 1
            continue
        frame = find_non_quantities(text) if args.explain else find_quantities(text)
        for row in frame.itertuples(index=False):
            writer.writerow([path, *(_cell(v) for v in row)])
    return 1 if failed else 0


def _check(_args):
    from .loaders import validate_all

    problems = validate_all()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def _add(args):
    from .add import add_article
    from .errors import DataError

    try:
        article_id, counts = add_article(args.file, outlet=args.outlet, published=args.published, url=args.url)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"added {article_id}: drafted 1 article row, {counts['claims']} claims, {counts['not_quantities']} "
          f"other numbers, {counts['cross_check']} cross-check rows. Next: `twokoreas review` lists what each "
          f"draft needs; fill them in, then `twokoreas review --accept {article_id[:3]}`.")
    return 0


def _review(args):
    from .add import accept
    from .errors import DataError
    from .loaders import drafts

    if args.accept:
        try:
            count, problems = accept(args.accept)
        except DataError as err:
            print(err, file=sys.stderr)
            return 1
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"nothing accepted: fix the {len(problems)} problems above first", file=sys.stderr)
            return 1
        print(f"accepted {count} rows of {args.accept}")
        return 0
    found = drafts()
    for problem in found:
        print(problem)
    print(f"{len(found)} draft rows" if found else "no drafts: every row is reviewed")
    return 0


def _describe(_args):
    from .describe import write_all

    write_all()
    print("wrote data/datapackage.json and the README's data dictionary from src/twokoreas/registry.py")
    return 0


def _run(_args):
    from .runner import run_all

    return run_all()


def _site(_args):
    from .site import build_site

    build_site()
    return 0


def main(argv=None):
    """Entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="twokoreas", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="list candidate quantities in text files, as CSV")
    extract.add_argument("files", nargs="*", metavar="FILE")
    extract.add_argument("--format", choices=["csv"], default="csv", help="output format (CSV only)")
    extract.add_argument("--explain", action="store_true",
                         help="list the numbers that are not quantities instead, with the reason")
    extract.add_argument("--corpus", metavar="PATH",
                         help="a folder of .txt articles or a Parquet file (article_id, text): write --out as Parquet")
    extract.add_argument("--out", metavar="FILE", help="the Parquet file for --corpus")
    extract.add_argument("--workers", type=int, metavar="N", help="run on a local Dask cluster of N worker processes")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="run on an existing Dask cluster")
    extract.set_defaults(func=_extract, parser=extract)
    commands.add_parser("check", help="validate every curated table").set_defaults(func=_check)
    add = commands.add_parser("add", help="add an article: copy the text, register its SHA-256, draft its rows")
    add.add_argument("file", metavar="FILE", help="the article as UTF-8 text")
    add.add_argument("--outlet", help="the publisher, when the text does not name it")
    add.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date, when the text prints none")
    add.add_argument("--url", help="where it was published")
    add.set_defaults(func=_add)
    review = commands.add_parser("review", help="list draft rows and what each needs; --accept ARTICLE marks an "
                                 "article's drafts reviewed once they pass check")
    review.add_argument("--accept", metavar="ARTICLE", help="article id or its three-digit number")
    review.set_defaults(func=_review)
    commands.add_parser("describe", help="write data/datapackage.json and the README's data dictionary from the "
                        "table registry").set_defaults(func=_describe)
    commands.add_parser("run", help="execute every notebook in order, then render the site").set_defaults(func=_run)
    commands.add_parser("site", help="render the executed notebooks to site/").set_defaults(func=_site)
    args = parser.parse_args(argv)
    return args.func(args)
