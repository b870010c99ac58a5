"""Evaluation harnesses behind ``newsprism eval ...``: run newsprism's stages on benchmark
data and score them side by side with baselines."""
