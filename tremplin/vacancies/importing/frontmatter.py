"""Front matter: the YAML or TOML fields a page opens with, split from its body; their
values, typed (the keys each field goes by are in ``feed_keys``), with a reader that turns a
value it cannot use into a warning instead of an error; and the body a layout prints from
them."""

import contextlib
import datetime as dt
import html
import json
import re
import tomllib
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from tremplin.vacancies.importing import dates
from tremplin.vacancies.importing.errors import PostingError
from tremplin.vacancies.importing.feed_keys import keys_lowered
from tremplin.vacancies.importing.textutil import unshouted, unspelt

SHOWN_VALUE_CHARS = 80


# A static site's template tags in a posting's body: "{{ page.salary_min }}" shows a front
# matter value, "{{ site.baseurl }}" a setting of the site, "{% if … %}" a condition.
_PAGE_VARIABLE = re.compile(r"\{\{-?\s*page\.(?P<key>[\w-]+)\s*(?:\|[^{}]*)?-?\}\}")
_OTHER_VARIABLE = re.compile(r"\{\{[^{}]*\}\}")
# A Hugo shortcode that opens a titled part of the page ("{{< accordion_item_open
# title="LLM validator" … >}}"): the page shows its title as a heading.
_TITLED_SHORTCODE = re.compile(
    r'^\{\{<\s*[\w-]+\s[^{}]*?\btitle="(?P<title>[^"{}]+)"[^{}]*>\}\}', re.MULTILINE
)
_TAG_LINE = re.compile(r"^[ \t]*\{%[^{}]*%\}[ \t]*$\n?", re.MULTILINE)
_TAG = re.compile(r"\{%[^{}]*%\}")
# What a template keeps from its reader: a "{% comment %}" block (Django, Liquid) and a
# one-line "{% block page-class %}join-us{% endblock %}", the page's metadata.
_UNSHOWN = re.compile(
    r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{#.*?#\}"
    r"|\{%-?\s*block\s+[\w-]+\s*-?%\}[^\n{}]*\{%-?\s*endblock\b[^{}]*%\}",
    re.DOTALL,
)


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, keeping a date that does not exist (2025-02-30) as its text.

    The safe loader raises ValueError while building such a date; kept as text, the value
    reaches the field reader, which ignores it with a warning like any value it cannot use.
    """


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


# A line "key: '…'…'" whose single-quoted value holds a lone apostrophe.
_BARE_APOSTROPHE = re.compile(r"^(?P<key>[\w-]+:\s*)'(?P<value>.*'.*)'\s*$", re.M)


def _doubled_apostrophes(match: re.Match[str]) -> str:
    value = re.sub(r"(?<!')'(?!')", "''", match.group("value"))
    return f"{match.group('key')}'{value}'"


_KEY_LINE = re.compile(r"^[\w-]+:(?:\s|$)")
_BLOCK_SCALAR = re.compile(r"^[\w-]+:\s*[>|][+-]?\s*$")


def _indented_block_paragraphs(source: str) -> str:
    """``source`` with the lines a block scalar ("description: >-") runs on to, up to the
    next key, indented as its first lines are: a paragraph its writer left at the margin."""
    lines, inside = [], False
    for line in source.split("\n"):
        if _KEY_LINE.match(line):
            inside = bool(_BLOCK_SCALAR.match(line))
        elif inside and line.strip() and not line[:1].isspace():
            line = f"  {line}"
        lines.append(line)
    return "\n".join(lines)


def _load_yaml(source: str) -> Any:
    if not source.strip():
        return {}
    try:
        return yaml.load(source, Loader=_FrontMatterLoader)  # noqa: S506
    except yaml.YAMLError as error:
        # "title: 'Responsable d'équipe'": a French apostrophe left bare in a quoted value; a
        # paragraph of "description: >-" left at the margin: read as meant when that is all
        # that was wrong.
        repaired = _indented_block_paragraphs(_BARE_APOSTROPHE.sub(_doubled_apostrophes, source))
        try:
            return yaml.load(repaired, Loader=_FrontMatterLoader)  # noqa: S506
        except yaml.YAMLError:
            raise error from None


def split_front_matter(text: str, *, source_name: str) -> tuple[dict[str, Any], str]:
    """The YAML front matter (empty when there is none) and the body after it."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    # " +++": an opening marker indented by a slip of the keyboard still opens it (Hugo
    # reads it so).
    if start < len(lines) and lines[start].strip() == "+++":
        return _toml_front_matter(lines, start, source_name=source_name)
    if start >= len(lines) or lines[start].rstrip() != "---":
        if _unopened(lines, start):
            # "roles: …" and "title: …" closed by "---": the opening "---" was lost (lines
            # that are no YAML are the body's, as before).
            with contextlib.suppress(PostingError):
                opened = "---\n" + "\n".join(lines[start:])
                return split_front_matter(opened, source_name=source_name)
        if metadata := _metadata_block(lines, start):
            return metadata
        bare = _bare_fields(text)
        return bare, "" if bare else text
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        raise PostingError(
            source_name,
            _(
                "the front matter opened by “---” on line %(line)d is never closed by "
                "another “---” line."
            )
            % {"line": start + 1},
        )
    source = "\n".join(lines[start + 1 : end])
    try:
        data = _load_yaml(source)
    except RecursionError as exc:
        raise PostingError(
            source_name,
            _("the YAML front matter is nested too deeply to be read (line %(line)d).")
            % {"line": start + 1},
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = start + 2 + mark.line if mark is not None else start + 1
        raise PostingError(
            source_name,
            _("the YAML front matter is broken on line %(line)d: %(problem)s.")
            % {"line": line, "problem": problem},
        ) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PostingError(
            source_name,
            _("the front matter must be “key: value” lines (for example “title: …”)."),
        )
    return keys_lowered(data), "\n".join(lines[end + 1 :])


def _toml_front_matter(
    lines: list[str], start: int, *, source_name: str
) -> tuple[dict[str, Any], str]:
    """The TOML front matter between two "+++" lines (Hugo's), and the body after it."""
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "+++"), None)
    if end is None:
        raise PostingError(
            source_name,
            _(
                "the front matter opened by “+++” on line %(line)d is never closed by "
                "another “+++” line."
            )
            % {"line": start + 1},
        )
    try:
        data = tomllib.loads("\n".join(lines[start + 1 : end]))
    except tomllib.TOMLDecodeError as exc:
        raise PostingError(
            source_name,
            _("the TOML front matter is broken: %(problem)s.") % {"problem": exc},
        ) from exc
    return keys_lowered(data), "\n".join(lines[end + 1 :])


