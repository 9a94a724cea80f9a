"""Corpus: the trending posts in the database: import, curation, duplicates, demo, export."""
