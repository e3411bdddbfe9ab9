import pytest

from tremplin.core.markdown import render_markdown


def test_it_renders_headings_lists_emphasis_and_tables() -> None:
    html = render_markdown(
        "## Role\n\n- **Lead** the team\n- *Grow* it\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<h2>Role</h2>" in html
    assert "<li><strong>Lead</strong> the team</li>" in html
    assert "<li><em>Grow</em> it</li>" in html
    assert "<td>1</td>" in html


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", ["<script", "alert(1)"]),
        ("<img src=x onerror=alert(1)>", ["<img", "onerror"]),
        ('<a href="#" onclick="steal()">x</a>', ["onclick", "steal"]),
        ('<a href="javascript:alert(1)">x</a>', ["javascript:"]),
        ("[x](javascript:alert(1))", ['href="javascript']),
        ("<iframe src=https://evil.example></iframe>", ["<iframe"]),
        ("<style>body{display:none}</style>", ["<style", "display:none"]),
        ('<p style="position:fixed">x</p>', ["style="]),
        ("<!-- hidden -->", ["hidden"]),
        ("<form action=/x><input name=y></form>", ["<form", "<input"]),
    ],
)
def test_it_neutralises_raw_html(source: str, forbidden: list[str]) -> None:
    html = render_markdown(f"Before\n\n{source}\n\nAfter")
    assert "Before" in html and "After" in html
    for bad in forbidden:
        assert bad not in html


def test_links_get_nofollow_noopener() -> None:
    html = render_markdown("[site](https://example.org) and <a href='/jobs' rel='opener'>jobs</a>")
    assert '<a href="https://example.org" rel="nofollow noopener">site</a>' in html
    assert '<a href="/jobs" rel="nofollow noopener">jobs</a>' in html


def test_mail_links_are_kept() -> None:
    html = render_markdown("[write](mailto:jobs@example.org)")
    assert 'href="mailto:jobs@example.org"' in html


def test_headings_can_be_renumbered_to_fit_under_the_page_title() -> None:
    html = render_markdown("# One\n\n### Three\n\n#### Four", top_heading_level=2)
    assert "<h2>One</h2>" in html
    assert "<h4>Three</h4>" in html
    assert "<h5>Four</h5>" in html
    deep = render_markdown("#### Deep\n\n###### Deepest", top_heading_level=2)
    assert "<h2>Deep</h2>" in deep and "<h4>Deepest</h4>" in deep


def test_empty_text_renders_nothing() -> None:
    assert render_markdown("") == ""
    assert render_markdown("  \n ") == ""


def test_the_result_is_marked_safe_for_templates() -> None:
    assert hasattr(render_markdown("x"), "__html__")
