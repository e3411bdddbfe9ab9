"""Rules learnt from the sixty-first round of tuning postings (the tuning part's own misses),
each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_posting_kept_as_a_javascript_object_reads_as_its_fields() -> None:
    posting = parse(
        "  {\n"
        '    title: "Head of Evaluation",\n'
        '    salary: "£50,000 - £60,000",\n'
        '    location: "Leeds, York",\n'
        "    description: {\n"
        "      about: [\n"
        "        `Brightwater is a public programme that builds tools for councils across the "
        "north of England, with a small team of engineers, researchers and designers who work "
        "in the open and publish everything they learn along the way for others to reuse.`,\n"
        "      ],\n"
        "      skills: [\n"
        "        `Experience of designing and leading evaluations of public digital services.`,\n"
        "        `Excellent written communication with people who are not specialists.`\n"
        "      ]\n"
        "    },\n"
        "  },\n"
    )
    assert posting.title == "Head of Evaluation"
    assert posting.location == "Leeds, York"
    assert [criterion.text for criterion in posting.criteria] == [
        "Experience of designing and leading evaluations of public digital services.",
        "Excellent written communication with people who are not specialists.",
    ]


def test_a_time_before_we_are_hiring_is_no_organization() -> None:
    posting = parse(
        "For candidates\n==============\n\n"
        "In July-August 2031 we are hiring: see the job advertisement.\n\n"
        "Qualifications\n--------------\n\n* Linux and shell scripting\n"
    )
    assert posting.organization is None


def test_a_site_path_after_at_is_no_spelt_out_address() -> None:
    posting = parse(
        "# Python Developer\n\nYou will work in the open: we publish our source at "
        "[github.com/brightwater](github.com/brightwater).\n"
    )
    assert posting.apply_email is None


def test_a_job_feeds_company_title_names_the_organization() -> None:
    posting = parse(
        '---\ntitle: "Chargé de communication H/F"\ncompany_title: "Laiterie Brightwater"\n'
        'city: "LAVAL"\ncontract: "CDI"\n---\n\nVotre futur poste\n\nVenez rejoindre nos équipes.\n'
    )
    assert posting.organization == "Laiterie Brightwater"
