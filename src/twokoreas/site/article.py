"""The ``twokoreas-article`` directive: an article's metadata, then short quotations of its figures and events
(the public site) or, in a local build with full texts (``TWOKOREAS_FULLTEXT=1``), its full text, with every
span marked.

The public site never carries a whole text: each claim and event is shown in a short quotation (a few words
of its sentence around it, :func:`twokoreas.text.sentences.quote_span`; overlapping ones merged) led by whose words they
are, with the SHA-256 of the text and a link to the original where its URL is known. Claims are highlighted
(hover or focus shows value, qualifier and theme), other numbers lightly marked with the reason they are not quantities, boilerplate greyed, and stance events outlined.
Claims and events carry stable anchors (``#claim-001-11``, ``#event-E20``). Spans may nest or cross;
a crossing span is split and only its first piece carries the anchor.
"""

import math
from dataclasses import dataclass, field

import pandas as pd
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..text.sentences import quote_span, sentence_bounds, sentence_span
from .data import claim_anchor, event_anchor, load_site_data

OUTER_FIRST = {"event": 0, "boilerplate": 1, "claim": 2, "number": 3}


class span(nodes.inline):
    """An inline element with its own tag and HTML attributes (``tabindex``, ``data-*``)."""


def visit_span(translator, node):
    translator.body.append(translator.starttag(node, node["tag"], "", **node["attrs"]))


def depart_span(translator, node):
    translator.body.append(f"</{node['tag']}>")


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    anchor: str = ""
    tip: str = ""
    label: str = ""
    attrs: dict = field(default_factory=dict)
    speaker: str = ""

    def order(self):
        return (self.start, -self.end, OUTER_FIRST[self.kind])


def _number(x):
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"


PREFIXES = {"USD": "$", "EUR": "€", "GBP": "£", "KRW": "₩"}
ACTORS = {"ROK": "South Korea", "DPRK": "North Korea", "ROK nationals": "South Korean nationals"}


def _missing(x):
    return x is None or (isinstance(x, float) and math.isnan(x))


def value_text(claim):
    """The value the curated row records, in words: ``$100,000,000``, ``40 or more``, ``20,000,000 to
    100,000,000``, ``3 years``, ``82%``."""
    prefix, unit = PREFIXES.get(claim.unit, ""), claim.unit
    suffix = "%" if unit == "percent" else "" if unit in ("count", "", *PREFIXES) else f" {unit}"

    def amount(x):
        return f"{prefix}{_number(x)}" + (suffix + "s" * (x != 1) if suffix.startswith(" ") else suffix)
    if not _missing(claim.value):
        return amount(claim.value)
    if not _missing(claim.value_low) and not _missing(claim.value_high):
        return f"{amount(claim.value_low)} to {amount(claim.value_high)}"
    if not _missing(claim.value_low):
        return f"{amount(claim.value_low)} or more"
    return f"up to {amount(claim.value_high)}" if not _missing(claim.value_high) else "no value read"


def words(code):
    """A vocabulary code as words: ``arms_trade`` is "arms trade", ``ROK`` "South Korea"."""
    return ACTORS.get(code, str(code).replace("_", " "))


def claim_tip(claim):
    """The tooltip of a claim: its id, value and what it counts, in words."""
    return (f"{claim.claim_id}: {value_text(claim)} ({words(claim.qualifier)}) · theme: {words(claim.theme)} · "
            f"{claim.quantity_of}")


def quotations(text, spans):
    """``(start, end)`` of the short quotation of each of ``spans`` (:func:`twokoreas.text.sentences.quote_span`), in text
    order, overlapping ones merged."""
    windows = []
    for a, b in sorted(quote_span(text, start, end) for start, end in spans):
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(b, windows[-1][1]))
        else:
            windows.append((a, b))
    return windows


def speaker(row, outlet):
    """Whose words a quotation gives, from the curated row: ``Dermot Hudson, KFA UK chairman, quoted`` or
    ``Sputnik, its own reporting``."""
    if row.voice == "own":
        return f"{outlet}, {'its own reporting' if row.attributed_to == 'own reporting' else row.attributed_to}"
    return f"{row.attributed_to}, {row.voice}"


