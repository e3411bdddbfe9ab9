"""Mail services anyone can have an address at: a domain there names neither an employer
(the importer's guess from an apply address) nor a site of the candidate's own (blind
review's redaction)."""

MAILBOX_PROVIDERS = frozenset(
    (
        *("gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "icloud", "me"),
        *("aol", "proton", "protonmail", "gmx", "laposte", "orange", "free", "wanadoo", "sfr"),
        *("skynet", "telenet", "videotron", "sympatico", "mail", "web", "t-online", "libero"),
    )
)


def is_mailbox_provider(domain: str) -> bool:
    """Whether ``domain`` is a mail service's: its name, the label before the top-level
    domain ("hotmail" of hotmail.fr, "proton" of proton.me), is one."""
    labels = domain.lower().removeprefix("www.").split(".")
    return len(labels) >= 2 and labels[-2] in MAILBOX_PROVIDERS
