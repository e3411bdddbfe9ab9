"""Pay ranges: amounts, currency and period, kept in the period the posting states.

Two rules go beyond the words: an amount of 10,000 or more with no period stated is a
yearly salary, since no monthly, weekly, daily or hourly pay comes near it; and an amount in
euros of 1,000 to 9,999 said to be "net" or "brut" is monthly, as French pay is told.
"""

import itertools
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from tremplin.vacancies.importing.textutil import sentences

YEARLY_FROM = Decimal(10_000)

_CURRENCIES = (
    (re.compile(r"€|\bEUR\b|\beuros?\b", re.IGNORECASE), "EUR"),
    (re.compile(r"£|\bGBP\b|\bpounds?\b", re.IGNORECASE), "GBP"),
    (re.compile(r"\bCHF\b|\bfrancs? suisses?\b|\bSwiss francs?\b", re.IGNORECASE), "CHF"),
    # "15 $/heure USD": a currency's code says it, wherever the dollar sign stands.
    (re.compile(r"\bUSD\b|\bUS\$|\bU\.?S\.? dollars?\b"), "USD"),
    # "28,85 $", "36 000 $": the sign after the amount is the Canadian French way.
    (
        re.compile(
            r"\bCAD\b|\bC\$|\bCA\$|\$\s?CA[DN]?\b|dollars?\s+canadiens?|Canadian\s+dollars?"
            # (not "Step 10 $170,800", where the sign leads the next amount)
            r"|\d,\d{2}\s?\$(?!\s?\d)|\d[\s\u00a0\u202f]\$(?!\s?\d)",
            re.IGNORECASE,
        ),
        "CAD",
    ),
    (re.compile(r"\$|\bdollars?\b", re.IGNORECASE), "USD"),
    # Poland's and the Nordic countries' own: "180 PLN net / hour", "8 000 zł", "37 000 SEK".
    (re.compile(r"\bPLN\b|zł"), "PLN"),
    (re.compile(r"\bSEK\b"), "SEK"),
    (re.compile(r"\bNOK\b"), "NOK"),
    (re.compile(r"\bDKK\b"), "DKK"),
)
_SYMBOL = r"(?:€|£|\$|EUR|GBP|USD|CHF|CAD|PLN|zł|SEK|NOK|DKK|(?i:euros?))"  # "3500 Euros" too
_AMOUNT = re.compile(
    rf"(?P<pre>{_SYMBOL})?\s?"
    r"(?<![\d.,])(?P<num>\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
    r"(?!\d)\s?(?P<k>[kK](?![a-zA-Z]))?\s?"
    rf"(?P<post>{_SYMBOL}(?![a-zA-Z])(?!\s?\d))?",  # not the sign of the next amount
)
_RANGE_JOIN = re.compile(
    r"^\s*(?:-|–|—|to|up to|à|jusqu['’]à|and|et|au)\s*$",
    re.IGNORECASE,
)
# What a number counts when it is not money: "2-3 jours par semaine", "3 to 5 years".
_NOT_MONEY_UNIT = re.compile(
    r"\s*(?:jours?|days?|heures?|hours?|semaines?|weeks?|mois|months?|ans?\b|années?|years?"
    r"|personnes?|people|%)",
    re.IGNORECASE,
)
_MAX_ONLY = re.compile(r"(?:up to|jusqu['’]à|maximum|max\.?|au plus)\s*$", re.IGNORECASE)
_MIN_ONLY = re.compile(
    r"(?:from|starting at|à partir de|minimum|min\.?|at least|au moins)\s*$", re.I
)
_PAY_WORDS = re.compile(
    r"salar|salaire|\bpay\b|\bpaid\b|compensation|remunerat|rémunér|\bwages?\b|stipend"
    r"|gratification|indemnit|\bbruts?\b|\bgross\b|\bTJM\b|\brate\b"
    # "a competitive package", "package of"; not "3-4 package reviews"
    r"|\bpackages?\b(?!\s+(?:reviews?|managers?|maintainers?|development|index|registry))"
    # Italian, German and Dutch: "Compenso", "Retribuzione", "Gehalt", "Vergütung", "Salaris"
    r"|\bcompenso\b|retribuzion|stipendi|\bgehalt\b|vergütung|\bsalaris\b"
    # "We have a budget of £40,000 for this role"
    r"|\bbudget\s+of\b(?=[^.]{0,30}\bfor\s+(?:this|the)\s+(?:role|position|post)\b)",
    re.IGNORECASE,
)
_PERIODS = (
    (
        "HOUR",
        r"per hour|an hour|hourly|/\s?h(?:ou)?r?\b|per hr\b|de l['’]heure|horaires?\b|par heure"
        r"|/\s?heure\b|per uur\b|pro stunde\b|stundenentgelt|stundenlohn",
    ),
    # "Taux jour envisagé 450€"
    (
        "DAY",
        r"per day|a day|daily|/\s?(?:day|jour)\b|par jour|journaliers?\b|\bTJM\b|day rate"
        r"|taux jour\b|^\s*jour\b",  # "entre 300 et 450 euros jour": "jour" after the amount
    ),
    ("WEEK", r"per week|a week|weekly|/\s?(?:week|semaine)\b|par semaine|hebdomadaires?\b"),
    (
        "MONTH",
        r"per month|a month|monthly|/\s?(?:month|mo|mois)\b|par mois|mensuel(?:le)?s?\b"
        # Dutch and German: "€750,- per maand", "bruto maandsalaris €3.600", "pro Monat",
        # "monatlich", "Monatsgehalt"
        r"|per maand\b|maand(?:salaris|loon|elijks)\b|pro monat\b|im monat\b|monatlich\w*"
        r"|monats(?:gehalt|brutto|lohn)\b",
    ),
    (
        "YEAR",
        r"per (?:year|annum)|a year|annual(?:ly)?|yearly|/\s?(?:year|yr|an)\b|\bp\.?\s?a\.?(?!\w)"
        r"|par an\b|annuel(?:le)?s?\b|\bk€?\s?/\s?an\b|per jaar\b|jaar(?:salaris|lijks)\b"
        r"|pro jahr\b|jährlich\w*|jahres(?:gehalt|brutto)\b",
    ),
)


