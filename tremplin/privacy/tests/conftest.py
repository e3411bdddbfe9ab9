"""The privacy tests use the applications tests' organization and vacancy."""

from tremplin.applications.tests.conftest import organization, vacancy  # noqa: F401