# A file of nothing but "key: value" fields (a job board's entry: "entity:", "title:",
# "description: |"), with no "---" around them: its front matter, and no body.
MIN_BARE_FIELDS = 3


# Pelican's and MultiMarkdown's metadata: "Title: X", then "key: value" lines, then a blank
# line and the body.
_METADATA_LINE = re.compile(r"^(?P<key>[A-Za-z][\w -]{0,30}?)[ \t]*:[ \t]+(?P<value>\S.*)$")


_YAML_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")
MIN_UNOPENED_KEYS = 2


def _unopened(lines: list[str], start: int) -> bool:
    """Whether the text opens with YAML keys, one a line, closed by a "---" line."""
    keys = 0
    for line in lines[start:]:
        if line.rstrip() == "---":
            return keys >= MIN_UNOPENED_KEYS
        if line.strip() and not line[:1].isspace():
            if not _YAML_KEY_LINE.match(line):
                return False
            keys += 1
    return False


def _metadata_block(lines: list[str], start: int) -> tuple[dict[str, Any], str] | None:
    block: list[re.Match[str]] = []
    for end in range(start, len(lines)):
        if not lines[end].strip():
            break
        if (match := _METADATA_LINE.match(lines[end].rstrip())) is None:
            return None
        block.append(match)
    else:
        return None  # no body after it: a file of fields (below)
    if not block or block[0].group("key").lower() != "title":
        return None
    fields = {match.group("key").strip(): match.group("value").strip() for match in block}
    return keys_lowered(fields), "\n".join(lines[end + 1 :])


