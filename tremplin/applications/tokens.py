"""The candidate's private status link: a signed form of the application's random public id.

The public id (a random UUID) already makes the link unguessable; the signature means a
token that was not made by this site is refused before any database lookup.
"""

import uuid

from django.core import signing

SALT = "tremplin.applications.status"


def application_token(*, public_id: uuid.UUID) -> str:
    return signing.Signer(salt=SALT).sign(public_id.hex)


def application_token_read(*, token: str) -> uuid.UUID | None:
    """The public id inside ``token``, or None when the token is tampered with or malformed."""
    try:
        value = signing.Signer(salt=SALT).unsign(token)
        return uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError):
        return None
