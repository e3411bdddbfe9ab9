"""Rules learnt from the hundred-and-fifteenth round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_spanish_job_offer_notice_before_the_role_goes() -> None:
    posting = parse("# Oferta de empleo en la FRBE: coordinador de voluntarios\n\nBuscamos.\n")
    assert posting.title == "Coordinador de voluntarios"


def test_a_share_of_full_time_after_the_title_goes() -> None:
    posting = parse("---\nroles: Un(e) chargé(e) de déploiement au 3/5e\n---\n\nBonjour.\n")
    assert posting.title == "Chargé(e) de déploiement"
