"""The mail services whose domains name neither an employer nor a candidate's own site."""

from tremplin.core.mailboxes import is_mailbox_provider


def test_a_mail_services_domain_is_known_by_its_name_whatever_its_country() -> None:
    assert is_mailbox_provider("hotmail.fr")
    assert is_mailbox_provider("proton.me")
    assert is_mailbox_provider("GMX.de")


def test_an_organizations_domain_is_no_mail_service_even_with_mail_in_front() -> None:
    assert not is_mailbox_provider("brightwater.org")
    assert not is_mailbox_provider("mail.brightwater.org")
    assert not is_mailbox_provider("localhost")
