"""Analyse: sentences, entities, quotes, figures, dates and inline citations of each article."""
