"""Create the database cache table (the rate limit's counters) when CACHES uses one.

With the default empty CACHE_URL, settings.CACHES points at a database table; creating it
here means `migrate` is all a fresh install needs. `createcachetable` skips tables that
exist and caches that are not database caches, so this is safe with Redis too.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
