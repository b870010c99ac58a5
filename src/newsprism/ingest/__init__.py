"""Ingest: files, folders, JSONL and stdin → normalised ``Article`` objects."""

from newsprism.ingest.normalise import normalise_text
from newsprism.ingest.read import Ingested, read_articles, read_bytes, read_record

__all__ = ["Ingested", "normalise_text", "read_articles", "read_bytes", "read_record"]
