"""A messaging app's exported chat ("Export chat" in WhatsApp and the apps that copy its format):
each message opens with its date, time and sender; the lines up to the next message are its own.

A clinic's information group is the clinic's posts between the app's notices and its members'
replies. The posts are read without their prefix, the way a transcript's lines are read without
their time stamps; the rest is removed with its reason (the removal record keeps the line whole).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text.publisher_names import names_publisher

# "[14/01/2025, 10:02] Sender: text" (iOS), "14/01/2025, 10:02 - Sender: text" (Android),
# "1/14/25, 10:02 AM - Sender: text"; a system line may have no sender at all (Android).
_STAMP = (r"^\u200e?\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4},? \d{1,2}[:.]\d\d([:.]\d\d)?(\s?[ap]\.?\s?m\.?)?\]?"
          r"\s*(-\s+)?")
_MESSAGE = re.compile(_STAMP + r"(?P<sender>[^:]{1,80}?): (?P<text>.*)$", re.IGNORECASE)
_SYSTEM_LINE = re.compile(_STAMP + r"(?P<text>\S.*)$", re.IGNORECASE)
CHAT_MIN_MESSAGES = 5

# What the app writes itself; WhatsApp marks it with a left-to-right mark before the text.
_APP_NOTICE = re.compile(
    r"^\u200e|messages and calls are end-to-end encrypted|\bcreated (this )?group\b|\bchanged (the|this) group|"
    r"\bchanged the (subject|group name|group description)|\bchanged this group's\b|\bjoined using this group's\b|"
    r"\bpinned a message\b|^this message was deleted\.?$|"
    r"^you deleted this message\.?$|^<media omitted>$|^(image|video|audio|sticker|gif|document) omitted$|"
    r"^waiting for this message\b|^null$", re.IGNORECASE)
# The app's own emphasis, "*bold*" and "_italic_": typography, not words.
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_EDITED = re.compile(r"\s*\u200e?<this message was edited>\s*$", re.IGNORECASE)
_POLL = re.compile(r"^poll\s*:", re.IGNORECASE)
_MENTION = re.compile(r"^@\u2068?[^\s\u2069]")  # "@⁨Gwen Hollis⁩ you'll be fine": a reply to a member
# "This group is run by the nurses of ...", "This group is for patients having ...": the group's welcome.
_ABOUT_THE_GROUP = re.compile(r"^(this|our) (group|chat|channel|community) (is|was set up|has been set up)\b",
                              re.IGNORECASE)
_SMALL_TALK = re.compile(r"^((good )?(morning|afternoon|evening)|hello|hi|hey|thanks|thank you|welcome)\b",
                         re.IGNORECASE)
SMALL_TALK_MAX_WORDS = 14
# The writer's name under a post: "– Aoife", "– Tom, CT radiographer".
_WRITER_LINE = re.compile(r"^[–—~-]\s?[A-Z][\w'’.-]*( [A-Z][\w'’.-]*){0,2}(,\s?[\w '’&-]{2,60})?$")


@dataclass(frozen=True)
class Message:
    first: int          # index of the line that carries the prefix
    last: int           # index of its last line
    sender: str | None  # None: the app's own line
    text: str           # the first line's text without the prefix


def read_chat(texts: list[str], removed: dict[int, str], publisher: tuple[str, ...]) -> None:
    """In an exported chat, keep the main sender's posts (the publisher, or who wrote most) without
    their prefixes, and remove the app's notices, the other members' messages, the main sender's
    replies to members, greetings, polls and sign-offs."""
    messages = _messages(texts)
    if len(messages) < CHAT_MIN_MESSAGES:
        return
    main = _main_sender(messages, texts, publisher)
    for message in messages:
        lines = range(message.first, message.last + 1)
        reason = _message_reason(message, texts, main)
        for k in lines:
            if reason:
                removed.setdefault(k, reason)
        if message.sender is not None:
            texts[message.first] = message.text
        for k in lines:
            texts[k] = _EMPHASIS.sub(r"\2", _EDITED.sub("", texts[k]))
        if reason is None and _WRITER_LINE.match(texts[message.last].strip()) and message.last > message.first:
            removed.setdefault(message.last, "chat: the writer's name under the post")


def _messages(texts: list[str]) -> list[Message]:
    starts: list[tuple[int, str | None, str]] = []
    for i, text in enumerate(texts):
        if found := _MESSAGE.match(text):
            sender, said = found.group("sender").strip(), found.group("text")
            starts.append((i, None, said) if _APP_NOTICE.search(said) else (i, sender, said))
        elif found := _SYSTEM_LINE.match(text):
            starts.append((i, None, found.group("text")))
    return [Message(first, (starts[n + 1][0] - 1) if n + 1 < len(starts) else len(texts) - 1, sender, said)
            for n, (first, sender, said) in enumerate(starts)]


def _main_sender(messages: list[Message], texts: list[str], publisher: tuple[str, ...]) -> str | None:
    words: dict[str, int] = {}
    for message in messages:
        if message.sender is not None:
            written = [message.text, *texts[message.first + 1:message.last + 1]]
            words[message.sender] = words.get(message.sender, 0) + sum(len(t.split()) for t in written)
    publishers = [sender for sender in words if names_publisher(sender, publisher)]
    ranked = sorted(publishers or words, key=lambda sender: -words[sender])
    return ranked[0] if ranked else None


def _message_reason(message: Message, texts: list[str], main: str | None) -> str | None:
    if message.sender is None:
        return "chat: the app's notice"
    if message.sender != main:
        return "chat: a member's message (not the publisher's)"
    body = [message.text, *texts[message.first + 1:message.last + 1]]
    if _POLL.match(message.text):
        return "chat: a poll (its question and options)"
    if _MENTION.match(message.text.strip()):
        return "chat: the publisher's reply to a member"
    if any(_ABOUT_THE_GROUP.match(line.strip(" \t🚨☎️📞👋")) for line in body):
        return "chat: the group's welcome (what it is for, its rules)"
    if message.first == message.last and len(message.text.split()) <= SMALL_TALK_MAX_WORDS \
            and _SMALL_TALK.match(message.text.strip()):
        return "chat: small talk (a greeting or thanks)"
    return None
