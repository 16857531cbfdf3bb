"""What ``twokoreas add`` can read of a figure from its own sentence, each field with the words it rests on.

Every field is a draft for a person to confirm: a cue found in the figure's sentence (or clause) gives a value
and its evidence; no cue, no value (the field stays empty and ``review`` says a person must fill it). Nothing
here is a guess from outside the text.
"""

import re
from dataclasses import dataclass

import pandas as pd

from ..data import vocab
from ..text.sentences import sentence_span

# Named states and bodies, as the texts name them, and the actor each stands for.
STATES = (
    ("DPRK", r"North Korea(?:n|ns|'s)?|Pyongyang|DPRK|Kim Jong[ -]Un"),
    ("ROK", r"South Korea(?:n|ns|'s)?|Seoul|ROK"),
    ("Russia", r"Russia(?:n|ns|'s)?|Moscow|Kremlin|Kursk"),
    ("Ukraine", r"Ukrain(?:e|ian|ians|e's)|Kyiv|Kiev"),
    ("USA", r"United States|U\.S\.|Washington|Pentagon|American"),
    ("Poland", r"Poland|Polish|Warsaw"),
    ("Iran", r"Iran(?:ian)?|Tehran"),
    ("NATO", r"NATO"),
)
ADJECTIVE = {
    "DPRK": "North Korean",
    "ROK": "South Korean",
    "Russia": "Russian",
    "Ukraine": "Ukrainian",
    "USA": "US",
    "Poland": "Polish",
    "Iran": "Iranian",
}

# (theme, words of the figure's clause that say it), tried in order.
THEME_CUES = (
    ("volunteers", r"volunteers?"),
    ("troops", r"troops|soldiers|forces|personnel|brigades?|servicemen|casualties"),
    ("munitions", r"shells|rounds|ammunition|munitions|missiles"),
    ("aid", r"aid|assistance|humanitarian|loan|grant|donat\w+"),
    ("arms_trade", r"tanks?|howitzers?|weapons|arms|air[- ]defen[cs]e"),
    ("opinion_constraints", r"poll|survey|respondents|oppos\w+|support\w*"),
)

# (kind, words that say it); "killed or wounded" and "increment" win over the others, which go by the cue
# nearest the figure.
KIND_FIRST = (
    ("killed or wounded", r"died|dead|killed|wounded|injured|casualt\w+|deaths?"),
    ("increment", r"additional|another|more"),  # only just before the figure
)
KIND_NEAREST = (
    ("planned or pledged", r"plan\w*|pledg\w*|promis\w*|will|would|agreed|order\w*|expected to"),
    ("in place", r"deployed|stationed|fighting|based|present"),
    ("total sent", r"sent|supplied|provided|delivered|given|dispatched|transferred|donated|gave|has sent"),
)
AID_STATUS_CUES = (
    ("received as part of a loan", r"loan"),
    ("under discussion", r"discuss\w*|consider\w*|weigh\w*"),
    ("pledged or forecast", r"pledg\w*|promis\w*|will \w+|would \w+|plans? to \w+"),
    ("given so far", r"so far|to date|has sent|have sent|has provided|have provided"),
    ("given in the year", r"(?:provided|gave|sent|given) [^.]*?in \d{4}|in \d{4}[^.]*?(?:provided|gave|sent|given)"),
)

