from django.urls import path

from tremplin.vacancies import staff_views

app_name = "staff_vacancies"

urlpatterns = [
    path("", staff_views.vacancy_list, name="list"),
]
