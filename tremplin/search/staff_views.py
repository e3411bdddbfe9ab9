"""The search page of the workspace: /<language>/staff/<org>/search/?q=…

Nothing of a search is written to the audit log: a query can hold a person's name or
address. Opening an application from the results is audited by its own page, as always.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tremplin.accounts.models import Membership
from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.applications.models import Stage
from tremplin.applications.selectors import stage_list
from tremplin.search import selectors
from tremplin.search.saved import saved_search_create, saved_search_delete, saved_searches_of
from tremplin.search.staff_forms import SearchForm
from tremplin.search.text import query_parse
from tremplin.vacancies.models import Vacancy

PAGE_SIZE = 20


def _form(
    data: QueryDict | None,
    membership: Membership,
    vacancies: list[Vacancy] | None = None,
    stages: list[Stage] | None = None,
) -> SearchForm:
    if vacancies is None:
        vacancies = list(selectors.searchable_vacancies(membership=membership))
    return SearchForm(
        data,
        vacancies=[(vacancy.slug, str(vacancy)) for vacancy in vacancies],
        stages=[
            (stage.key, stage.label())
            for stage in selectors.searchable_stages(membership=membership, stages=stages)
        ],
    )


@staff_view
@never_cache
@require_safe
def search(request: StaffRequest, org: str) -> HttpResponse:
    membership = request.membership
    # Read once, for the filters and for the results.
    vacancies = list(selectors.searchable_vacancies(membership=membership))
    stages = stage_list(organization=membership.organization)
    form = _form(request.GET or None, membership, vacancies, stages)
    valid = form.is_bound and form.is_valid()
    invalid = form.is_bound and not valid
    query = query_parse(form.cleaned_data.get("q") or "") if valid else query_parse("")
    page = None
    results: list[selectors.Result] = []
    more = False
    if query:
        ranked, more = selectors.entries_found(
            membership=membership, query=query, filters=form.filters()
        )
        # The ranked ids are paginated, and only the page's rows are loaded.
        page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
        results = selectors.results_show(
            membership=membership,
            entries=selectors.entries_for_page(list(page.object_list)),
            query=query,
            vacancies=vacancies,
            stages=stages,
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
            "more": more,
            "address": address.urlencode(),
        },
        status=400 if invalid else 200,
    )


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def saved(request: StaffRequest, org: str) -> HttpResponse:
    """The member's saved searches; a POST saves the search it carries (from the search
    page's "Save this search")."""
    membership = request.membership
    status = 200
    if request.method == "POST":
        form = _form(request.POST, membership)
        if form.is_valid() and query_parse(form.cleaned_data["q"] or ""):
            saved_search_create(
                membership=membership, query=form.cleaned_data["q"], filters=form.filters()
            )
            messages.success(
                request,
                _("Search saved: you will be told by e-mail of each new application it finds."),
            )
            return redirect("search:saved", org=org)
        messages.error(request, _("Only a valid search with words to find can be saved."))
        status = 400
    searches = []
    for found in saved_searches_of(membership=membership):
        filters = {key: value for key, value in found.filters.items() if value}
        searches.append((found, urlencode({"q": found.query, **filters})))
    return render(request, "search/staff/saved.html", {"searches": searches}, status=status)


@staff_view
@require_POST
def saved_delete(request: StaffRequest, org: str) -> HttpResponse:
    """Delete one of the member's saved searches (its id in the form: ``saved``)."""
    pk = request.POST.get("saved", "")
    if pk.isdigit() and saved_search_delete(membership=request.membership, pk=int(pk)):
        messages.success(request, _("Saved search deleted."))
    else:
        messages.error(request, _("You have no such saved search: nothing was deleted."))
    return redirect("search:saved", org=org)
