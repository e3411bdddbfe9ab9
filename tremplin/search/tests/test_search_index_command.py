from io import StringIO

from django.core.management import call_command

from tremplin.search.models import SearchEntry


def test_it_indexes_the_applications_that_have_no_index(apply, blind_vacancy) -> None:
    application = apply(blind_vacancy, name="Ada", email="ada@example.org", answer="apiary")
    SearchEntry.objects.all().delete()

    out = StringIO()
    call_command("search_index", "--missing", stdout=out)

    assert out.getvalue() == "Applications indexed: 1\n"
    assert set(application.search_entries.values_list("form", flat=True)) == {
        "staff",
        "review",
        "blind",
    }
