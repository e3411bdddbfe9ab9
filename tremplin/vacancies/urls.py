from django.urls import path

from tremplin.vacancies import views

app_name = "vacancies"

urlpatterns = [
    path("", views.board, name="board"),
    path("<slug:org>/", views.organization, name="organization"),
    path("<slug:org>/<slug:vacancy>/", views.vacancy, name="vacancy"),
]
