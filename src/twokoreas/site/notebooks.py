"""myst-nb's reader for the executed notebooks, adding what readers need at render time (files stay as they are).

- every code cell is tagged ``hide-input``: code is folded away behind a toggle;
- each saved chart (its output names ``figures/NN_slug.png``) gets alt text, an anchor ``#fig-NN_slug`` and a
  caption listing the claims and events it draws, each linked to its highlighted span;
- table cells holding a claim or event id link to its span; sources tables gain a ``figure`` column and show
  the whole sentence, with the figure marked, where the notebook's display cut it short;
- figures stated in prose (``cite.state(..., '001-11', ...)`` in the cell) link to their spans.
"""

import copy
import html
import re

import nbformat
from bs4 import BeautifulSoup

from ..cite import sentence_span
from .data import article_page, figure_anchor, load_site_data

SAVED_FIGURE = re.compile(r"figures/(\d\d_[\w-]+)\.png")
CLAIM_ID = re.compile(r"\d{3}-\d{2}")
QUOTED_CLAIM_ID = re.compile(r"""['"](\d{3}-\d{2})['"]""")
IDS_IN_CELL = re.compile(r"[\w-]+")
TRUNCATED = "..."
PUBLISHED_FILE = re.compile(r"`((?:data|figures)/[\w.-]+)`")


def _links(ids, href, css):
    return ", ".join(f'<a class="{css}" href="{html.escape(href(i))}">{html.escape(i)}</a>' for i in ids)


def figure_caption(data, row):
    """The caption under a saved chart: its title, the claims and events it draws (linked), its files."""
    parts = [f"**{row.title}**"]
    claims = [c for c in row.claim_ids.split(";") if c]
    events = [e for e in row.event_ids.split(";") if e]
    if claims:
        parts.append("Draws claims " + _links(claims, data.claim_href, "tk-ref"))
    if events:
        parts.append("Draws events " + _links(events, data.event_href, "tk-ref"))
    files = " ".join(f'<a href="figures/{row.figure}.{ext}">{label}</a>'
                     for ext, label in (("svg", "SVG"), ("png", "PNG"), ("csv", "data (CSV)")))
    parts.append(f"Files: {files}")
    return ". ".join(parts) + "."


def _saved_figure(output, figures):
    """The figures/index.csv row of a saved chart's output, or None."""
    if "image/png" not in output.get("data", {}):
        return None
    found = SAVED_FIGURE.search(str(output["data"].get("text/plain", "")))
    return figures.get(found.group(1)) if found else None


def split_at_figures(cell, data):
    """The cell as one or more cells so that each saved chart is alone in its own (code-less) cell, with its
    alt text, anchor and caption: myst-nb applies figure options to every output of a cell."""
    figures = data.figure_rows
    parts, current = [], []
    for output in cell.get("outputs", []):
        row = _saved_figure(output, figures)
        if row is None:
            current.append(output)
            continue
        if current:
            parts.append((current, None))
        parts.append(([output], row))
        current = []
    if current or not parts:
        parts.append((current, None))
    cells = []
    for number, (outputs, row) in enumerate(parts):
        part = nbformat.v4.new_code_cell(cell.source if number == 0 else "# output of the cell above",
                                         metadata=copy.deepcopy(cell.metadata))
        part.outputs, part.execution_count = outputs, cell.execution_count
        part.id = cell.get("id", "cell") + (f"-{number}" if number else "")
        part.metadata["tags"] = list(cell.metadata.get("tags", [])) + (["remove-input"] if number else [])
        if row is not None:
            part.metadata["mystnb"] = {"image": {"alt": data.figure_alt(row)},
                                       "figure": {"name": figure_anchor(row.figure),
                                                  "caption": figure_caption(data, row)}}
        cells.append(part)
    return cells


def _id_link(text, data, claims, events):
    """The cell's ids (``001-11``, ``E20``, or several separated by ``;``/``,``) as links, or None."""
    ids = IDS_IN_CELL.findall(text)
    if not ids or not all(i in claims or i in events for i in ids) or not re.fullmatch(r"[\w\s;,-]+", text):
        return None
    return ", ".join(f'<a class="tk-ref" href="{html.escape(data.claim_href(i) if i in claims else data.event_href(i))}">'
                     f"{i}</a>" for i in ids)


def _full_sentence(data, claim_id, shown):
    """The claim's whole sentence with its figure marked, if ``shown`` is that sentence (or its start)."""
    claim = data.claim_rows[claim_id]
    text = data.texts[claim.article_id]
    left, right = sentence_span(text, claim.start, claim.end)
    sentence = text[left:right]
    if shown.endswith(TRUNCATED):
        shown = shown[:-len(TRUNCATED)]
    if not sentence.startswith(shown.strip()):
        return None
    before, mention, after = (text[left:claim.start], text[claim.start:claim.end], text[claim.end:right])
    return f"{html.escape(before)}<mark>{html.escape(mention)}</mark>{html.escape(after)}"


def _header(table):
    rows = table.find("thead").find_all("tr") if table.find("thead") else []
    return [th.get_text(strip=True) for th in rows[-1].find_all(["th", "td"], recursive=False)] if rows else []


