"""What the tests of the importer's rounds on postings from the wild share: a fictional posting
parsed, and its criteria with their kinds."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def kinds(posting: ParsedPosting) -> dict[str, str]:
    return {criterion.text: criterion.kind for criterion in posting.criteria}
