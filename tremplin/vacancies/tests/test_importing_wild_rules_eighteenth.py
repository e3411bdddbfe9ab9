"""Rules learnt from the eighteenth round of tuning postings (five of the seventeenth round's
ten fresh postings, drawn at random and moved to the tuning part: a non-profit's careers
pages, a hardware consortium's blog posts and a research community's relayed offer), each on
a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


CAREERS_PAGE = """<h1>Site Reliability Engineer</h1>
<h2>Here's what we'd like you to bring to the team:</h2>
<ul>
  <li>One year’s experience writing code in Go or Rust.</li>
  <li>Experience writing unit tests and integration tests.</li>
</ul>
<p>Here are some things we'll help you learn on the job if you don't know them already:</p>
<ul>
  <li>Domain-specific knowledge: PKI and some cryptography.</li>
</ul>
<h2>Applying</h2>
<p>Tidepool Trust is an Equal Opportunity Employer.</p>
"""


def test_what_we_would_like_you_to_bring_is_asked() -> None:
    kinds = {criterion.text: criterion.kind for criterion in parse(CAREERS_PAGE).criteria}
    assert kinds["One year’s experience writing code in Go or Rust."] == "must"
    assert kinds["Experience writing unit tests and integration tests."] == "must"


def test_what_we_will_help_you_learn_on_the_job_is_nice_to_have() -> None:
    kinds = {criterion.text: criterion.kind for criterion in parse(CAREERS_PAGE).criteria}
    assert kinds["Domain-specific knowledge: PKI and some cryptography."] == "nice"


def test_one_year_s_experience_is_one_year() -> None:
    assert parse(CAREERS_PAGE).min_years_experience == 1


def test_an_equal_opportunity_employer_in_capitals_is_who_hires() -> None:
    assert parse(CAREERS_PAGE).organization == "Tidepool Trust"


def test_what_you_should_know_to_accomplish_the_mission_is_asked_and_an_asset_nice() -> None:
    posting = parse(
        "# Verification Engineer\n\n## To accomplish the mission above, you should:\n\n"
        "- Be very confident with SystemVerilog and UVM.\n"
        "- Familiarity with formal verification would also be an asset.\n"
    )
    assert {criterion.text: criterion.kind for criterion in posting.criteria} == {
        "Be very confident with SystemVerilog and UVM.": "must",
        "Familiarity with formal verification would also be an asset.": "nice",
    }


def test_a_currency_s_code_says_it_wherever_the_dollar_sign_stands() -> None:
    posting = parse("# Stagiaire\n\nUn contrat de 6 mois rémunéré 15 $/heure USD.\n")
    assert posting.salary is not None and posting.salary.currency == "USD"
    canadian = parse("# Agente\n\nSalaire : 28,85 $ de l'heure.\n")
    assert canadian.salary is not None and canadian.salary.currency == "CAD"


def test_the_other_volunteers_make_the_reader_one() -> None:
    posting = parse(
        "# Distribution de flyers\n\nVenez avec votre smartphone pour communiquer avec les "
        "autres bénévoles.\n"
    )
    assert posting.employment_type == "VOLUNTEER"