def link_table(markup, data):
    """HTML table output with claim and event ids linked, and sources tables completed."""
    soup = BeautifulSoup(markup, "html.parser")
    claims, events = set(data.claims.claim_id), set(data.events.event_id)
    quoted = data.events.set_index("event_id").quote
    articles = {key: a for a in data.articles.article_id for key in (a, a[:3])}
    changed = False
    for table in soup.find_all("table"):
        header = _header(table)
        claim_col = next((i for i, h in enumerate(header) if h in ("claim", "claim_id")), None)
        event_col = next((i for i, h in enumerate(header) if h in ("event", "event_id")), None)
        quote_col = header.index("quote") if "quote" in header else None
        article_col = next((i for i, h in enumerate(header) if h in ("article", "article_id")), None)
        add_figure = claim_col is not None and quote_col is not None and "figure" not in header
        if add_figure:
            new = soup.new_tag("th")
            new.string = "figure"
            table.find("thead").find_all("tr")[-1].find_all(["th", "td"], recursive=False)[claim_col].insert_after(new)
        for tr in (table.find("tbody") or table).find_all("tr", recursive=False):
            cells = tr.find_all(["th", "td"], recursive=False)
            for cell in cells:
                linked = _id_link(cell.get_text(strip=True), data, claims, events)
                if linked:
                    cell.clear()
                    cell.append(BeautifulSoup(linked, "html.parser"))
                    changed = True
            if article_col is not None and article_col < len(cells):
                article_id = articles.get(cells[article_col].get_text(strip=True))
                if article_id:
                    cells[article_col].clear()
                    cells[article_col].append(BeautifulSoup(
                        f'<a href="{article_page(article_id)}">{html.escape(article_id[:3])}</a>', "html.parser"))
                    changed = True
            row_claim = cells[claim_col].get_text(strip=True) if claim_col is not None and claim_col < len(cells) else ""
            row_event = cells[event_col].get_text(strip=True) if event_col is not None and event_col < len(cells) else ""
            if quote_col is not None and quote_col < len(cells):
                shown = cells[quote_col].get_text()
                full = None
                if row_claim in claims:
                    full = _full_sentence(data, row_claim, shown)
                elif row_event in events and shown.endswith(TRUNCATED) and quoted[row_event].startswith(shown[:-3]):
                    full = html.escape(quoted[row_event])
                cells[quote_col]["class"] = cells[quote_col].get("class", []) + ["tk-quote"]
                if full:
                    cells[quote_col].clear()
                    cells[quote_col].append(BeautifulSoup(full, "html.parser"))
                    changed = True
            if add_figure and row_claim in claims:
                claim = data.claim_rows[row_claim]
                figure = soup.new_tag("td")
                figure.append(BeautifulSoup(f'<a class="tk-ref tk-figure" href="{html.escape(data.claim_href(row_claim))}">'
                                            f"{html.escape(claim.mention)}</a>", "html.parser"))
                cells[claim_col].insert_after(figure)
                changed = True
    return str(soup) if changed else markup


def link_prose(markdown, source, data):
    """Markdown output with each figure stated by ``cite.state(..., 'ID', ...)`` in ``source`` linked to its span,
    matched in order of the calls; a figure not found in the text is left as it is."""
    figures = {claim_id: row.figure for claim_id, row in data.claim_rows.items()}
    position = 0
    for claim_id in QUOTED_CLAIM_ID.findall(source):
        if claim_id not in figures:
            continue
        for needle in (figures[claim_id].replace("$", r"\$"), figures[claim_id]):
            match = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)").search(markdown, position)
            if match:
                found = match.start()
                link = (f'<a class="tk-ref" href="{html.escape(data.claim_href(claim_id))}">'
                        f"{html.escape(figures[claim_id])}</a>")
                markdown = markdown[:found] + link + markdown[found + len(needle):]
                position = found + len(link)
                break
    return markdown


def _annotate_outputs(cell, data):
    for output in cell.get("outputs", []):
        bundle = output.get("data", {})
        if "text/html" in bundle:
            bundle["text/html"] = link_table(bundle["text/html"], data)
        if "text/markdown" in bundle and QUOTED_CLAIM_ID.search(cell.source):
            bundle["text/markdown"] = link_prose(bundle["text/markdown"], cell.source, data)


def link_files(markdown, published):
    """Markdown with each file name in backticks (`` `data/claims.csv` ``) linked where the site publishes it."""
    return PUBLISHED_FILE.sub(lambda m: f'<a href="{m.group(1)}"><code>{m.group(1)}</code></a>'
                              if m.group(1) in published else m.group(0), markdown)


def read_notebook(text):
    """myst-nb reader (``nb_custom_formats``): the notebook, prepared for readers in memory."""
    nb = nbformat.reads(text, as_version=4)
    data = load_site_data()
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = link_files(cell.source, data.published_files)
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        tags = cell.metadata.setdefault("tags", [])
        if not {"remove-input", "remove_input", "hide-input", "hide-cell"} & set(tags):
            tags.append("hide-input")
        _annotate_outputs(cell, data)
        cells.extend(split_at_figures(cell, data))
    nb.cells = cells
    return nb
