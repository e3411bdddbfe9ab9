"""Foreign keys to Organization follow it to accounts (accounts 0003); the table and its
constraints are untouched."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_organization_moved_from_vacancies'),
        ('privacy', '0002_erasure_ledger'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='dataexport',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.organization', verbose_name='organization'),
                ),
                migrations.AlterField(
                    model_name='erasureledgerentry',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.organization', verbose_name='organization'),
                ),
            ],
            database_operations=[],
        ),
    ]
