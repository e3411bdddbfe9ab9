"""Staff pages about the organization's members, under /<language>/staff/<org>/members/."""

from django.urls import URLPattern, URLResolver, path

from tremplin.accounts import staff_views

app_name = "staff_accounts"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff_views.members, name="list"),
    path("<int:member>/role/", staff_views.member_role, name="role"),
    path("<int:member>/invite/", staff_views.member_invite, name="invite"),
    path("<int:member>/remove/", staff_views.member_remove, name="remove"),
    path("two-factor/", staff_views.reviewers_two_factor, name="reviewers_two_factor"),
    path("review-reminders/", staff_views.review_reminders, name="review_reminders"),
]
