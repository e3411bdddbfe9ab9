"""Foreign keys to Organization follow it to accounts (accounts 0003); the table and its
constraints are untouched."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_organization_moved_from_vacancies'),
        ('applications', '0006_document_extraction_not_extracted'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='stage',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='stages', to='accounts.organization', verbose_name='organization'),
                ),
            ],
            database_operations=[],
        ),
    ]
