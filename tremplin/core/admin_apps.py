"""``django.contrib.admin`` whose ``admin.site`` is a TremplinAdminSite (second factor
required); a module of its own, since INSTALLED_APPS imports it before models load."""

from django.contrib.admin.apps import AdminConfig


class TremplinAdminConfig(AdminConfig):
    default_site = "tremplin.core.admin_site.TremplinAdminSite"
