"""Measure newsprism's stages on benchmark data (``newsprism eval ...``)."""
