"""Rules learnt from the hundred-and-twenty-third round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_two_names_that_seek_each_other_are_no_hirer_of_both() -> None:
    posting = parse(
        '---\nstartup: herbier\ntitle: "Herbier recrute un ou une développeuse Vue"\n---\n\n'
        "# Herbier et Vue se cherchent !\n\n"
        "Herbier est une start-up d'État qui numérise les herbiers des musées.\n"
    )
    assert posting.organization == "Herbier"


def test_hiring_interns_is_an_internship() -> None:
    posting = parse(
        "# Security research at Quartzline\n\n"
        "We're hiring 6-8 summer interns to work on client audits alongside our engineers.\n"
    )
    assert posting.employment_type == "INTERN"