def _marks(data, article_id, outlet="the text"):
    marks = []
    for c in data.claims[data.claims.article_id == article_id].itertuples():
        marks.append(Mark(c.start, c.end, "claim", claim_anchor(c.claim_id),
                          tip=claim_tip(c), speaker=speaker(c, outlet)))
    for n in data.not_quantities[data.not_quantities.article_id == article_id].itertuples():
        marks.append(Mark(n.start, n.end, "number", tip=f"not a quantity: {words(n.reason)}"))
    for b in data.boilerplate[data.boilerplate.article_id == article_id].itertuples():
        marks.append(Mark(b.start, b.end, "boilerplate", attrs={"title": f"boilerplate: {b.part}"}))
    for e in data.events[data.events.article_id == article_id].itertuples():
        marks.append(Mark(e.start, e.end, "event", event_anchor(e.event_id), label=e.event_id,
                          speaker=speaker(e, outlet), attrs={"title": f"{e.event_id} · {words(e.actor)} · rung {e.rung}, {words(e.status)}: "
                                           f"{e.action}"}))
    return sorted(marks, key=Mark.order)


def _open(mark, first):
    """A node for ``mark``; the first piece of a span carries its anchor and tooltip."""
    tag = "mark" if mark.kind == "claim" else "span"
    attrs = dict(mark.attrs)
    if mark.label:
        attrs["data-label"] = mark.label
    node = span(tag=tag, attrs=attrs, classes=[f"tk-{mark.kind}"])
    if first and mark.anchor:
        node["ids"].append(mark.anchor)
    if first and mark.tip:
        node["attrs"]["tabindex"] = "0"
        if mark.anchor:
            node["attrs"]["aria-describedby"] = f"tip-{mark.anchor}"
    node["tip"] = mark.tip if first else ""
    return node


def _close(node, anchor):
    if node["tip"]:
        tip = span(tag="span", attrs={"role": "tooltip"}, classes=["tk-tip"])
        if anchor:
            tip["ids"].append(f"tip-{anchor}")
        tip += nodes.Text(node["tip"])
        node += tip


def marked_paragraphs(text, marks):
    """One paragraph node per line of ``text``, with ``marks`` as nested inline elements."""
    paragraphs, begun, offset = [], set(), 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        here = [m for m in marks if m.start < end and m.end > start]
        points = sorted({start, end} | {max(m.start, start) for m in here} | {min(m.end, end) for m in here})
        paragraph = nodes.paragraph()
        stack = []  # (mark, node), outermost first
        for left, right in zip(points, points[1:]):
            wanted = [m for m in here if m.start <= left and m.end >= right]
            keep = 0
            while keep < min(len(stack), len(wanted)) and stack[keep][0] is wanted[keep]:
                keep += 1
            while len(stack) > keep:
                mark, node = stack.pop()
                _close(node, mark.anchor)
            for mark in wanted[keep:]:
                node = _open(mark, id(mark) not in begun)
                begun.add(id(mark))
                (stack[-1][1] if stack else paragraph).append(node)
                stack.append((mark, node))
            (stack[-1][1] if stack else paragraph).append(nodes.Text(text[left:right]))
        while stack:
            mark, node = stack.pop()
            _close(node, mark.anchor)
        paragraphs.append(paragraph)
    return paragraphs


def _value(row, column):
    value = getattr(row, column, "")
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)


def date_interval(row):
    """The publication date as an interval with its basis: from ``published_earliest``/``published_latest``/
    ``published_basis`` when the table has them, else from ``published``, its precision and basis."""
    if hasattr(row, "published_earliest"):
        earliest, latest = _value(row, "published_earliest"), _value(row, "published_latest")
        if _value(row, "published_label"):
            when = row.published_label
        elif earliest and latest:
            when = earliest if earliest == latest else f"between {earliest} and {latest}"
        elif earliest:
            when = f"{earliest} or later"
        else:
            when = f"no later than {latest}" if latest else "unknown"
    else:
        when = f"{_value(row, 'published_label') or _value(row, 'published')} " \
               f"(precision: {_value(row, 'published_precision')})"
    return f"{when}; basis: {_value(row, 'published_basis')}"


