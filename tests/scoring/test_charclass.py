"""The character-class tests give the str methods' answers, compiled (ASCII fast path) or not."""

import random
import sys

from copydesk.scoring.charclass import is_alpha, is_upper, starts_upper

# every ASCII character, and non-ASCII ones of each kind the fast path hands to the method:
# letters of both cases, a title-case letter, marks, digits, a dotted capital whose lower
# case is no letter, spaces, symbols
SAMPLE = [chr(c) for c in range(128)] + list("éÉßİıǅ\u0301٣½Ⅻ\u00a0€中ﬁΣσ")


def strings():
    rng = random.Random(7)
    yield ""
    yield from SAMPLE
    for a in SAMPLE:
        for b in ("a", "Z", "1", "é", "-"):
            yield a + b
            yield b + a
    for _ in range(3000):
        yield "".join(rng.choice(SAMPLE) for _ in range(rng.randint(1, 8)))
    yield from ("Mayor", "mayor", "MAYOR", "NATO's", "COVID-19", "4.5bn", "İstanbul", "Élysée", "ÉLYSÉE", "x" * 60)


def test_the_same_answers_as_the_str_methods():
    checked = 0
    for s in strings():
        assert is_alpha(s) is s.isalpha(), repr(s)
        assert is_upper(s) is s.isupper(), repr(s)
        assert starts_upper(s) is s[:1].isupper(), repr(s)
        checked += 1
    assert checked > 4000


def test_which_build_runs_is_known():
    # the compiled step of .ci/run runs this file against the mypyc build, where the fast
    # path is the one tested; in the editable install the methods are called directly
    import copydesk.scoring.charclass as charclass

    assert charclass.COMPILED is (not charclass.__file__.endswith(".py")), charclass.__file__
    assert sys.modules["copydesk.scoring.charclass"] is charclass
