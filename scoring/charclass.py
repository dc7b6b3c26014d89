"""str.isalpha, str.isupper and "the first character is a capital", with an ASCII fast path when compiled.

mypyc has no primitive for str.isalpha or str.isupper: compiled, each is a generic method
call of about 300 machine instructions, made once or more for every distinct word of an
article. Compiled, these functions read the code points of an ASCII text (a few
instructions each) and call the method only for a text with other characters. Interpreted,
they call the method at once: a loop in Python would cost more than it saves. The answers
are the methods' for every string (tests/scoring/test_charclass.py).
"""

from __future__ import annotations

from typing import Final


def _probe() -> None:
    """Nothing: whether it has a code object tells whether this module runs compiled."""


# True when mypyc compiled this module (its functions are then native and have no __code__).
# setup.py compiles every module of scoring/ but its __init__, or none: this answers for all.
COMPILED: Final = not hasattr(_probe, "__code__")


def is_alpha(s: str) -> bool:
    """s.isalpha(): at least one character, and every one a letter."""
    if not COMPILED:
        return s.isalpha()
    n = len(s)
    for i in range(n):
        c = ord(s[i])
        if c >= 128:
            return s.isalpha()
        if not (97 <= c <= 122 or 65 <= c <= 90):
            return False  # an ASCII character that is no letter
    return n > 0


def is_upper(s: str) -> bool:
    """s.isupper(): at least one cased character, and every cased one in upper case."""
    if not COMPILED:
        return s.isupper()
    cased = False
    for i in range(len(s)):
        c = ord(s[i])
        if c >= 128:
            return s.isupper()
        if 97 <= c <= 122:
            return False  # a lower-case letter
        if 65 <= c <= 90:
            cased = True
    return cased


def starts_upper(s: str) -> bool:
    """s[:1].isupper(): the text starts with an upper-case character (False for "")."""
    if not s:
        return False
    c = ord(s[0])
    if c < 128:
        return 65 <= c <= 90
    return s[0].isupper()
