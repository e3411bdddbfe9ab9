"""The README's pictures of the workspace come from scripts/screenshots.py: it must keep
working as the pages change (issue 11), in both languages."""

import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = ("board", "application", "search", "reports")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_screenshot_script_pictures_each_workspace_page(tmp_path: Path, language: str):
    done = subprocess.run(
        [sys.executable, "scripts/screenshots.py", "--out", str(tmp_path), "--language", language],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for page in PAGES:
        picture = tmp_path / f"{page}-{language}.png"
        assert png_size(picture) == (1280, 800)
        # A blank or error page compresses to a few kilobytes; a page of text does not.
        assert picture.stat().st_size > 30_000, f"{picture.name} looks empty"
