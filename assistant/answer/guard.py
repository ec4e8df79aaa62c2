"""Defences against text in articles that is written for a model, not for a reader.

Articles may contain prompt-injection attempts (in body text, inside quotes, in fake
"Sources:" blocks, as fake chat-template system prompts). Two general tools:

* :func:`looks_like_instruction` flags a sentence that addresses an AI model (ignore
  previous instructions, role headers such as ``SYSTEM:``, chat-template tokens,
  "answer every question with..."); answer backends never use such a sentence as an
  answer, although it stays indexed, searchable and citable as a source.
* :func:`neutralise_markers` rewrites ``[n]`` written inside source text with full-width
  brackets, so verification never mistakes it for a citation marker of the answer.
  NFKC normalisation maps them back to ``[n]``, so verbatim checks still match.
"""

from __future__ import annotations

import re

from assistant.nlp import alternation

_INSTRUCTION = re.compile(
    rf"""(?ix)
    \b(?:{alternation("override_verbs")})\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?
        (?:{alternation("prior_words")})\s+
        (?:{alternation("instruction_nouns")})\b
    | \b(?:ignore|disregard)\s+(?:all\s+)?(?:the|your)\s+(?:system\s+)?
        (?:instructions|prompt|sources)\b
    | \b(?:system|developer)\s+(?:prompt|message|mode)\b
    | <\|?(?:im_start|im_end|system|endoftext|eot_id|start_header_id)\|?>
    | \[/?INST\]
    | ^\W{{0,4}}(?:\#{{1,4}}\s*)?(?:{alternation("chat_roles")})\s*:
    | \byou\s+are\s+(?:now\s+)?(?:an?\s+)?
        (?:{alternation("model_names")}|in\s+\w+\s+mode)\b
    | \b(?:answer|reply\s+to|respond\s+to)\s+(?:{alternation("every_words")})\s+(?:question|query|prompt)s?\b
    | \bwhen\s+asked\b[^.!?\n]{{0,80}}?,\s*(?:always\s+|just\s+|only\s+)?
        (?:{alternation("reply_verbs")})\b
    | \b(?:{alternation("reveal_verbs")})\s+(?:your|the)\s+(?:system\s+)?(?:prompt|instructions)\b
    """
)

_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


def looks_like_instruction(text: str) -> bool:
    """True when ``text`` reads as an instruction addressed to an AI model."""
    return bool(_INSTRUCTION.search(text))


def neutralise_markers(text: str) -> str:
    """``[1]`` -> ``［1］`` (full-width), so it is shown but never parsed as a citation."""
    return _MARKER.sub(lambda m: f"\uff3b{m.group(1)}\uff3d", text)
