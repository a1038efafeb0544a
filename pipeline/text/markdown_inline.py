"""What a Markdown line prints: its words without the inline marks around them.

A page clipped to Markdown (MarkDownload, Obsidian, Joplin) keeps its emphasis and call-out
boxes as marks: "> **Important:** call us", "*they can get infected*", "`38°C`". A leaflet prints
the words, never the marks. Only marks are dropped: every word and sign between them stays, and a
"*" or "_" that opens nothing ("2 * 3", "file_name", "5*") is text.
"""

from __future__ import annotations

import re

# "> ", "> > ": a quoted box or call-out.
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
# A mark opens before a non-space and closes after one, and never sits inside a word (snake_case,
# "H*2*O" stay as written): CommonMark's flanking rules, simplified to what clippers write.
_STRONG = re.compile(r"(?<![\w*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])|(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])")
_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*]+?)(?<=[^\s*\\])\*(?![\w*])"
                       r"|(?<![\w_\\])_(?=[^\s_])([^_]+?)(?<=[^\s_\\])_(?![\w_])")
_CODE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
# A backslash escapes punctuation ("\*", "\_", "1\."); one at a line's end is a hard break.
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_HARD_BREAK = re.compile(r"\\$")


# Pandoc's attributes, as its Markdown writes a Word document: a heading's "{#contents .TOC-Heading}",
# a bracketed span's "[]{#_Toc197345230 .anchor}" or "[text]{.underline}", an image's size.
_ATTRIBUTES = r"\{(?:\s*(?:#[\w:.-]+|\.[\w-]+|[\w-]+=(?:\"[^\"]*\"|[^\s}]+)))+\s*\}"
_HEADING_ATTRIBUTES = re.compile(r"\s+" + _ATTRIBUTES + r"\s*$")
_SPAN = re.compile(r"(?<!!)\[([^\[\]]*)\]" + _ATTRIBUTES)
_IMAGE_ATTRIBUTES = re.compile(r"(!\[[^\]]*\]\([^)]*\))" + _ATTRIBUTES)


def without_attributes(text: str) -> str:
    """A Markdown line without pandoc's attributes: "# Contents {#contents .TOC-Heading}" is
    "# Contents", "[]{#_Toc12 .anchor}**Infection**" is "**Infection**"."""
    if "{" not in text:
        return text
    text = _IMAGE_ATTRIBUTES.sub(r"\1", text)
    text = _SPAN.sub(r"\1", text)
    return _HEADING_ATTRIBUTES.sub("", text) if text.lstrip().startswith("#") else text


# An HTML or JSX tag inside a Markdown line: Markdown shows the text it wraps, never the tag
# ("<summary>Can I drive?</summary>"). "<5 mm", an autolink "<https://...>" and "a < b" are no tags.
_INLINE_TAG = re.compile(r"</?[A-Za-z][\w.:-]*(\s[^<>]*)?/?>")


# A Docusaurus admonition's opening line with its title: ":::caution[Infection can be serious]",
# ":::tip Before your first cycle". Its title prints; the marks do not.
_ADMONITION_TITLE = re.compile(r"^\s*:::\w+(?:\[(?P<bracketed>[^\]]+)\]|\s+(?P<spaced>\S.*?))\s*$")


def without_inline_html(text: str) -> str:
    """A Markdown line without the HTML tags around its words, or an admonition's title without
    its marks; a line of tags alone is left as it is."""
    if text.lstrip().startswith(":::") and (titled := _ADMONITION_TITLE.match(text)):
        return titled["bracketed"] or titled["spaced"]
    if "<" not in text:
        return text
    plain = _INLINE_TAG.sub("", text)
    return plain if plain.strip() else text


def unquoted(text: str) -> str:
    """The line inside a quoted box ("> - Drink plenty" is "- Drink plenty")."""
    return _QUOTE.sub("", text) if ">" in text else text


def plain_markdown(text: str) -> str:
    """The text a Markdown line prints: emphasis, code spans and escapes removed."""
    if not any(mark in text for mark in "*_`\\"):
        return text  # most lines: nothing to do
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = _HARD_BREAK.sub("", text.rstrip())
    return _ESCAPE.sub(r"\1", text).strip()
