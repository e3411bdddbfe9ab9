"""Organization now lives in accounts (accounts 0003): Vacancy points there, and vacancies
forgets the model. Nothing changes in the database: the table vacancies_organization stays,
owned by accounts."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_organization_moved_from_vacancies'),
        ('applications', '0007_organization_moved_to_accounts'),
        ('core', '0003_organization_moved_to_accounts'),
        ('messaging', '0005_organization_moved_to_accounts'),
        ('privacy', '0003_organization_moved_to_accounts'),
        ('vacancies', '0007_organization_reviewers_need_two_factor'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='vacancy',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='vacancies', to='accounts.organization'),
                ),
                migrations.DeleteModel(
                    name='Organization',
                ),
            ],
            database_operations=[],
        ),
    ]
