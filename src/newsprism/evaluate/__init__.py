"""Evaluation harnesses: run newsprism's stages on benchmark data and score them side by side
with baselines."""
