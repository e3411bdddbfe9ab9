"""Test fixtures shared by every app (registered from the root conftest.py)."""
