"""Read an HTML table as a person reads it: rows of cell texts."""

from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, list]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._section = "body"
        self._hidden = 0
        self.header_attrs: list[list[dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append({"head": [], "body": [], "head_attrs": []})
        elif tag in ("thead", "tbody"):
            self._section = "head" if tag == "thead" else "body"
        elif tag == "tr":
            self._row = []
            if self._section == "head":
                self.tables[-1]["head_attrs"].append([])
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            if self._section == "head":
                self.tables[-1]["head_attrs"][-1].append(dict(attrs))
        elif tag == "span" and ("aria-hidden", "true") in attrs:
            self._hidden += 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1][self._section].append(self._row)
            self._row = None
        elif tag == "span" and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._hidden:
            self._cell.append(data)


def tables(html: str) -> list[dict[str, list]]:
    """Each table of the page: "head" and "body" rows of cell texts, and "head_attrs" (the
    attributes of each header cell). Text hidden from screen readers is left out."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables
