"""The search page of the workspace: /<language>/staff/<org>/search/?q=…

Nothing of a search is written to the audit log: a query can hold a person's name or
address. Opening an application from the results is audited by its own page, as always.
"""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.search import selectors
from tremplin.search.staff_forms import SearchForm
from tremplin.search.text import query_parse

PAGE_SIZE = 20


@staff_view
@never_cache
@require_safe
def search(request: StaffRequest, org: str) -> HttpResponse:
    membership = request.membership
    form = SearchForm(
        request.GET or None,
        vacancies=[
            (vacancy.slug, str(vacancy))
            for vacancy in selectors.searchable_vacancies(membership=membership)
        ],
        stages=[
            (stage.key, stage.label())
            for stage in selectors.searchable_stages(membership=membership)
        ],
    )
    valid = form.is_bound and form.is_valid()
    invalid = form.is_bound and not valid
    query = query_parse(form.cleaned_data.get("q") or "") if valid else query_parse("")
    page = None
    results: list[selectors.Result] = []
    if query:
        entries = selectors.entries_search(
            membership=membership, query=query, filters=form.filters()
        )
        page = Paginator(selectors.entries_for_page(entries), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        results = selectors.results_show(
            membership=membership, entries=list(page.object_list), query=query
        )
    address = request.GET.copy()
    address.pop("page", None)
    return render(
        request,
        "search/staff/search.html",
        {
            "form": form,
            "invalid": invalid,
            "searched": bool(query),
            "page": page,
            "results": results,
            "address": address.urlencode(),
        },
        status=400 if invalid else 200,
    )
