"""Fail when the French catalogue misses a UI string or holds a fuzzy one.

It extracts the messages afresh (``makemessages``) so that a string added to the
code but never put in the catalogue counts as missing, then puts the committed
catalogue back: the check changes nothing in the working tree.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

REPO = Path(__file__).resolve().parent.parent
CATALOGUE = REPO / "locale" / "fr" / "LC_MESSAGES" / "django.po"
IGNORE = [".venv", ".tools", "var", "node_modules", "bench", "scripts"]


def main() -> int:
    if not CATALOGUE.exists():
        print(f"{CATALOGUE.relative_to(REPO)} does not exist: run 'make messages'")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        backup = Path(tmp) / "django.po"
        shutil.copy2(CATALOGUE, backup)
        try:
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "makemessages",
                    "-l",
                    "fr",
                    "--no-obsolete",
                    "--add-location=file",
                    *[f"--ignore={d}/*" for d in IGNORE],
                ],
                cwd=REPO,
                check=True,
                capture_output=True,
            )
            catalogue = polib.pofile(str(CATALOGUE))
        finally:
            shutil.copy2(backup, CATALOGUE)
    untranslated = catalogue.untranslated_entries()
    fuzzy = catalogue.fuzzy_entries()
    for entry in untranslated:
        print(f"missing French: {entry.msgid!r} ({', '.join(f for f, _ in entry.occurrences)})")
    for entry in fuzzy:
        print(f"fuzzy French: {entry.msgid!r} ({', '.join(f for f, _ in entry.occurrences)})")
    if untranslated or fuzzy:
        print(f"{len(untranslated)} missing, {len(fuzzy)} fuzzy: run 'make messages' and translate")
        return 1
    print(f"French catalogue complete: {len(catalogue.translated_entries())} strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
