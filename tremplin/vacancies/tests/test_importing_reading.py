"""Reading posting files: what is refused, and with what message."""

from pathlib import Path

import pytest

from tremplin.vacancies.importing import MAX_POSTING_BYTES, PostingError, read_posting_file


def refusal(path: Path) -> str:
    with pytest.raises(PostingError) as caught:
        read_posting_file(path)
    assert caught.value.source_name == path.name
    return str(caught.value)


def test_it_reads_a_utf8_file_and_normalises_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "posting.md"
    path.write_bytes("\ufeffTitle line\r\nSecond line, café\r\n".encode())
    assert read_posting_file(path) == "Title line\nSecond line, café\n"


def test_it_refuses_text_that_is_not_utf8_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Offre d'emploi : chargé de mission".encode("latin-1"))
    message = refusal(path)
    assert message.startswith("latin1.txt: ")
    assert "not UTF-8" in message
    assert "0xe9" in message


def test_it_refuses_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert refusal(path) == "empty.txt: the file is empty."


def test_it_refuses_a_file_of_blank_lines_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\n  \n\t\n")
    assert "is empty" in refusal(path)


def test_it_refuses_a_file_over_one_megabyte(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_bytes(b"word " * (MAX_POSTING_BYTES // 5 + 1))
    assert "larger than 1 MB" in refusal(path)


def test_it_refuses_a_pdf_by_name(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    message = refusal(path)
    assert "binary file (PDF)" in message


def test_it_refuses_a_file_with_nul_bytes_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"Title\x00\x01\x02 more")
    assert "binary file" in refusal(path)


def test_it_refuses_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "posting.docx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00rest of a zip")
    assert "ZIP (Word, LibreOffice)" in refusal(path)


def test_it_names_a_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.md") == "nowhere.md: no such file."


def test_it_refuses_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    assert "folder" in refusal(folder)
