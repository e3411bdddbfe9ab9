"""Public pages of the reports app: the anonymous diversity questionnaire."""

from django.urls import URLPattern, URLResolver, path

from tremplin.reports import views

app_name = "reports"

urlpatterns: list[URLPattern | URLResolver] = [
    path("questionnaire/<str:token>/", views.questionnaire, name="questionnaire"),
]