def metadata(row):
    """(field, text) pairs shown above the text; optional columns only when the table has them."""
    outlet = row.outlet
    if _value(row, "outlet_description"):
        outlet += f", {row.outlet_description}"
    if _value(row, "outlet_evidence"):
        outlet += f" (evidence: “{row.outlet_evidence}”)"
    fields = [("Outlet", outlet), ("Source type", _value(row, "source_type") or _value(row, "kind"))]
    if _value(row, "reliability_note"):
        fields.append(("Reliability", row.reliability_note))
    fields.append(("Published", date_interval(row)))
    for column, name in (("published_earliest_evidence", "Evidence, earliest date"),
                         ("published_latest_evidence", "Evidence, latest date"),
                         ("published_evidence", "Date evidence")):
        if _value(row, column):
            fields.append((name, f"“{getattr(row, column)}”"))
    if _value(row, "published_note"):
        fields.append(("Date note", row.published_note))
    return fields


def _field(name, body):
    return nodes.field("", nodes.field_name("", name), nodes.field_body("", body))


LEGEND = [("tk-claim", "mark", "a quantity (claim): hover or focus for its value"),
          ("tk-number", "span", "a number that is not a quantity: hover for why"),
          ("tk-event", "span", "a coded stance event"),
          ("tk-boilerplate", "span", "boilerplate (not part of the article)")]


class ArticleDirective(SphinxDirective):
    """``{twokoreas-article} ARTICLE_ID``: metadata, legend and marked-up full text of one article."""

    required_arguments = 1

    def run(self):
        data = load_site_data()
        article_id = self.arguments[0]
        row = next(data.articles[data.articles.article_id == article_id].itertuples())
        fields = nodes.field_list(classes=["tk-meta"])
        for name, text in metadata(row):
            fields += _field(name, nodes.paragraph("", text))
        full = self.config.twokoreas_fulltext
        fields += _field("SHA-256", nodes.paragraph(
            "", "", nodes.literal("", row.sha256, classes=["tk-hash"]), nodes.Text(" of the "),
            nodes.reference("", "text file", refuri=f"{article_id}.txt") if full else nodes.Text(
                "text, which this site does not publish (see the terms in the footer)")))
        if _value(row, "url"):
            fields += _field("Original", nodes.paragraph("", "", nodes.reference("", row.url, refuri=row.url)))
        counts = (f"{(data.claims.article_id == article_id).sum()} claims, "
                  f"{(data.not_quantities.article_id == article_id).sum()} other numbers, "
                  f"{(data.events.article_id == article_id).sum()} stance events")
        fields += _field("Marked", nodes.paragraph("", counts))
        legend = nodes.paragraph(classes=["tk-legend"])
        legend += nodes.Text("Key: ")
        for number, (css, tag, words) in enumerate(LEGEND):
            key = span(tag=tag, attrs={}, classes=[css], tip="")
            key += nodes.Text(words)
            legend += key
            if number < len(LEGEND) - 1:
                legend += nodes.Text(" · ")
        body = nodes.container(classes=["tk-article"])
        marks = _marks(data, article_id, row.outlet if row.outlet != "unknown" else "the text")
        if full:
            body.extend(marked_paragraphs(row.text, marks))
            return [fields, legend, nodes.rubric("", "Full text"), body]
        sourced = [m for m in marks if m.kind in ("claim", "event")]
        anchored = set()  # a span cut into several quotations carries its anchor and tooltip in the first only
        for start, end in quotations(row.text, [(m.start, m.end) for m in sourced]):
            here = [m for m in marks if m.start < end and m.end > start]
            inside = [Mark(max(m.start, start) - start, min(m.end, end) - start, m.kind,
                           *((m.anchor, m.tip) if (m.anchor or id(m)) not in anchored else ("", "")), m.label,
                           m.attrs) for m in here]
            anchored.update(m.anchor or id(m) for m in here)
            paragraph = marked_paragraphs(row.text[start:end], sorted(inside, key=Mark.order))[0]
            whose = dict.fromkeys(m.speaker for m in sourced if m.start < end and m.end > start)
            paragraph.insert(0, nodes.emphasis("", "; ".join(whose) + ": "))
            left, right = sentence_span(row.text, start, start)[0], sentence_span(row.text, end, end)[1]
            paragraph.insert(1, nodes.Text("“…" if start > left else "“"))
            paragraph += nodes.Text("…”" if end < right else "”")
            body += paragraph
        return [fields, legend, nodes.rubric("", "Short quotations of the figures and events, each with whose words "
                                             "they are"), body]


def setup(app):
    app.add_node(span, html=(visit_span, depart_span))
    app.add_config_value("twokoreas_fulltext", False, "env")
    app.add_directive("twokoreas-article", ArticleDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
