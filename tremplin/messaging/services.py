"""Writes on message templates: an organization's own wording of each kind of message.

The outbox is ``outbox.py``; incoming mail is ``inbound/store.py``.
"""

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tremplin.core.audit import Actor, log_action
from tremplin.messaging import rendering
from tremplin.messaging.models import MessageTemplate, MessageTemplateText

if TYPE_CHECKING:
    from tremplin.accounts.models import Organization


def _template_texts_check(
    *, kind: str, texts: Mapping[str, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """The texts with something in them, once each is complete and uses known variables."""
    languages = dict(settings.LANGUAGES)
    kept: dict[str, tuple[str, str]] = {}
    errors: list[str] = []
    for language, (subject, body) in texts.items():
        if language not in languages:
            raise ValueError(f"unknown language {language!r}")
        subject, body = " ".join(subject.split()), body.strip()
        if not subject and not body:
            continue
        name = languages[language]
        if not subject or not body:
            errors.append(
                _("The %(language)s text needs both a subject and a body.") % {"language": name}
            )
            continue
        for problem in [*rendering.template_errors(subject), *rendering.template_errors(body)]:
            errors.append(f"{name}: {problem}")
        if kind == MessageTemplate.Kind.ACKNOWLEDGEMENT and not rendering.template_uses(
            body, "status_url"
        ):
            errors.append(
                _(
                    "%(language)s: the acknowledgement must give the candidate their private "
                    "link, %(variable)s."
                )
                % {"language": name, "variable": "{{ status_url }}"}
            )
        kept[language] = (subject, body + "\n")
    if not kept and not errors:
        errors.append(_("Write the template in at least one language."))
    if errors:
        raise ValidationError(list(dict.fromkeys(errors)), code="template")
    return kept


def _template_stage_check(
    *, kind: str, stage: str, stages: Collection[str], template: MessageTemplate | None
) -> None:
    if not stage:
        return
    if kind != MessageTemplate.Kind.REJECTION:
        raise ValidationError(
            _("Only a rejection can be kept for one stage: leave the stage empty."),
            code="stage_kind",
        )
    kept = template is not None and template.stage == stage
    if stage not in stages and not kept:
        raise ValidationError(
            _("Choose one of your pipeline’s stages, or none for every stage."), code="stage"
        )


def message_template_save(
    *,
    organization: "Organization",
    kind: str,
    name: str,
    texts: Mapping[str, tuple[str, str]],
    by: Actor,
    template: MessageTemplate | None = None,
    stage: str = "",
    stages: Collection[str] = (),
) -> MessageTemplate:
    """Create or change a template; ValidationError (changing nothing) when it is not valid.

    ``texts`` maps a language code to (subject, body); a language left empty has no text
    of the organization's, so Tremplin's default text is used in that language. ``stage``
    (rejections only) is one of ``stages``, the keys of the organization's pipeline (the
    caller knows them), or the stage the template already has; blank: any stage.
    """
    if kind not in MessageTemplate.Kind.values:
        raise ValidationError(_("Choose a kind of message."), code="kind")
    _template_stage_check(kind=kind, stage=stage, stages=stages, template=template)
    kept = _template_texts_check(kind=kind, texts=texts)
    name = " ".join(name.split()) or str(MessageTemplate.Kind(kind).label)
    with transaction.atomic():
        if kind in MessageTemplate.SINGLE_KINDS:
            others = MessageTemplate.objects.filter(organization=organization, kind=kind)
            if kind == MessageTemplate.Kind.REJECTION:
                others = others.filter(stage=stage)
            if template is not None:
                others = others.exclude(pk=template.pk)
            if others.exists():
                raise ValidationError(
                    _(
                        "Your organization already has a rejection for this stage: change "
                        "that one instead."
                    )
                    if stage
                    else _(
                        "Your organization already has a template of this kind: change that "
                        "one instead."
                    ),
                    code="single",
                )
        created = template is None
        if template is None:
            template = MessageTemplate(organization=organization)
        template.kind = kind
        template.name = name[:120]
        template.stage = stage
        template.save()
        template.texts.exclude(language__in=list(kept)).delete()
        for language, (subject, body) in kept.items():
            MessageTemplateText.objects.update_or_create(
                template=template, language=language, defaults={"subject": subject, "body": body}
            )
        log_action(
            by,
            "message_template.create" if created else "message_template.change",
            template,
            {"kind": kind, "stage": stage, "languages": sorted(kept)},
        )
    return template


def message_template_delete(*, template: MessageTemplate, by: Actor) -> None:
    with transaction.atomic():
        log_action(by, "message_template.delete", template, {"kind": template.kind})
        template.delete()
