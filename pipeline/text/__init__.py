"""The text stages, sources to a composed handout: ingest, clean, facts, dedupe, editorial, compose.

Nothing here reads locales/ or renders: what a stage needs from outside (the section scheme,
the fact ids registered by the translators' templates) is passed in.
"""