# A site's data file keeps a posting as a JavaScript object ("{ title: …, skills: [`…`] },"):
# its template strings read as quoted ones, the comma after it dropped, it is YAML.
_TEMPLATE_STRING = re.compile(r"`([^`]*)`")


def _bare_fields(text: str) -> dict[str, Any]:
    if text.lstrip().startswith("{"):
        text = _TEMPLATE_STRING.sub(lambda m: json.dumps(m.group(1)), text).strip().rstrip(",;")
    try:
        data = yaml.load(text, Loader=_FrontMatterLoader)  # noqa: S506
    except (yaml.YAMLError, RecursionError, ValueError):
        return {}
    if not isinstance(data, dict) or len(data) < MIN_BARE_FIELDS:
        return {}
    fields = keys_lowered(data)
    prose = any(len(value.split()) >= PARAGRAPH_WORDS for value in _strings(fields))
    return fields if "title" in fields and prose else {}


def _strings(value: Any) -> list[str]:
    """The text values in ``value``, lists and maps opened."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def fill_template(body: str, data: dict[str, Any]) -> str:
    """``body`` as its reader sees it on the site: each "{{ page.key }}" replaced by the front
    matter's value (its filters, such as a date format, not applied), other variables and
    the tags dropped. Both sides of an "{% if %}" are kept: a reader of the source sees both,
    and a posting states its facts in either ("Work Schedule: Full time" under "{% if
    page.state != 'upcoming' %}")."""
    if not body.strip():
        return _fields_as_body(data)
    if "{{" not in body and "{%" not in body:
        return body

    def value(match: re.Match[str]) -> str:
        return text_value(data.get(match.group("key").lower())) or ""

    body = _PAGE_VARIABLE.sub(value, _UNSHOWN.sub("", body))
    body = _OTHER_VARIABLE.sub("", _TITLED_SHORTCODE.sub(r"## \g<title>", body))
    return _TAG.sub("", _TAG_LINE.sub("", body))


# A value of this many words or more is prose a layout prints, not a field's value.
PROSE_WORDS = 8
# A list item of this many words or more is a paragraph, not a bullet.
PARAGRAPH_WORDS = 40


def _fields_as_body(data: dict[str, Any]) -> str:
    """The text a layout prints from the front matter of a page that has no body of its own
    ("requirements:" and "description:" as lists of paragraphs), each prose field under its
    key as a heading; in HTML when the values are; "" when no value is prose."""
    fields: list[tuple[str, list[str]]] = []
    # "description: {about: […], skills: […]}": the fields inside a field, each on its own.
    inner = [(k, v) for value in data.values() if isinstance(value, dict) for k, v in value.items()]
    for key, value in [*data.items(), *inner]:
        items = [str(item).strip() for item in value] if isinstance(value, list) else []
        if isinstance(value, str) and len(value.split()) >= PROSE_WORDS:
            items = [value.strip()]
        items = [item for item in items if item]
        if items and any(len(item.split()) >= PROSE_WORDS for item in items):
            fields.append((str(key).replace("_", " ").capitalize(), items))
    if any(_HTML_TAG.search(item) for _key, items in fields for item in items):
        return "\n".join(
            f"<h2>{html.escape(key)}</h2>\n"
            + "\n".join(
                f"<p>{item}</p>"
                if len(item.split()) >= PARAGRAPH_WORDS
                else f"<ul><li>{item}</li></ul>"
                for item in items
            )
            for key, items in fields
        )
    return "\n\n".join(
        f"## {key}\n\n"
        + "\n\n".join(
            # a paragraph, or a value that is a Markdown list already ("* Clear writing.")
            item if len(item.split()) >= PARAGRAPH_WORDS or _LISTED.match(item) else f"- {item}"
            for item in items
        )
        for key, items in fields
    )


_LISTED = re.compile(r"[*+-]\s")


_HTML_TAG = re.compile(r"</?(?:a|p|ul|ol|li|br|b|i|em|strong|div|span)\b[^>]*>", re.IGNORECASE)


