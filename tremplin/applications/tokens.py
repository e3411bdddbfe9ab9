"""The candidate's private status link: a signed form of the application's random public id.

The public id (a random UUID) already makes the link unguessable; the signature means a
token that was not made by this site is refused before any database lookup.
"""

import enum
import uuid
from dataclasses import dataclass
from datetime import timedelta

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


# --- The link that confirms "my newer documents replace the earlier ones" ----------------

REPLACE_SALT = "tremplin.applications.replace"
REPLACE_LINK_MAX_AGE = timedelta(days=14)


def replace_token_make(*, public_id: uuid.UUID) -> str:
    """A link for the newer submission ``public_id``: timestamped, with a salt of its own,
    so neither a status link nor an erasure link can stand in for it."""
    return signing.TimestampSigner(salt=REPLACE_SALT).sign(public_id.hex)


def replace_token_read(*, token: str) -> uuid.UUID | None:
    """The public id inside ``token``; None when it is tampered with, malformed or expired."""
    try:
        value = signing.TimestampSigner(salt=REPLACE_SALT).unsign(
            token, max_age=REPLACE_LINK_MAX_AGE
        )
        return uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError):
        return None


# --- The link that confirms an erasure (privacy sends it) ---------------------------------

ERASE_SALT = "tremplin.privacy.erase"
ERASE_LINK_MAX_AGE = timedelta(hours=48)


def erase_link_hours() -> int:
    return int(ERASE_LINK_MAX_AGE.total_seconds() // 3600)


class EraseLink(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    BAD = "bad"  # tampered with, made elsewhere, or not a token at all


@dataclass(frozen=True)
class EraseLinkReading:
    state: EraseLink
    public_id: uuid.UUID | None = None


def erase_token_make(*, public_id: uuid.UUID) -> str:
    """Timestamped, with a salt of its own: neither a status link nor a replace link can
    stand in for it, nor it for them."""
    return signing.TimestampSigner(salt=ERASE_SALT).sign(public_id.hex)


def erase_token_read(*, token: str) -> EraseLinkReading:
    """Whether ``token`` is one of our erasure links, still valid, and for which application."""
    signer = signing.TimestampSigner(salt=ERASE_SALT)
    try:
        value = signer.unsign(token, max_age=ERASE_LINK_MAX_AGE)
    except signing.SignatureExpired:
        state = EraseLink.EXPIRED
        try:
            value = signer.unsign(token)  # the signature is good: only its age is wrong
        except signing.BadSignature:
            return EraseLinkReading(EraseLink.BAD)
    except signing.BadSignature:
        return EraseLinkReading(EraseLink.BAD)
    else:
        state = EraseLink.VALID
    try:
        public_id = uuid.UUID(hex=value)
    except ValueError:
        return EraseLinkReading(EraseLink.BAD)
    return EraseLinkReading(state, public_id)
