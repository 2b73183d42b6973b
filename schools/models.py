"""Filled in by its own issue; the app exists now so that migrations and URLs have a home."""
