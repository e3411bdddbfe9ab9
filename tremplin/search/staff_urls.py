"""Staff pages of the search app, under /<language>/staff/<org>/search/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.search import staff_views

app_name = "search"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff_views.search, name="search"),
    path("saved/", staff_views.saved, name="saved"),
    path("saved/delete/", staff_views.saved_delete, name="saved_delete"),
]