def text_value(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        value = value["name"]  # schema.org's "hiringOrganization: {name: CyBOK}"
    if value is None or isinstance(value, dict | list):
        return None
    # "PhD position&#58; Phylogenetics": a value written for an HTML page; what follows a line
    # break ("Fully remote<br>able to work UK hours") is a note on the value, not the value.
    text = html.unescape(re.split(r"<br\s*/?>", str(value), maxsplit=1)[0]).strip()
    return unshouted(text) or None


class FrontMatter:
    """Typed access to front matter values; a value it cannot use becomes a warning."""

    def __init__(self, data: dict[str, Any], warnings: list[str]) -> None:
        # "Job Title:" and "job-title:" read as "job_title:".
        self.data = {**{re.sub(r"[\s-]+", "_", key): v for key, v in data.items()}, **data}
        self.warnings = warnings

    def text(self, *keys: str) -> str | None:
        for key in keys:
            if (value := text_value(self.data.get(key))) is not None:
                return value
        return None

    def shown(self, key: str) -> str:
        """The value of ``key`` as written, cut short for a message."""
        value = str(self.data.get(key))
        return value if len(value) <= SHOWN_VALUE_CHARS else value[:SHOWN_VALUE_CHARS] + "…"

    def ignored(self, key: str) -> None:
        self.warnings.append(
            _("The front matter value %(key)s: %(value)s is not understood and was ignored.")
            % {"key": key, "value": self.shown(key)}
        )

    def date(self, *keys: str) -> dt.date | None:
        for key in keys:
            if key in self.data and self.data[key] is not None:
                found = dates.parse_date_value(self.data[key])
                if found is None:
                    self.warnings.append(
                        _(
                            "The front matter value %(key)s: %(value)s is not a valid date "
                            "(year-month-day, a day that exists) and was ignored."
                        )
                        % {"key": key, "value": self.shown(key)}
                    )
                return found
        return None

    def boolean(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.ignored(key)
        return None

    def pay_range(self) -> str | None:
        """A job board's "salary_min: $108,885" and "salary_max: $172,500" as one range, the
        way the body would write it; None without both."""
        low = self.text("salary_min", "min_salary", "salaire_min", "min_payrange")
        high = self.text("salary_max", "max_salary", "salaire_max", "max_payrange")
        return f"{low} - {high}" if low and high else None

    def week_share_type(self) -> str | None:
        """FULL_TIME or PART_TIME from a job board's "percentTime: 100", the share of a full
        week the job takes; None without it, and a warning for a share it cannot read."""
        for key in ("percenttime", "percent_time"):
            share = (self.text(key) or "").rstrip("% ")
            if share.isdigit():
                return "FULL_TIME" if int(share) >= 100 else "PART_TIME"
            if share:
                self.ignored(key)
        return None

    def email(self, *keys: str) -> str | None:
        """The first of ``keys`` that holds an e-mail address; others are warned about."""
        for key in keys:
            if (value := self.text(key)) is None:
                continue
            try:
                validate_email(value)
            except ValidationError:
                self.ignored(key)
                continue
            return value.lower()
        return None

    def any_email(self, *keys: str) -> str | None:
        """The first of ``keys`` whose value is an e-mail address, spelt out against robots
        or not, the first of a list ("a _at_ b.fr , c dot d _at_ e.fr"); other values are
        not read."""
        for key in keys:
            value = self.text(key)
            if value is None:
                continue
            first = re.split(r"\s*[,;]\s*", value.strip())[0]
            address = unspelt(first.removeprefix("mailto:"))
            try:
                validate_email(address)
            except ValidationError:
                continue
            return address.lower()
        return None

    def url(self, *keys: str) -> str | None:
        """The first of ``keys`` that holds a web address."""
        for key in keys:
            value = self.text(key)
            if value is None:
                continue
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                self.ignored(key)
                continue
            return value
        return None

    def choice(self, key: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        normalised = re.sub(r"[\s-]+", "_", value.upper())
        if normalised not in choices:
            self.ignored(key)
            return None
        return normalised
