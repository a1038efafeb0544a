"""Scores cleaning and merging against the labelled sets in eval/ (`handout eval`), and the spelling check's false flags on them (`handout typos --eval-dir`)."""
