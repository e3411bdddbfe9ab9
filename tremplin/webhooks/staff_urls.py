"""The webhooks pages, under /<language>/staff/<org>/webhooks/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.webhooks import staff_views

app_name = "staff_webhooks"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff_views.endpoints, name="list"),
    path("<int:endpoint>/", staff_views.endpoint_log, name="endpoint"),
    path("<int:endpoint>/delete/", staff_views.endpoint_delete_view, name="delete"),
    path("<int:endpoint>/enable/", staff_views.endpoint_enable_view, name="enable"),
    path("<int:endpoint>/ping/", staff_views.endpoint_ping_view, name="ping"),
    path("deliveries/<int:delivery>/resend/", staff_views.delivery_resend_view, name="resend"),
]
