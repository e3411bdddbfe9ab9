"""Organization moves here from vacancies, and keeps its table, vacancies_organization,
with its rows: only Django's idea of where the model lives changes. Its content type moves
with it, so that permissions and admin history that name it stay attached."""

import django.core.validators
import django.db.models.deletion
import tremplin.accounts.models
from django.db import migrations, models


def content_type_move(apps, schema_editor):
    _content_type_relabel(apps, source="vacancies", target="accounts")


def content_type_move_back(apps, schema_editor):
    _content_type_relabel(apps, source="accounts", target="vacancies")


def _content_type_relabel(apps, *, source, target):
    """The content type of Organization follows it, unless one already exists where it goes
    (made by a migrate that stopped half way): then that one is kept as it is."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=target, model="organization").exists():
        ContentType.objects.filter(app_label=source, model="organization").update(
            app_label=target
        )


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('vacancies', '0007_organization_reviewers_need_two_factor'),
        ('accounts', '0002_user_language'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Organization',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('slug', models.SlugField(max_length=80, unique=True, validators=[tremplin.accounts.models.validate_organization_slug], verbose_name='slug')),
                        ('website', models.URLField(blank=True, verbose_name='website')),
                        ('email', models.EmailField(blank=True, help_text='Applications sent here are routed by plus tag: vacancies+<slug>@…', max_length=254, verbose_name='recruitment e-mail address')),
                        ('about', models.TextField(blank=True, verbose_name='about')),
                        ('legal_name', models.CharField(blank=True, help_text='The data controller’s registered name; the name above when empty.', max_length=200, verbose_name='legal name')),
                        ('postal_address', models.TextField(blank=True, verbose_name='postal address')),
                        ('privacy_email', models.EmailField(blank=True, help_text='Where candidates write to exercise their rights.', max_length=254, verbose_name='privacy contact')),
                        ('dpo_name', models.CharField(blank=True, max_length=200, verbose_name='data protection officer')),
                        ('dpo_email', models.EmailField(blank=True, max_length=254, verbose_name='data protection officer’s e-mail address')),
                        ('retention_months', models.PositiveSmallIntegerField(default=3, help_text='After the vacancy’s process ends (closed, a decision for everyone), unless the candidate joined the talent pool.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(24)], verbose_name='applications not retained: months kept')),
                        ('talent_pool_months', models.PositiveSmallIntegerField(default=24, help_text='After the last contact (a reply or a new application). An e-mail offers to stay one month before.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(24)], verbose_name='talent pool: months kept')),
                        ('hired_retention_months', models.PositiveSmallIntegerField(default=60, help_text='After the hire, the application leaves the recruitment data and is kept this long (5 years by default: the time to bring a discrimination claim in France).', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(120)], verbose_name='hired candidates: months kept')),
                        ('decisions_statement', models.JSONField(blank=True, default=dict, help_text='Per language code; Tremplin’s own text where empty.', verbose_name='how decisions are made')),
                        ('reviewers_need_two_factor', models.BooleanField(default=True, help_text='Owners and recruiters always do. Without it, reviewers log in with their password alone.', verbose_name='reviewers must use a second factor')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'organization',
                        'verbose_name_plural': 'organizations',
                        'db_table': 'vacancies_organization',
                        'ordering': ['name'],
                    },
                ),
                migrations.AlterField(
                    model_name='membership',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='accounts.organization'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_move, content_type_move_back, elidable=False),
    ]
