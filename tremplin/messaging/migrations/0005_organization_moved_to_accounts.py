"""Foreign keys to Organization follow it to accounts (accounts 0003); the table and its
constraints are untouched."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_organization_moved_from_vacancies'),
        ('messaging', '0004_inbound_attempts_and_failed_reason'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='inboundmessage',
                    name='organization',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='inbound_messages', to='accounts.organization', verbose_name='organization'),
                ),
                migrations.AlterField(
                    model_name='messagetemplate',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='message_templates', to='accounts.organization', verbose_name='organization'),
                ),
            ],
            database_operations=[],
        ),
    ]
