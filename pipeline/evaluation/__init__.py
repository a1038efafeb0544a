"""Scores cleaning and merging against the labelled sets in eval/ (`handout eval`)."""
