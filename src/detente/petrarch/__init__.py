"""Use PETRARCH (TABARI) dictionaries as detente user dictionaries.

::

    is_petrarch_dictionary(path) -> bool
    petrarch_dictionary_kind(path) -> "actors" | "agents" | "verbs" | None
    convert_actor_dictionary(path) -> str   # detente actor TSV (actors and agents files)
    convert_verb_dictionary(path) -> str    # detente trigger lexicon (events/lexicon.py format)

Both converters write a summary as ``#`` comment lines at the top of the text they return, log it
(logger ``detente.petrarch``), and fill an optional :class:`ConversionStats` with the counts of
converted entries and of skipped lines and why.

Actors and agents (``PETR.Validate.actors.txt``, ``PETR.Validate.agents.txt``)
    ``NAME [CODE]`` entries, synonyms on following ``+NAME`` lines, codes on the entry line or on
    following indented ``[CODE]`` lines. Underscores become spaces; the trailing ``_`` ("no more
    words") is dropped because detente always matches whole tokens. PETRARCH's stem matching (an
    entry without a trailing ``_`` also matches longer words) is *not* reproduced: ``ARGENTIN``
    becomes the literal phrase "argentin". Date-restricted codes become one row each with
    ``start``/``end``: ``<D`` -> ends the day before D, ``>D`` -> starts the day after D,
    ``D1-D2`` -> inclusive; six-digit dates are YYMMDD (YY < 30 -> 20YY). Undated codes come after
    the dated rows of the same entry. A code is split into country (first three letters) and sector
    (the rest): ``PSEHMSMIL`` -> PSE, HMSMIL. Agent codes ``~GOV`` (and the prefix form ``NGO~``)
    become ``kind=agent`` rows with that sector and no country. ``!MACRO! = A, B`` substitutions are
    expanded; ``{PLURAL}`` forms are added as extra patterns (``{}`` adds none). ``kind`` for
    non-agents is a guess from the code: ``IGO...``/UNO/IMF/IBR/EEC/G77 -> igo, NGO/NGM or any code
    with a sector -> group, a bare three-letter code -> state. Skipped (and counted): ``[---]``
    (explicitly unknown), ``[+++]``/``[###]``, codes that are not 3+ letters/digits, bad date
    restrictions, entries without any code. Of a multiple code ``[FRO/BIL/SAM]`` only the first is
    kept (counted as "multi-code"), since a detente actor has one country.

Verbs (``PETR.Validate.verbs.txt``)
    ``--- NAME [CODE] ---`` blocks list verbs (first line the base form, ``{FORMS}`` ignored) and
    ``- PATTERN [CODE]`` lines where ``*`` is the verb. Conversion is conservative: each block's
    one-word verbs become ``CODE lemma|lemma``; ``+VERB_PRT`` / ``VERB PRT`` verb phrases become
    ``+prt:PRT``; patterns with nothing but actor markers (``$ +``) before the verb and one of
    these shapes after it are converted, everything else is skipped and counted:

    ========================  =====================================
    ``* PRT``                 ``+prt:PRT`` (up, down, off, out, away, back)
    ``* PREP``                ``+prep:PREP``
    ``* PREP NOUN``           ``+prep:PREP:NOUN``
    ``* NOUN``                ``+obj:NOUN`` (``* QUIETLY`` -> ``+mod:``)
    ``* ADJ NOUN``            ``+obj:NOUN +mod:ADJ``
    ``* PRT NOUN``            ``+prt:PRT +obj:NOUN``
    ``* TO VERB``             ``+xcomp:VERB``
    ========================  =====================================

    Leading articles (the, a, an) are dropped; ``&SYNSET`` words are expanded (a multi-word member
    contributes its last word); plural nouns are listed with their singular (``ties|tie``).
    Lemmas of past forms used as block names (SAID, MET, KILLED) come from a small irregular-verb
    table, or, for regular forms, every plausible stem is listed (``eased`` -> ``eas|ease``): a
    candidate that is not a real lemma simply never matches. Codes are the first half of PETRARCH's
    ``[a:b]`` pairs, and ``[a:a]`` (the event goes both ways) adds the ``sym`` option. Codes that
    are not in detente's codebook (``---``, WEIS codes such as 223, test codes such as 901, 174K)
    are skipped and counted.
"""

from .actors import ACTOR_HEADER, convert_actor_dictionary
from .common import ConversionStats, is_petrarch_dictionary, petrarch_dictionary_kind
from .verbs import convert_verb_dictionary

__all__ = ["ACTOR_HEADER", "ConversionStats", "convert_actor_dictionary", "convert_verb_dictionary",
           "is_petrarch_dictionary", "petrarch_dictionary_kind"]
