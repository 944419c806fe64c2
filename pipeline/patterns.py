"""Regular-expression helpers shared by the rule components."""

from __future__ import annotations

import re
import re._constants as sre  # the opcodes of a parsed pattern
import re._parser as sre_parse


def first_chars(pattern: str, flags: int = 0) -> str | None:
    r"""A character class (``[...]``) holding every character a match of ``pattern`` can start with,
    or None when that is not known (a pattern that can match the empty string, ``.``, a negated
    class, an inline case-insensitive group). Read from the parsed pattern, so it follows the
    pattern itself; a class used with the pattern's own ``flags`` (``re.IGNORECASE``) covers both cases.

        >>> print(first_chars(r"[Tt]háng|\d+"))
        [T\dt]
    """
    fragments, nullable = _first_of(sre_parse.parse(pattern, flags))
    return None if fragments is None or nullable else "[" + "".join(sorted(fragments)) + "]"


_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}


def _first_of(items) -> tuple[set[str] | None, bool]:
    """The first characters of a parsed sequence (``None``: unknown) and whether it can match empty."""
    found: set[str] = set()
    for op, arg in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero width: the next item starts the match
        if op is sre.LITERAL:
            return found | {re.escape(chr(arg))}, False
        if op is sre.IN:
            chars = _class_chars(arg)
            return (None if chars is None else found | chars), False
        if op is sre.BRANCH:
            parts = [_first_of(branch) for branch in arg[1]]
        elif op is sre.SUBPATTERN and not arg[1] & re.IGNORECASE:
            parts = [_first_of(arg[3])]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner, empty = _first_of(arg[2])
            parts = [(inner, empty or arg[0] == 0)]
        else:
            return None, False
        if any(chars is None for chars, _ in parts):
            return None, False
        found |= set().union(*(chars for chars, _ in parts))
        if not any(empty for _, empty in parts):
            return found, False
    return found, True


def _class_chars(members) -> set[str] | None:
    chars = set()
    for op, arg in members:
        if op is sre.LITERAL:
            chars.add(re.escape(chr(arg)))
        elif op is sre.RANGE:
            chars.add(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is sre.CATEGORY and arg in _CATEGORIES:
            chars.add(_CATEGORIES[arg])
        else:
            return None
    return chars


def prefiltered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead for its possible first characters: the same matches, found
    without trying every alternative at every position of the text."""
    first = first_chars(pattern.pattern, pattern.flags)
    return pattern if first is None else re.compile(f"(?={first})(?:{pattern.pattern})", pattern.flags)
