"""myst-nb's reader for the executed notebooks, adding what readers need at render time (files stay as they are).

- every code cell is tagged ``hide-input``: code is folded away behind a toggle;
- each saved chart (its output names ``figures/NN_slug.png``) gets alt text, an anchor ``#fig-NN_slug`` and a
  caption listing the claims and events it draws, each linked to its highlighted span;
- table cells holding a claim or event id link to its span; sources tables gain a ``figure`` column and mark the
  figure in its short quotation; an event's quote is cut to its short quotation (:func:`twokoreas.text.sentences.short_quote`);
- bold figures in prose link to their spans, by the claims the notebook kit recorded in the output's metadata
  (``{"twokoreas": {"cites": [{"id": ..., "figure": ...}]}}``, see :meth:`twokoreas.notebook.kit.Notebook.say`).
"""

import copy
import html
import re

import nbformat
import pandas as pd
from bs4 import BeautifulSoup

from ..data.downloads import write_download
from ..text.sentences import quote_span, sentence_span, short_quote
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


def _marked_quote(data, claim_id, shown):
    """The claim's short quotation with its figure marked, if ``shown`` is that quotation (or its start)."""
    claim = data.claim_rows[claim_id]
    text = data.texts[claim.article_id]
    quote = short_quote(text, claim.start, claim.end)
    if shown.endswith(TRUNCATED):
        shown = shown[:-len(TRUNCATED)]
    if not quote.startswith(shown.strip()):
        return None
    a, b = quote_span(text, claim.start, claim.end)
    before, after = quote[:quote.index(text[a:b])], quote[quote.index(text[a:b]) + b - a:]
    return (f"{html.escape(before + text[a:claim.start])}<mark>{html.escape(text[claim.start:claim.end])}</mark>"
            f"{html.escape(text[claim.end:b] + after)}")


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
            full = _marked_quote(data, claim_id, shown)
        elif event_id in data.event_rows:
            full = html.escape(quotation(data, event_id=event_id))
        quote["class"] = quote.get("class", []) + ["tk-quote"]
        if full:
            _replace(quote, full)
    return claim_id if claim_id in data.claim_rows else None


def _columns(header):
    return {"claim": _column(header, "claim", "claim_id", "claim id"),
            "event": _column(header, "event", "event_id", "event id"),
            "quote": _column(header, "quote"), "article": _column(header, "article", "article_id")}


def quotation(data, claim_id="", event_id=""):
    """The short quotation of a claim's or an event's span, or None for an id the data does not hold."""
    row = data.claim_rows.get(claim_id) or data.event_rows.get(event_id)
    return None if row is None else short_quote(data.texts[row.article_id], row.start, row.end)


def short_quotes(markup, data):
    """HTML tables with each quote cell of a claim's or an event's row cut to its short quotation."""
    if "<table" not in markup:
        return markup
    soup = BeautifulSoup(markup, "html.parser")
    for table in soup.find_all("table"):
        columns = _columns(_header(table))
        for tr in [] if columns["quote"] is None else (table.find("tbody") or table).find_all("tr", recursive=False):
            cells = tr.find_all(["th", "td"], recursive=False)
            quote = quotation(data, _text(cells, columns["claim"]), _text(cells, columns["event"]))
            if quote is not None and columns["quote"] < len(cells):
                cells[columns["quote"]].string = quote
    return str(soup)


def public_notebook(text, data):
    """A notebook as the public site offers it for download: each table's quotes cut to short quotations, and
    the plain-text copy of every output that has an HTML one dropped (it would repeat the quotes whole)."""
    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            bundle = output.get("data", {})
            if "text/html" in bundle:
                bundle["text/html"] = short_quotes(bundle["text/html"], data)
                bundle.pop("text/plain", None)
    return nbformat.writes(nb) + "\n"


def public_figure_table(path, data):
    """Rewrite a chart's or table's CSV in the public site's copy with each quote cut to its short quotation."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        return  # an empty file quotes nothing
    columns = _columns(list(frame.columns))
    if columns["quote"] is None:
        return
    quote = frame.columns[columns["quote"]]
    claims = frame.iloc[:, columns["claim"]] if columns["claim"] is not None else [""] * len(frame)
    events = frame.iloc[:, columns["event"]] if columns["event"] is not None else [""] * len(frame)
    frame[quote] = [quotation(data, c, e) or "" for c, e in zip(claims, events)]
    write_download(frame, path)


def link_table(markup, data):
    """HTML table output with claim, event and article ids linked; a sources table (claim and quote columns)
    gains a ``figure`` column linked to the span and marks the figure in its quotation; an event's quote is
    shown as its short quotation, never its whole sentence."""
    if "<table" not in markup:
        return markup
    soup = BeautifulSoup(markup, "html.parser")
    for table in soup.find_all("table"):
        header = _header(table)
        columns = _columns(header)
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
