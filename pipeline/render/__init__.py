"""Handout x locale -> HTML (Jinja2) -> PDF (WeasyPrint): page sizes and print profiles,
filling the templates, layout and summary fitting, the restricted asset fetcher, fonts.

Kept free of imports: WeasyPrint loads only in the modules (and processes) that render.
"""
