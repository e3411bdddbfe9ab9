"""Foreign keys to Organization follow it to accounts (accounts 0003). The audit log names
the kind of each target by its label: events about an organization, recorded as
"vacancies.organization", now say "accounts.organization", as new ones do, so that the
log's filter and the redaction that follows a deletion find them all."""

import django.db.models.deletion
from django.db import migrations, models


def audit_targets_relabel(apps, schema_editor):
    AuditEvent = apps.get_model("core", "AuditEvent")
    AuditEvent.objects.filter(target_type="vacancies.organization").update(
        target_type="accounts.organization"
    )


def audit_targets_relabel_back(apps, schema_editor):
    AuditEvent = apps.get_model("core", "AuditEvent")
    AuditEvent.objects.filter(target_type="accounts.organization").update(
        target_type="vacancies.organization"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_organization_moved_from_vacancies'),
        ('core', '0002_rate_counter'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='auditevent',
                    name='organization',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='audit_events', to='accounts.organization', verbose_name='organization'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(audit_targets_relabel, audit_targets_relabel_back, elidable=False),
    ]
