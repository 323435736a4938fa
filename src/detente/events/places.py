"""Where did the event happen? A place PP on the trigger ("met in Beijing", "a clash in the Galwan
Valley", "talks held at Geneva").

``event_place(trigger)`` looks at preps in / at / near / inside / outside / across / within whose
object is a GPE / LOC / FAC entity (or an untagged proper noun; an ORG only after "at": "at the United
Nations"), in this order:

1. the trigger's own preps;
2. for a nominal trigger, the preps of a participial or subject relative clause on it ("talks *held at
   Geneva*", "the clash that *erupted in Ladakh*"), then those of its light verb ("*held* talks in
   Doha", "talks were *held* in Doha");
3. a place PP the parser hung on the object of the trigger or light verb ("attacked positions *in
   eastern Ukraine*", "will hold talks with India *in Beijing*"), or for an adjectival participle
   on the noun it modifies, or one PP down from it ("banned apps like TikTok *in India*").

A common-noun object is looked through: "in the northern city of Kharkiv" -> Kharkiv, "outside the
US embassy in Tehran" -> Tehran. A leading "the" is dropped from the place text and a compass
adjective kept ("eastern Ukraine"). ``country`` (ISO 3166-1 alpha-3) is set when the place is a country
name (pycountry plus a few common short names), a capital or one of a handful of well-known diplomatic
venues (Geneva, New York, ...), or is followed by an apposed country ("Kyiv, Ukraine"). Contested
cities (Jerusalem) get no country. No prep, no place: None.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from detente.doccache import doc_text, ent_at, kids
from detente.events.factuality import describing_clauses, is_nominal, light_verb
from detente.models import Place, Span

__all__ = ["event_place", "country_of"]

PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "within", "throughout"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
NOT_PLACE_ENTS = {"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
COMPASS = {
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
}
#: common nouns looked through to the place they name: "the city of Aleppo", "the embassy in Tehran"
PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "region",
    "province",
    "capital",
    "area",
    "district",
    "state",
    "port",
    "county",
    "enclave",
    "territory",
    "embassy",
    "consulate",
    "base",
    "outskirts",
    "suburb",
    "suburbs",
    "centre",
    "center",
    "headquarters",
    "parliament",
    "palace",
    "island",
    "islands",
}

COUNTRY_ALIASES = {
    "russia": "RUS",
    "britain": "GBR",
    "great britain": "GBR",
    "uk": "GBR",
    "u.k.": "GBR",
    "england": "GBR",
    "scotland": "GBR",
    "wales": "GBR",
    "us": "USA",
    "u.s.": "USA",
    "u.s": "USA",
    "usa": "USA",
    "america": "USA",
    "the united states": "USA",
    "united states of america": "USA",
    "turkey": "TUR",
    "türkiye": "TUR",
    "turkiye": "TUR",
    "ivory coast": "CIV",
    "côte d'ivoire": "CIV",
    "palestine": "PSE",
    "gaza": "PSE",
    "the gaza strip": "PSE",
    "gaza strip": "PSE",
    "west bank": "PSE",
    "the west bank": "PSE",
    "kosovo": "XKX",
    "iran": "IRN",
    "syria": "SYR",
    "south korea": "KOR",
    "north korea": "PRK",
    "taiwan": "TWN",
    "vietnam": "VNM",
    "laos": "LAO",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "czech republic": "CZE",
    "czechia": "CZE",
    "congo": "COG",
    "drc": "COD",
    "dr congo": "COD",
    "democratic republic of congo": "COD",
    "the democratic republic of the congo": "COD",
    "burma": "MMR",
    "myanmar": "MMR",
    "east timor": "TLS",
    "cape verde": "CPV",
    "swaziland": "SWZ",
    "holland": "NLD",
    "the netherlands": "NLD",
    "uae": "ARE",
    "the uae": "ARE",
    "emirates": "ARE",
    "the united arab emirates": "ARE",
    "vatican": "VAT",
    "the vatican": "VAT",
    "macedonia": "MKD",
    "the philippines": "PHL",
    "the gambia": "GMB",
    "brunei": "BRN",
    "micronesia": "FSM",
}
#: capitals and a few well-known venues -> country
CITY_COUNTRY = {
    "beijing": "CHN",
    "shanghai": "CHN",
    "hong kong": "CHN",
    "moscow": "RUS",
    "st petersburg": "RUS",
    "washington": "USA",
    "washington, d.c.": "USA",
    "new york": "USA",
    "kyiv": "UKR",
    "kiev": "UKR",
    "kharkiv": "UKR",
    "london": "GBR",
    "paris": "FRA",
    "berlin": "DEU",
    "munich": "DEU",
    "rome": "ITA",
    "madrid": "ESP",
    "lisbon": "PRT",
    "brussels": "BEL",
    "the hague": "NLD",
    "amsterdam": "NLD",
    "vienna": "AUT",
    "geneva": "CHE",
    "bern": "CHE",
    "davos": "CHE",
    "warsaw": "POL",
    "prague": "CZE",
    "budapest": "HUN",
    "bucharest": "ROU",
    "athens": "GRC",
    "stockholm": "SWE",
    "oslo": "NOR",
    "helsinki": "FIN",
    "copenhagen": "DNK",
    "dublin": "IRL",
    "minsk": "BLR",
    "tbilisi": "GEO",
    "yerevan": "ARM",
    "baku": "AZE",
    "ankara": "TUR",
    "istanbul": "TUR",
    "tokyo": "JPN",
    "seoul": "KOR",
    "pyongyang": "PRK",
    "taipei": "TWN",
    "new delhi": "IND",
    "delhi": "IND",
    "mumbai": "IND",
    "islamabad": "PAK",
    "karachi": "PAK",
    "kabul": "AFG",
    "tehran": "IRN",
    "baghdad": "IRQ",
    "damascus": "SYR",
    "aleppo": "SYR",
    "beirut": "LBN",
    "amman": "JOR",
    "riyadh": "SAU",
    "doha": "QAT",
    "abu dhabi": "ARE",
    "dubai": "ARE",
    "muscat": "OMN",
    "sanaa": "YEM",
    "cairo": "EGY",
    "tripoli": "LBY",
    "tunis": "TUN",
    "algiers": "DZA",
    "rabat": "MAR",
    "khartoum": "SDN",
    "addis ababa": "ETH",
    "nairobi": "KEN",
    "mogadishu": "SOM",
    "abuja": "NGA",
    "lagos": "NGA",
    "kinshasa": "COD",
    "pretoria": "ZAF",
    "johannesburg": "ZAF",
    "dhaka": "BGD",
    "kathmandu": "NPL",
    "colombo": "LKA",
    "bangkok": "THA",
    "hanoi": "VNM",
    "manila": "PHL",
    "jakarta": "IDN",
    "kuala lumpur": "MYS",
    "singapore": "SGP",
    "canberra": "AUS",
    "sydney": "AUS",
    "wellington": "NZL",
    "ottawa": "CAN",
    "mexico city": "MEX",
    "havana": "CUB",
    "caracas": "VEN",
    "bogota": "COL",
    "bogotá": "COL",
    "lima": "PER",
    "brasilia": "BRA",
    "brasília": "BRA",
    "buenos aires": "ARG",
    "santiago": "CHL",
}


@lru_cache(maxsize=2048)
def country_of(name: str) -> str | None:
    """ISO alpha-3 code for a country name, a capital or a well-known venue; None otherwise."""
    key = " ".join(name.lower().replace("’", "'").split())
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if key in CITY_COUNTRY:
        return CITY_COUNTRY[key]
    bare = key[4:] if key.startswith("the ") else key
    if bare in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[bare]
    if bare in CITY_COUNTRY:
        return CITY_COUNTRY[bare]
    if len(bare) <= 3 and not name.isupper():
        return None  # "in", "at": never an alpha-2/3 code unless written as one
    try:
        return str(pycountry.countries.lookup(bare).alpha_3)
    except LookupError:
        return None


def _ent_of(tok: Token) -> SpacySpan | None:
    return ent_at(tok)  # type: ignore[no-any-return]


def _name_span(tok: Token, prep: str) -> tuple[int, int] | None:
    """Token range [start, end) of the place named by ``tok`` (the pobj), or None."""
    ent = _ent_of(tok) if tok.ent_type_ else None
    if ent is not None:
        if ent.label_ in PLACE_ENTS or (ent.label_ == "ORG" and prep == "at"):
            start, end = ent.start, ent.end
        else:
            return None
    elif tok.pos_ == "PROPN":
        comps = [c.i for c in kids(tok) if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
        start, end = (min(comps) if comps else tok.i), tok.i + 1
    else:
        return None
    doc = tok.doc
    while start < end and doc[start].lower_ == "the" and doc[start].text == "the":
        start += 1
    # keep a compass adjective: "eastern Ukraine"
    if start > 0 and doc[start - 1].lower_ in COMPASS and doc[start - 1].head.i == tok.i:
        start -= 1
    return (start, end) if start < end else None


def _appos_country(tok: Token) -> str | None:
    """Country of an apposed or nested place: 'Kyiv, Ukraine', 'the United Nations in New York'."""
    for c in kids(tok):
        if c.dep_ in ("appos", "npadvmod", "conj") and c.ent_type_ == "GPE":
            code = country_of(c.text if _ent_of(c) is None else str(_ent_of(c)))
            if code:
                return code
        if c.dep_ == "prep" and c.lower_ in ("in", "of"):
            pobj = next((g for g in kids(c) if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ == "GPE":
                ent = _ent_of(pobj)
                code = country_of(ent.text if ent is not None else pobj.text)
                if code:
                    return code
    return None


def _place_from(prep: Token, where: str) -> Place | None:
    p = prep.lower_
    pobj = next((g for g in kids(prep) if g.dep_ == "pobj"), None)
    if pobj is None or pobj.ent_type_ in NOT_PLACE_ENTS:
        return None
    target = pobj
    rng = _name_span(pobj, p)
    looked_through = ""
    if rng is None and pobj.pos_ == "NOUN" and pobj.lemma_.lower() in PLACE_NOUNS:
        for c in kids(pobj):
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "at", "near"):
                inner = next((g for g in kids(c) if g.dep_ == "pobj"), None)
                if inner is not None and inner.ent_type_ not in NOT_PLACE_ENTS:
                    rng = _name_span(inner, "in")
                    if rng is not None:
                        target = inner
                        looked_through = f", through '{pobj.text} {c.text}'"
                        break
            if c.dep_ == "appos":
                rng = _name_span(c, "in")
                if rng is not None:
                    target = c
                    looked_through = f", through '{pobj.text}'"
                    break
    if rng is None:
        return None
    doc = prep.doc
    first, last = doc[rng[0]], doc[rng[1] - 1]
    start, end = first.idx, last.idx + len(last.text)
    text = doc_text(doc)[start:end]
    bare = text
    for adj in COMPASS:
        if bare.lower().startswith(adj + " "):
            bare = bare[len(adj) + 1 :]
            break
    country = country_of(bare) or _appos_country(target)
    phrase = doc[prep.i : rng[1]].text if prep.i < rng[0] else f"{prep.text} {text}"
    return Place(
        text=text,
        span=Span(start=start, end=end, text=text),
        country=country,
        reason=f"'{phrase}' (prep on {where}{looked_through})" + (f" -> {country}" if country else ""),
    )


def _preps(anchor: Token, trigger: Token) -> list[Token]:
    return [
        c
        for c in kids(anchor)
        if c.dep_ == "prep"
        and c.lower_ in PLACE_PREPS
        and not (anchor.i != trigger.i and c.left_edge.i <= trigger.i <= c.right_edge.i)
    ]


def event_place(trigger: Token) -> Place | None:
    """The place named as where the event happened, or None."""
    anchors: list[tuple[Token, str]] = [(trigger, f"'{trigger.text}'")]
    nominal = is_nominal(trigger)
    if nominal:
        for c in describing_clauses(trigger):
            anchors.append((c, f"'{c.text}' ({c.dep_} of '{trigger.text}')"))
    verb = light_verb(trigger) if nominal else trigger
    if nominal and verb is not None:
        anchors.append((verb, f"'{verb.text}' (light verb of '{trigger.text}')"))
    # misattached PPs on the object of the trigger / light verb
    if verb is not None:
        for c in kids(verb):
            if c.dep_ in ("dobj", "attr") and c.i != trigger.i:
                anchors.append((c, f"'{c.text}' (object of '{verb.text}')"))
    # an adjectival participle: the noun it modifies ("banned apps like TikTok in India")
    if trigger.dep_ == "amod" and trigger.head.i != trigger.i:
        noun = trigger.head
        anchors.append((noun, f"'{noun.text}' (modified by '{trigger.text}')"))
        for c in kids(noun):
            if c.dep_ == "prep" and c.lower_ not in PLACE_PREPS:
                for g in kids(c):
                    if g.dep_ == "pobj":
                        anchors.append((g, f"'{g.text}' ('{c.text}' on '{noun.text}')"))
    for anchor, where in anchors:
        for prep in _preps(anchor, trigger):
            place = _place_from(prep, where)
            if place is not None:
                return place
    return None