@dataclass(frozen=True)
class Salary:
    min: Decimal | None
    max: Decimal | None
    currency: str | None
    period: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "min": _json_number(self.min),
            "max": _json_number(self.max),
            "currency": self.currency,
            "period": self.period,
        }

    @property
    def is_complete(self) -> bool:
        return None not in (self.min, self.max, self.currency, self.period)


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _number(text: str) -> Decimal | None:
    text = re.sub(r"[\s\u00a0\u202f]", "", text)
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_mark == "," else ",", "").replace(decimal_mark, ".")
    elif "," in text or "." in text:
        mark = "," if "," in text else "."
        groups = text.split(mark)
        if len(groups) > 2 or len(groups[-1]) == 3:
            text = "".join(groups)
        else:
            text = text.replace(mark, ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _currency(text: str) -> str | None:
    for pattern, code in _CURRENCIES:
        if pattern.search(text):
            return code
    return None


_NET_OR_GROSS = re.compile(r"\W*(?:€|euros?|EUR)?\s*(?:nets?|bruts?)\b", re.IGNORECASE)


def _period(text: str, *, last: bool = False) -> str | None:
    """The period ``text`` names first; with ``last``, the one it names last, nearest the
    amount after it ("35 hours per week …, and the annual salary range is £30,000")."""
    found = sorted(
        (match.start(), period)
        for period, pattern in _PERIODS
        for match in re.finditer(pattern, text, re.IGNORECASE)
    )
    if not found:
        return None
    return found[-1][1] if last else found[0][1]


def _salary_in(sentence: str) -> Salary | None:
    matches = [m for m in _AMOUNT.finditer(sentence) if _number(m.group("num")) is not None]
    if not matches:
        return None
    currency = _currency(sentence)
    money = [m for m in matches if m.group("pre") or m.group("post") or m.group("k")]
    ranges = [
        (first, second)
        for first, second in itertools.pairwise(matches)
        if _RANGE_JOIN.match(sentence[first.end() : second.start()])
        # "2-3 jours par semaine" counts days; "300 et 450 euros jour" is money a day
        and (second.group("post") or not _NOT_MONEY_UNIT.match(sentence[second.end() :]))
        and _plausible(first, second)
    ]
    # "GS-15 Step 1 - $142,701 to GS-15 Step 10 $170,800": the two amounts of money, a
    # grade's words between them.
    ranges += [
        (first, second)
        for first, second in itertools.pairwise(money)
        if _SPANNING.search(sentence[first.end() : second.start()]) and _plausible(first, second)
    ]
    # "hours 20-30/week; $5000 USD/month": a range with no currency sign is the pay only
    # when no amount of the sentence carries one.
    chosen = next(
        (pair for pair in ranges if pair[0] in money or pair[1] in money),
        None if money else next(iter(ranges), None),
    )
    if chosen is None:
        if not money:
            return None
        # "$800 total, $40 per hour": the rate, not the sum it comes to.
        single = next(
            (m for m in money if _period(re.split(r"\d", sentence[m.end() :])[0])), money[0]
        )
        value = _amount(single)
        before = sentence[: single.start()]
        low: Decimal | None = value
        high: Decimal | None = value
        if _MAX_ONLY.search(before):
            low = None
        elif _MIN_ONLY.search(before):
            high = None
        span = (single.start(), single.end())
    else:
        first, second = chosen
        low, high = _amount(first), _amount(second)
        if second.group("k") and not first.group("k") and low is not None and low < 1000:
            low *= 1000
        if low is not None and high is not None and low > high:
            low, high = high, low
        span = (first.start(), second.end())
    # The period is read next to the amounts: up to the previous and the next number.
    before = re.split(r"\d", sentence[: span[0]])[-1]
    after = re.split(r"\d", sentence[span[1] :])[0]
    period = _period(after) or _period(before, last=True)
    largest = max((value for value in (low, high) if value is not None), default=None)
    if period is None and largest is not None and largest >= YEARLY_FROM:
        period = "YEAR"
    elif period is None and currency == "EUR" and largest is not None and largest >= 1000:
        # "le salaire est de 3500 euros nets", "2 800 € brut": a French month's pay.
        period = "MONTH" if _NET_OR_GROSS.match(after) else None
    return Salary(min=low, max=high, currency=currency, period=period)


# Between two amounts of money, a word that makes them a range's ends, after an aside on the
# first ("$122,941 (Step 01) to $159,823").
_SPANNING = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:to|à|jusqu['’]à|-|–)\s", re.IGNORECASE)
# A range's ends are of one order: "Step 1 - $142,701" is a grade's step, then pay.
MAX_RANGE_RATIO = 10


def _plausible(first: re.Match[str], second: re.Match[str]) -> bool:
    low, high = sorted(value or Decimal(0) for value in (_amount(first), _amount(second)))
    return bool(second.group("k")) or low * MAX_RANGE_RATIO >= high


def _amount(match: re.Match[str]) -> Decimal | None:
    value = _number(match.group("num"))
    if value is not None and match.group("k"):
        value *= 1000
    return value


# "€55K-65K", "$135-$155k", "$127,000 - $170,000": thousands with a currency sign are pay,
# whatever the words.
_THOUSANDS_OF_MONEY = re.compile(
    r"(?:€|£|\$)\s?\d{1,3}(?:[.,]\d)?\s?(?:[-–]\s?(?:€|£|\$)?\d{1,3}(?:[.,]\d)?\s?)?[kK]"
    r"(?![a-zA-Z])"
    r"|(?<![\w.,])\d{1,3}(?:[.,]\d)?\s?[kK]\s?(?:€|£|\$)"
    r"|(?:€|£|\$)\s?\d{2,3}[.,]\d{3}\s?[-–]\s?(?:€|£|\$)\s?\d{2,3}[.,]\d{3}(?![.,]?\d)"
)


def names_pay(line: str) -> bool:
    """Whether ``line`` states pay ("Rémunération : jusqu'à 5 ans d'expérience, 2.500€ net
    /mois. Au-delà : 3.000€"): its years of experience set the pay, not what is asked."""
    return bool(_PAY_WORDS.search(line)) and _currency(line) is not None


_WORD = re.compile(r"[^\W\d_]{2,}")
RANGE_LINE_WORDS = 3
# "A £1k per person learning budget", "Bike loans up to £2500": a benefit's sum, not pay;
# "donors giving $25,000+ annually", "raising gifts of $10,000": a fundraiser's sums.
_BENEFIT_SUM = re.compile(
    r"\b(?:learning|training|development|equipment|home[- ]?office|wellbeing|wellness"
    r"|conference|book)\s+(?:budget|allowance|stipend)\b|\bloans?\b"
    r"|\b(?:gifts?|giving|donations?|donating|rais(?:e|ing))\s+(?:of\s+)?(?:€|£|\$)",
    re.IGNORECASE,
)


# Below this, numbers with neither a currency nor a period are grades, steps or counts.
SMALLEST_BARE_AMOUNT = 100


def _bare_small_numbers(found: Salary) -> bool:
    return (
        found.currency is None
        and found.period is None
        and found.max is not None
        and found.max < SMALLEST_BARE_AMOUNT
    )


def salary(text: str) -> Salary | None:
    """The pay range stated in ``text``, or None when it states none."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        # "## Compenso" over "Fino a 80.000 euro": the heading says what the amount is.
        if (
            number
            and len(_WORD.findall(lines[number - 1])) <= 2
            and _PAY_WORDS.search(lines[number - 1])
        ):
            line = f"{lines[number - 1]}: {line}"
        said = sentences(line)
        for index, sentence in enumerate(said):
            has_currency = _currency(sentence) is not None
            # "$100,000 to $130,000 - Contract": a line of a range and its terms alone.
            range_line = has_currency and len(_WORD.findall(line)) <= RANGE_LINE_WORDS
            cued = bool(
                _PAY_WORDS.search(sentence)
                or (has_currency and _period(sentence))
                or _THOUSANDS_OF_MONEY.search(sentence)
            )
            if not (cued or range_line) or _BENEFIT_SUM.search(sentence):
                continue
            found = _salary_in(sentence)
            if found is not None and (_bare_small_numbers(found) or not (found.min or found.max)):
                continue  # "look at Grades 09 and 12": grades, not amounts; "> 0,00 $/h", no pay
            if found is not None and (cued or found.min != found.max):
                return _by_condition(found, said[index + 1 :])
    return None


def stated_salary(amount: str | None, currency: str | None, period: str | None) -> Salary | None:
    """The pay a job board states in fields of its own (schema.org's "baseSalary: 19",
    "salaryCurrency: GBP", "salaryPeriod: Hour"), or None."""
    value = _number(amount) if amount else None
    if value is None:
        return None
    code = (
        currency.strip().upper()
        if currency and re.fullmatch(r"\s*[A-Za-z]{3}\s*", currency)
        else None
    )
    # "Hour", "Monthly", "per annum": the words the pay's sentences use, read the same way.
    word = (period or "").strip().lower().removeprefix("per ")
    return Salary(
        min=value, max=value, currency=code, period=_period(f"per {word}") if word else None
    )


def _by_condition(found: Salary, rest: list[str]) -> Salary:
    """ "Jusqu'à 5 ans d'expérience, 2.500€ net /mois. Au-delà : 3.000€ net /mois": one
    amount a sentence, set by a condition, on one line: the range from the lowest to the
    highest."""
    if found.min is None or found.min != found.max:
        return found
    amounts = [found.min]
    for sentence in rest:
        other = _salary_in(sentence)
        if (
            other is None
            or other.min is None
            or other.min != other.max
            or (other.currency, other.period) != (found.currency, found.period)
        ):
            break
        amounts.append(other.min)
    return replace(found, min=min(amounts), max=max(amounts))