# Whose word it is: (source_kind, words of the credited name or its phrase), tried in order.
SOURCE_KINDS = (
    ("intelligence service of a party", r"intelligence|spy agency|\bNIS\b"),
    ("media", r"newspaper|Ilbo|Yonhap|news agency|\bTimes\b|\bPost\b|Reuters|\bAP\b|TASS|KCNA|media"),
    ("other government", r"U\.S\.|United States|Pentagon|Washington|White House"),
    ("government of a party", r"President|Zelensk\w+|Yoon|Putin|Kim Jong|ministry|minister|government|Kremlin"),
    ("expert or analyst", r"analyst|expert|professor|institute"),
    ("poll", r"poll|survey|Gallup"),
    ("anonymous official", r"officials?|sources"),
)
ADVERBS = ("earlier", "later", "also", "still", "again", "then", "now", "previously")
SAY_VERBS = r"said|says|told|reported|estimated|estimates|put|assessed|claimed|announced|stated"
CLAUSE_BREAK = re.compile(r",\s+(?:although|but|while|whereas)\s+|;\s+")
NAME = re.compile(r"(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*")
NOT_NAMES = re.compile(
    r"^(?:Earlier|Later|In|On|The|A|An|It|This|That|Last|Next)?\s*(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)?$"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
KIND_SLUGS = {
    "in place": "in",
    "total sent": "sent",
    "planned or pledged": "planned",
    "increment": "additional",
    "killed or wounded": "casualties",
    "part of another figure": "part",
    "share": "share",
    "duration": "length",
    "other": "count",
}


@dataclass(frozen=True)
class Draft:
    """One drafted field: its value and the words of the text (or the reasoning) it rests on."""

    field: str
    value: str
    evidence: str


def _words(pattern):
    return re.compile(rf"\b(?:{pattern})\b")


def _clause(sentence, start, end):
    """``(left, right)`` offsets in ``sentence`` of the clause holding ``start:end`` (split at "although",
    "but", "while", semicolons)."""
    left, right = 0, len(sentence)
    for match in CLAUSE_BREAK.finditer(sentence):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = min(right, match.start())
    return left, right


def _states(text):
    """``[(start, end, actor)]`` of the states named in ``text``, in order."""
    found = [(m.start(), m.end(), actor) for actor, pattern in STATES for m in re.finditer(rf"\b(?:{pattern})", text)]
    return sorted(found)


def _noun_phrase(after):
    """The counted noun phrase at the start of ``after`` (the words after a figure), up to a comma, a full stop
    or "and" before another number; at most ten words."""
    phrase = re.split(
        r"[,.;:]|\s+and\s+(?=\d)|\s+(?:according to|citing|between|since|last|earlier|later)\s+|"
        r"\s+(?:in|on)\s+(?=[A-Z\d])",
        after.strip(),
        maxsplit=1,
    )[0]
    return " ".join(phrase.split()[:10])


def _quantity_of(sentence, start, end, actor, previous_noun):
    after = re.sub(r"^(?:worth of|in|of)\s+", "", _noun_phrase(sentence[end:]))
    number_of = re.search(r"number of ([\w\s-]+?) (?:at|was|is|stood)\s*$", sentence[:start])
    if number_of:
        return number_of.group(1), f"'number of {number_of.group(1)}'"
    if not after or after.split()[0] in ("had", "have", "has", "were", "was", "are", "is"):
        if not previous_noun:
            return "", ""
        after = f"{previous_noun} {after}".strip()
    if actor in ADJECTIVE and not _states(after):
        return f"{ADJECTIVE[actor]} {after}", f"'{after}' after the figure; the state from the sentence"
    return after, f"'{after}' after the figure"


def _theme(clause, unit):
    if unit in ("month", "year", "week", "day"):
        return "other", f"a length of time ('{unit}')"
    for theme, pattern in THEME_CUES:
        match = _words(pattern).search(clause)
        if match and (theme != "opinion_constraints" or unit == "percent"):
            return theme, f"'{match.group(0)}'"
    return "", ""


def _figure_kind(clause, start, end, unit):
    if unit == "percent":
        return "share", "a percentage"
    if unit in ("month", "year", "week", "day"):
        return "duration", f"a length of time ('{unit}')"
    for kind, pattern in KIND_FIRST:
        text = clause[max(0, start - 15) : start] if kind == "increment" else clause
        matches = sorted(_words(pattern).finditer(text), key=lambda m: abs(m.start() - start))
        if matches:
            return kind, f"'{matches[0].group(0)}'"
    best = None
    for kind, pattern in KIND_NEAREST:
        for match in _words(pattern).finditer(clause):
            distance = start - match.end() if match.end() <= start else match.start() - end
            if best is None or distance < best[0]:
                best = (distance, kind, match.group(0))
    return (best[1], f"'{best[2]}', the cue nearest the figure") if best else ("", "")


def _source(sentence, clause_left, clause_right, start):
    """``(attributed_to, voice, source_kind, evidence)`` from "according to", "X said" and quotation marks."""
    clause = sentence[clause_left:clause_right]
    quoted = any(m.start() < start < m.end() for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", sentence))
    name, evidence = "", ""
    according = re.search(r"according to ([^;]+?)[.;]?$", sentence)
    if according:
        name, evidence = according.group(1).strip(), f"'according to {according.group(1).strip()}'"
    else:
        said = None
        for match in _words(SAY_VERBS).finditer(clause):
            said = match
            if match.start() + clause_left > start:
                break
        if said:
            before = clause[: said.start()]
            segments = [g.strip() for g in before.split(",")]
            citing = next((g for g in segments if g.startswith("citing ")), "")
            subject = next((g for g in reversed(segments) if g and not g.startswith(("citing ", "according"))), "")
            subject = " ".join(w for w in subject.split() if w.lower() not in ADVERBS and not w.endswith("ly"))
            if subject and len(subject.split()) <= 6:
                name = subject + (" estimates" if said.group(0) == "estimates" else "")
                name += f", {citing}" if citing else ""
                evidence = f"'{before.split(',')[-1].strip() or subject} {said.group(0)}'"
    if not name:
        return "own reporting", "quoted" if quoted else "own", "media", "no attribution cue in its sentence"
    name = re.sub(r"^the\s+", "", name)
    kind = next((k for k, pattern in SOURCE_KINDS if re.search(pattern, name)), "")
    return name, "quoted" if quoted else "paraphrased", kind, evidence


def _previous_weekday(day, name):
    back = (day.weekday() - WEEKDAYS.index(name)) % 7
    return day - pd.Timedelta(days=back)


def _dates(sentence, clause, published, published_evidence):
    """Date drafts: the interval the figure held, its basis and evidence, and the day it was said."""
    drafts = {}
    if published is None:
        return drafts
    year = published.year
    month_span = re.search(rf"between ({'|'.join(MONTHS)}) and ({'|'.join(MONTHS)})", clause)
    month = re.search(rf"\b[Ii]n ({'|'.join(MONTHS)})\b", sentence)
    season = re.search(rf"\blast ({'|'.join(SEASONS)})\b", clause)
    interval = None
    if month_span:
        first, last = (MONTHS.index(m) + 1 for m in month_span.groups())
        interval = (pd.Timestamp(year, first, 1), min(pd.Timestamp(year, last, 1) + pd.offsets.MonthEnd(0), published))
        words = month_span.group(0)
    elif season:
        first, last = SEASONS[season.group(1)]
        season_year = year - 1 if published.month <= last else year
        interval = (pd.Timestamp(season_year, first, 1), pd.Timestamp(season_year, last, 1) + pd.offsets.MonthEnd(0))
        words = season.group(0)
    elif month:
        number = MONTHS.index(month.group(1)) + 1
        month_year = year if number <= published.month else year - 1
        interval = (
            pd.Timestamp(month_year, number, 1),
            min(pd.Timestamp(month_year, number, 1) + pd.offsets.MonthEnd(0), published),
        )
        words = month.group(0)
    if interval:
        drafts.update(
            date_earliest=interval[0],
            date_latest=interval[1],
            date_basis="inferred",
            date_evidence=f"'{words}', in a text printed {published_evidence}; the year is the text's",
        )
    else:
        drafts.update(
            date_earliest=pd.Timestamp(vocab.INVASION),
            date_latest=published,
            date_basis="bounded by article",
            date_evidence=f"Undated in its sentence: no earlier than the invasion, no later than the text "
            f"(printed {published_evidence})",
        )
    said_day = re.search(
        rf"\b(?:said|reported|told \w+|announced)\s+on\s+(?:(\d{{1,2}}) ({'|'.join(MONTHS)})|"
        rf"({'|'.join(MONTHS)})\.? (\d{{1,2}}))\b",
        sentence,
    )
    if said_day:
        day, name = (
            (said_day.group(1), said_day.group(2)) if said_day.group(1) else (said_day.group(4), said_day.group(3))
        )
        when = pd.Timestamp(year, MONTHS.index(name) + 1, int(day))
        when = when if when <= published else pd.Timestamp(year - 1, when.month, when.day)
        drafts["stated_date"] = when
        drafts["date_latest"] = min(drafts["date_latest"], when)
    said_on = re.search(
        rf"\b(?:said|reported|told \w+|announced)\s+(?:on\s+)?({'|'.join(WEEKDAYS)})\b|"
        rf"\b(?:[Ee]arlier|[Ll]ater|[Oo]n)\s+({'|'.join(WEEKDAYS)})\b",
        sentence,
    )
    if said_on:
        day = _previous_weekday(published, said_on.group(1) or said_on.group(2))
        drafts["stated_date"] = day
        drafts["date_latest"] = min(drafts["date_latest"], day)
        if not interval:
            drafts.update(
                date_latest=day,
                date_evidence=drafts["date_evidence"] + f"; said '{said_on.group(0)}', the {day:%A} before it",
            )
    return drafts


def _fact_key(fields, value, existing):
    """A fact_key: an existing one when a reviewed claim of the same theme, kind and value states it, else a new
    one from the actor, theme, kind and value (numbered when taken)."""
    same = existing[
        (existing.theme == fields.get("theme"))
        & (existing.figure_kind == fields.get("figure_kind"))
        & (existing.value_low == value[0])
        & (existing.value_high == value[1])
    ]
    if len(same):
        key = same.fact_key.iloc[0]
        return key, f"the same theme, kind and value as claim {same.claim_id.iloc[0]} ({key})"
    parts = [
        fields.get("actor", ""),
        fields.get("theme", ""),
        KIND_SLUGS.get(fields.get("figure_kind"), ""),
        "_".join(
            re.sub(
                r"[^a-z0-9]+", "_", re.sub(r"^.*?['’]s\s+", "", fields.get("attributed_to", "").split(",")[0]).lower()
            ).split("_")[:2]
        ),
        "_".join(v.split(".")[0] for v in dict.fromkeys(value) if v),
    ]
    key = re.sub(r"_+", "_", "_".join(p for p in parts if p).lower()).strip("_")
    if not key or not fields.get("theme"):
        return "", ""
    base, n = key, 2
    while key in set(existing.fact_key):
        key, n = f"{base}_{n}", n + 1
    return key, "suggested from actor, theme, kind, source and value: no reviewed claim states the same"


def _aid_status(sentence):
    for status, pattern in AID_STATUS_CUES:
        match = re.search(rf"\b(?:{pattern})\b", sentence)
        if match:
            return status, match.group(0)
    return "", ""


def _actor(clause, start, end, quantity_of, source):
    """The state whose figure it is: one named in the counted phrase before any preposition ("North Korean
    troops to Russia"), else the state its clause names nearest before the figure that is neither the figure's
    source nor after "to", "in", "from"... ."""
    head = re.split(r"\b(?:to|in|from|against|with|into|for|at|of|on)\b", quantity_of, maxsplit=1)[0]
    named = _states(head)
    if named:
        return named[0][2], f"'{head[named[0][0] : named[0][1]]}' in the counted phrase"
    preposition = r"\b(?:to|in|from|against|with|into|for|at|of|on)\s*$"
    for s_start, s_end, actor in reversed(_states(clause[:start])):
        if not re.search(preposition, clause[:s_start]) and clause[s_start:s_end] not in source:
            return actor, f"'{clause[s_start:s_end]}', the state its clause names nearest before the figure"
    return "", ""


def not_a_quantity(text, start, end):
    """The reason a figure the extractor found is not a quantity, when its surroundings say so, else None: the
    offset of a time zone ("03:04 GMT+10")."""
    if re.search(r"\b(?:GMT|UTC)\s*[+−-]\s*$", text[max(0, start - 6) : start]):
        return "clock time"
    return None


def draft_claims(text, quantities, existing, published=None, published_evidence=""):
    """For each row of ``quantities`` (the extractor's figures of ``text``), ``{field: Draft}`` of every field
    read from its sentence. ``existing``: the reviewed claims (for fact keys); ``published``: the article's
    printed date (a Timestamp) or None. A figure with no cue of its own for theme, kind or actor, whose counted
    phrase is borrowed from the figure before it in its sentence ("300 soldiers had died and 2,700 had been
    injured"), takes that figure's."""
    drafts, previous = [], {}
    for q in quantities.itertuples():
        left, right = sentence_span(text, q.start, q.end)
        sentence, start, end = text[left:right], q.start - left, q.end - left
        c_left, c_right = _clause(sentence, start, end)
        clause = sentence[c_left:c_right]
        paragraph = text.rfind("\n", 0, q.start)
        before = previous.get(paragraph, {})
        quantity_of, why = _quantity_of(sentence, start, end, "", before.get("noun", ""))
        borrowed = bool(before) and before.get("noun", "") != "" and quantity_of.startswith(before["noun"])
        attributed_to, voice, source_kind, source_why = _source(sentence, c_left, c_right, start)
        fields = {
            "theme": _theme(clause, q.unit),
            "figure_kind": _figure_kind(clause, start - c_left, end - c_left, q.unit),
            "actor": _actor(clause, start - c_left, end - c_left, quantity_of, attributed_to),
        }
        for field in ("theme", "figure_kind", "actor") if borrowed else ("theme", "figure_kind"):
            if not fields[field][0] and before.get(field):
                fields[field] = (before[field], f"as the figure before it in its paragraph ({before['mention']})")
        theme, kind, actor = (fields[f][0] for f in ("theme", "figure_kind", "actor"))
        head = re.split(r"\b(?:to|in|from|against|with|into|for|at|of|on)\b", quantity_of, maxsplit=1)[0]
        if actor in ADJECTIVE and quantity_of and not _states(head):
            quantity_of, why = f"{ADJECTIVE[actor]} {quantity_of}", f"{why}; the state from its clause"
        fields["quantity_of"] = (quantity_of, why)
        recipient = re.search(rf"\b(?:to|into)\s+(?:the\s+)?({'|'.join(p for _, p in STATES)})", clause[end - c_left :])
        if recipient and kind != "killed or wounded":
            to = next(a for a, p in STATES if re.fullmatch(p, recipient.group(1)))
            if to != actor:
                fields["recipient"] = (to, f"'{recipient.group(0)}'")
        fields.update(
            attributed_to=(attributed_to, source_why), voice=(voice, source_why), source_kind=(source_kind, source_why)
        )
        dated = _dates(sentence, clause, published, published_evidence)
        for field, value in dated.items():
            fields[field] = (
                value.strftime("%Y-%m-%d") if isinstance(value, pd.Timestamp) else value,
                dated.get("date_evidence", "")
                if field.startswith("date_")
                else "the weekday named, before the text's date",
            )
        if theme == "aid":
            status, words = _aid_status(sentence)
            if status:
                fields.update(aid_status=(status, f"'{words}'"), aid_status_words=(words, f"'{words}'"))
        value = tuple("" if pd.isna(v) else f"{v:.15g}" for v in (q.value_low, q.value_high))
        fields["fact_key"] = _fact_key({k: v for k, (v, _) in fields.items()}, value, existing)
        drafts.append({field: Draft(field, value, why) for field, (value, why) in fields.items() if value != ""})
        noun = re.sub(r"\s+(?:had|have|has|were|was|are|is)\b.*$", "", quantity_of)
        if noun and actor in ADJECTIVE:
            noun = noun.removeprefix(f"{ADJECTIVE[actor]} ") if not borrowed else noun
        previous[paragraph] = {
            "noun": noun,
            "theme": theme,
            "figure_kind": kind,
            "actor": actor,
            "mention": f"'{q.mention}'",
        }
    return drafts
