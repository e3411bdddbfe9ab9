"""What blind review missed, for one application: a reviewer reports that a text still
shows who the candidate is (``review.report_views``), and a recruiter lists the words to
hide (``Application.hidden_words``), which redaction then takes out of every text reviewers
read (``review.selectors.identity_of``) and out of their search index (``search.signals``).
"""

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from tremplin.applications.models import Application
from tremplin.core.audit import Actor, log_action

# The audit log's verbs.
IDENTITY_REPORTED, HIDDEN_WORDS_CHANGED = (
    "application.identity_reported",
    "application.hidden_words",
)
HIDDEN_WORDS_MAX = 50  # lines
HIDDEN_WORD_LENGTH = 100  # characters a line


def identity_report(*, application: Application, by: Actor) -> bool:
    """A reviewer reports that a text of ``application`` still shows who the candidate is:
    its recruiters see so on its page until one of them lists the words to hide. The report
    names no word (the reviewer is not to know them). Returns whether it opened a report:
    while one is open, another changes nothing and tells no one again."""
    with transaction.atomic():
        opened = Application.objects.filter(
            pk=application.pk, identity_reported_at__isnull=True
        ).update(identity_reported_at=timezone.now())
        if opened:
            log_action(by, IDENTITY_REPORTED, application, label=f"application #{application.pk}")
    return bool(opened)


def hidden_words_save(*, application: Application, words: Sequence[str], by: Actor) -> bool:
    """Set the words taken out of what reviewers read of ``application`` (``words``, each
    on a line of its own, spaces tidied, repeats dropped) and close the reviewers' report;
    return whether the words changed. The index is redone with them
    (``search.signals``). The audit row counts the words, never says them."""
    kept = list(dict.fromkeys(" ".join(word.split()) for word in words if word.strip()))
    value = "\n".join(kept)
    changed = value != application.hidden_words
    if not changed and application.identity_reported_at is None:
        return False
    application.hidden_words = value
    application.identity_reported_at = None
    with transaction.atomic():
        application.save(update_fields=["hidden_words", "identity_reported_at", "updated_at"])
        log_action(
            by,
            HIDDEN_WORDS_CHANGED,
            application,
            {"words": len(kept), "values": "redacted"},
            label=f"application #{application.pk}",
        )
    return changed
