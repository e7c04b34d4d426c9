"""Across articles: one official per person, one event per meeting (merge), then the chronology."""
