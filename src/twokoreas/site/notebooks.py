"""myst-nb's reader for the executed notebooks, adding what readers need at render time (files stay as they are).

- every code cell is tagged ``hide-input``: code is folded away behind a toggle;
- each saved chart (its output names ``figures/NN_slug.png``) gets alt text, an anchor ``#fig-NN_slug`` and a
  caption listing the claims and events it draws, each linked to its highlighted span;
- table cells holding a claim or event id link to its span; sources tables gain a ``figure`` column and show
  the whole sentence, with the figure marked, where the notebook's display cut it short;
- bold figures in prose link to their spans, by the claims the notebook kit recorded in the output's metadata
  (``{"twokoreas": {"cites": [{"id": ..., "figure": ...}]}}``, see :meth:`twokoreas.notebook.kit.Notebook.say`).
"""

import copy
import html
import re

import nbformat
from bs4 import BeautifulSoup

from ..text.sentences import sentence_span
from .data import article_page, figure_anchor, load_site_data

SAVED_FIGURE = re.compile(r"figures/(\d\d_[\w-]+)\.png")
IDS_IN_CELL = re.compile(r"[\w-]+")
TRUNCATED = "..."
PUBLISHED_FILE = re.compile(r"`((?:data|figures)/[\w.-]+)`")


def _links(ids, href, css):
    return ", ".join(f'<a class="{css}" href="{html.escape(href(i))}">{html.escape(i)}</a>' for i in ids)


def figure_caption(data, row):
    """The caption under a saved chart: its title, the claims and events it draws (linked), its files."""
    parts = [f"**{html.escape(row.title, quote=False)}**"]  # MyST passes HTML through: escape it
    claims = [c for c in row.claim_ids.split(";") if c]
    events = [e for e in row.event_ids.split(";") if e]
    if claims:
        parts.append("Draws claims " + _links(claims, data.claim_href, "tk-ref"))
    if events:
        parts.append("Draws events " + _links(events, data.event_href, "tk-ref"))
    files = " ".join(f'<a href="figures/{row.figure}.{ext}">{label}</a>'
                     for ext, label in (("svg", "SVG"), ("png", "PNG"), ("csv", "data (CSV)")))
    parts.append(f"Full size and data: {files}")
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


def _id_link(text, data):
    """The cell's ids (``001-11``, ``E20``, or several separated by ``;``/``,``) as links, or None."""
    ids = IDS_IN_CELL.findall(text)
    if not ids or not re.fullmatch(r"[\w\s;,-]+", text):
        return None
    if not all(i in data.claim_rows or i in data.event_quotes for i in ids):
        return None
    hrefs = [data.claim_href(i) if i in data.claim_rows else data.event_href(i) for i in ids]
    return ", ".join(f'<a class="tk-ref" href="{html.escape(h)}">{i}</a>' for i, h in zip(ids, hrefs))


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


def _replace(cell, markup):
    cell.clear()
    cell.append(BeautifulSoup(markup, "html.parser"))


def _column(header, *names):
    return next((i for i, h in enumerate(header) if h in names), None)


def _text(cells, column):
    return cells[column].get_text(strip=True) if column is not None and column < len(cells) else ""


def _link_row(cells, columns, data):
    """Link one table row's ids and article, and complete its quote; the claim id of the row, if any."""
    for cell in cells:
        linked = _id_link(cell.get_text(strip=True), data)
        if linked:
            _replace(cell, linked)
    article_id = data.article_ids.get(_text(cells, columns["article"]))
    if article_id:
        _replace(cells[columns["article"]], f'<a href="{article_page(article_id)}">{html.escape(article_id[:3])}</a>')
    claim_id, event_id = _text(cells, columns["claim"]), _text(cells, columns["event"])
    if columns["quote"] is not None and columns["quote"] < len(cells):
        quote = cells[columns["quote"]]
        shown, full = quote.get_text(), None
        if claim_id in data.claim_rows:
            full = _full_sentence(data, claim_id, shown)
        elif (event_id in data.event_quotes and shown.endswith(TRUNCATED)
              and data.event_quotes[event_id].startswith(shown[:-len(TRUNCATED)])):
            full = html.escape(data.event_quotes[event_id])
        quote["class"] = quote.get("class", []) + ["tk-quote"]
        if full:
            _replace(quote, full)
    return claim_id if claim_id in data.claim_rows else None


def link_table(markup, data):
    """HTML table output with claim, event and article ids linked; a sources table (claim and quote columns)
    gains a ``figure`` column linked to the span and shows whole sentences with the figure marked."""
    if "<table" not in markup:
        return markup
    soup = BeautifulSoup(markup, "html.parser")
    for table in soup.find_all("table"):
        header = _header(table)
        columns = {"claim": _column(header, "claim", "claim_id"), "event": _column(header, "event", "event_id"),
                   "quote": _column(header, "quote"), "article": _column(header, "article", "article_id")}
        add_figure = columns["claim"] is not None and columns["quote"] is not None and "figure" not in header
        if add_figure:
            th = soup.new_tag("th")
            th.string = "figure"
            header_cells = table.find("thead").find_all("tr")[-1].find_all(["th", "td"], recursive=False)
            header_cells[columns["claim"]].insert_after(th)
        for tr in (table.find("tbody") or table).find_all("tr", recursive=False):
            cells = tr.find_all(["th", "td"], recursive=False)
            claim_id = _link_row(cells, columns, data)
            if add_figure:
                td = soup.new_tag("td")
                if claim_id:
                    _replace(td, f'<a class="tk-ref tk-figure" href="{html.escape(data.claim_href(claim_id))}">'
                                 f"{html.escape(data.claim_rows[claim_id].mention)}</a>")
                cells[columns["claim"]].insert_after(td)
    return str(soup)


def cited(output):
    """The claims and events a prose output states, as the notebook kit recorded them: ``[{"id", "figure"}]``."""
    metadata = output.get("metadata", {})
    record = metadata.get("text/markdown", metadata).get("twokoreas", {})
    return record.get("cites", [])


def link_prose(markdown, cites, data):
    """Markdown output with each bold figure of ``cites`` (in order) linked to its claim's or event's span; a
    figure not found in bold in the text is left as it is."""
    position = 0
    for cite in cites:
        if cite["id"] not in data.claim_rows and cite["id"] not in data.event_quotes:
            continue
        href = data.claim_href(cite["id"]) if cite["id"] in data.claim_rows else data.event_href(cite["id"])
        for needle in (f"**{cite['figure'].replace('$', chr(92) + '$')}**", f"**{cite['figure']}**"):
            found = markdown.find(needle, position)
            if found >= 0:
                link = (f'**<a class="tk-ref tk-prose" href="{html.escape(href)}">'
                        f"{html.escape(cite['figure'])}</a>**")
                markdown = markdown[:found] + link + markdown[found + len(needle):]
                position = found + len(link)
                break
    return markdown


def _annotate_outputs(cell, data):
    for output in cell.get("outputs", []):
        bundle = output.get("data", {})
        if "text/html" in bundle:
            bundle["text/html"] = link_table(bundle["text/html"], data)
        if "text/markdown" in bundle and cited(output):
            bundle["text/markdown"] = link_prose(bundle["text/markdown"], cited(output), data)


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
