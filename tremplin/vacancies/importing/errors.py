"""The one error the importer raises: a posting it cannot read, with the reason."""


class PostingError(Exception):
    """A posting that cannot be read or stored; ``str()`` names the file and the problem."""

    def __init__(self, source_name: str, message: str) -> None:
        super().__init__(source_name, message)
        self.source_name = source_name
        self.message = message

    def __str__(self) -> str:
        return f"{self.source_name}: {self.message}"
