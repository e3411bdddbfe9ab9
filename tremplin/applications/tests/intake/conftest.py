"""The intake from mail is tested with the mail tests' organization and director vacancy."""

from tremplin.testing.mail import organization, vacancy  # noqa: F401
