"""Staff notes get rows of their own (Note), out of ``Application.notes``.

``Application.notes`` held two kinds of entries: the notes on receipt that the intake writes
(``{"at", "text"}``, e.g. an attachment that could not be read), which stay there, and the
notes staff wrote through the API (``{"at", "text", "by"}``: the ``by`` key, even empty, is
what tells them apart), which move to Note rows. Reversible: going back puts the Note rows
into the JSON list again, in the same shape, and deletes them.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.utils.dateparse import parse_datetime


def notes_to_rows(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    Note = apps.get_model("applications", "Note")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    users = {}
    for application in Application.objects.exclude(notes=[]).iterator():
        entries = application.notes if isinstance(application.notes, list) else []
        staff = [e for e in entries if isinstance(e, dict) and "by" in e]
        if not staff:
            continue
        for entry in staff:
            label = str(entry.get("by") or "")
            if label and label not in users:
                # A user's str() is their e-mail address.
                users[label] = User.objects.filter(email__iexact=label).first()
            Note.objects.create(
                application=application,
                author=users.get(label),
                author_label=label,
                body=str(entry.get("text", "")),
                created_at=parse_datetime(str(entry.get("at", ""))) or application.created_at,
            )
        application.notes = [e for e in entries if e not in staff]
        application.save(update_fields=["notes"])


def rows_to_notes(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    Note = apps.get_model("applications", "Note")
    for note in Note.objects.select_related("application", "author").order_by(
        "application_id", "created_at", "pk"
    ):
        application = Application.objects.get(pk=note.application_id)
        by = note.author.email if note.author else note.author_label
        entry = {"at": note.created_at.isoformat(), "text": note.body, "by": by}
        application.notes = [*(application.notes or []), entry]
        application.save(update_fields=["notes"])
    Note.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0009_bulk_action'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Note',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('author_label', models.CharField(blank=True, max_length=254, verbose_name='author')),
                ('body', models.TextField(verbose_name='note')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='written at')),
                ('edited_at', models.DateTimeField(blank=True, null=True, verbose_name='edited at')),
                ('application', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='staff_notes', to='applications.application')),
                ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
            ],
            options={
                'verbose_name': 'note',
                'verbose_name_plural': 'notes',
                'ordering': ['created_at', 'pk'],
                'indexes': [models.Index(fields=['application', 'created_at', 'id'], name='note_of_application')],
            },
        ),
        migrations.RunPython(notes_to_rows, rows_to_notes),
    ]
