"""Mutation score: apply curated small bugs to scoring/ and the API's request mapping; count the ones the tests catch.

Each mutant replaces one exact snippet of one source file (it must occur exactly once) in
a throwaway copy of the project, then runs only the tests chosen for it (`-x`: the first
failure kills it). A mutant the tests let through is a survivor: kill it with a test, or
list it in EQUIVALENT with why no test can tell it apart. A mutant whose snippet is no
longer in the source is reported as stale (the code moved on: update the list).

Why a curated list and not mutmut or cosmic-ray: both start from a run of the whole suite
(about 7 minutes on this shared 2-core machine) and then run thousands of machine-made
mutants, most of them equivalent or in messages; these mutants are the bugs a reviewer
would plant (operator swaps at boundaries, the wrong count fed to a formula, an option
dropped on the way from HTTP to scoring), each with a fast, targeted test selection.

    python bench/mutation.py                    # every mutant; prints the score and the survivors
    python bench/mutation.py --only fog,limits  # mutants whose id contains any of these
    python bench/mutation.py --tests-from DIR   # run another tests/ tree (e.g. an older commit's)
    python bench/mutation.py --list             # the mutants, without running them
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What the copy leaves out: the venv, git's store, caches (a stale .pyc must never shadow a mutant).
IGNORED = shutil.ignore_patterns(".venv", ".git", "__pycache__", ".hypothesis", "*.egg-info", "test-output", "build", "*.so")
# A mutant whose tests run longer than this is counted as killed (a hang is caught by CI's timeouts).
TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class Mutant:
    """One small bug: in `path`, `before` (exactly once) becomes `after`; `tests` are the pytest targets that should catch it."""

    id: str
    path: str
    before: str
    after: str
    tests: tuple[str, ...]
    what: str


# Test selections (files that do not exist in the tree under test are left out of the run).
READABILITY = ("tests/scoring/test_readability_wiring.py", "tests/scoring/test_formulas_vs_textstat.py",
               "tests/scoring/test_formulas.py", "tests/scoring/test_readability.py")
PROFILES = ("tests/scoring/test_readability_wiring.py", "tests/scoring/test_boundaries.py", "tests/scoring/test_readability.py")
READ_TIME = ("tests/scoring/test_read_time.py", "tests/scoring/test_boundaries.py")
OPTIONS = ("tests/scoring/test_boundaries.py", "tests/api/test_option_effects.py", "tests/test_cli_options.py",
           "tests/scoring/test_read_time.py", "tests/api/test_errors.py", "tests/api/test_analyze.py")
REQUEST = ("tests/api/test_option_effects.py", "tests/api/test_analyze.py", "tests/api/test_articles.py")
OFFSETS = ("tests/api/test_option_effects.py", "tests/api/test_offsets.py", "tests/api/test_markup_offsets.py",
           "tests/api/test_analyze.py")
# test_hostile.py as a whole takes over a minute: only its limit tests
LIMITS = ("tests/api/test_option_effects.py", "tests/api/test_hostile.py::test_limits_refusals_say_the_limit_and_the_excess",
          "tests/api/test_hostile.py::test_a_50000_word_feature_passes_the_default_limits", "tests/api/test_errors.py",
          "tests/api/test_batch.py")
SEGMENT = ("tests/scoring/test_boundaries.py", "tests/scoring/test_segment.py")
CLAIMS = ("tests/scoring/test_claims_gate.py", "tests/scoring/test_claims_thresholds.py", "tests/scoring/test_claims_articles.py", "tests/scoring/test_claims.py")
SYLLABLES = ("tests/scoring/test_syllables_cmudict.py", "tests/scoring/test_syllables.py")

R = "scoring/readability.py"
MUTANTS: tuple[Mutant, ...] = (
    # --- counts into formulas (readability.py) ---
    Mutant("coleman-liau-characters", R, "formulas.coleman_liau(c.words, c.sentences, c.letters)",
           "formulas.coleman_liau(c.words, c.sentences, c.characters)", READABILITY,
           "Coleman-Liau fed all characters instead of letters"),
    Mutant("fog-polysyllables", R, "formulas.gunning_fog(c.words, c.sentences, c.complex_words)",
           "formulas.gunning_fog(c.words, c.sentences, c.polysyllables)", READABILITY,
           "Gunning fog fed polysyllables instead of complex words"),
    Mutant("ari-letters", R, "formulas.automated_readability_index(c.words, c.sentences, c.characters)",
           "formulas.automated_readability_index(c.words, c.sentences, c.letters)", READABILITY,
           "ARI fed letters instead of characters"),
    Mutant("smog-complex", R, "formulas.smog(c.sentences, c.polysyllables)", "formulas.smog(c.sentences, c.complex_words)",
           READABILITY, "SMOG fed complex words instead of polysyllables"),
    Mutant("dale-chall-complex", R, "formulas.dale_chall(c.words, c.sentences, c.difficult_words)",
           "formulas.dale_chall(c.words, c.sentences, c.complex_words)", READABILITY,
           "Dale-Chall fed complex words instead of unfamiliar ones"),
    Mutant("spache-sentences", R, "formulas.spache(c.words, c.sentences, c.difficult_words)",
           "formulas.spache(c.words, c.sentences + 1, c.difficult_words)", READABILITY,
           "Spache fed one sentence too many"),
    Mutant("eflaw-long", R, "formulas.mcalpine_eflaw(c.words, c.sentences, c.mini_words)",
           "formulas.mcalpine_eflaw(c.words, c.sentences, c.long_words)", READABILITY,
           "McAlpine EFLAW fed long words instead of mini words"),
    Mutant("linsear-sentences", R, "sample_sentences += taken / words", "sample_sentences += 1", READABILITY,
           "Linsear Write counts a sentence cut by the sample's end as whole"),
    Mutant("verdict-news", R, "round(value, 2), formula.scale, label, profile.verdict(grade)",
           "round(value, 2), formula.scale, label, get_profile(\"news\").verdict(grade)", PROFILES,
           "the verdict always uses the news profile"),
    Mutant("long-word-boundary", R, "self.long = 1 if letters >= LONG_WORD_LETTERS else 0",
           "self.long = 1 if letters > LONG_WORD_LETTERS else 0", READABILITY, "long word: >= 7 letters to > 7"),
    Mutant("mini-word-boundary", R, "self.mini = 1 if 0 < letters <= MINI_WORD_LETTERS else 0",
           "self.mini = 1 if 0 < letters < MINI_WORD_LETTERS else 0", READABILITY, "mini word: <= 3 letters to < 3"),
    Mutant("polysyllable-boundary", R, "poly = syl >= POLYSYLLABLE", "poly = syl > POLYSYLLABLE", READABILITY,
           "polysyllable: >= 3 syllables to > 3"),
    Mutant("hard-sentence-min-words", R, "if c.words >= HARD_SENTENCE_MIN_WORDS:", "if c.words > HARD_SENTENCE_MIN_WORDS:",
           PROFILES, "hard sentences: from 10 words to from 11"),
    Mutant("long-sentence-boundary", R, "if c.words > long_limit:", "if c.words >= long_limit:", PROFILES,
           "long sentence: over the limit to at the limit"),
    Mutant("hard-sentence-boundary", R, "if grade is not None and grade > hard_limit:",
           "if grade is not None and grade >= hard_limit:", PROFILES, "hard sentence: over the grade to at it"),
    Mutant("names-first-word", R, "if not (f.capital and names_by_capital and tokens):",
           "if not (f.capital and names_by_capital):", READABILITY,
           "a sentence's capitalized first word taken for a name"),
    Mutant("gunning-hyphen", R, 'poly and letters > 0 and "-" not in word', "poly and letters > 0", READABILITY,
           "hyphenated compounds counted as complex"),
    Mutant("median-even", R, "ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2",
           "ordered[middle]", READABILITY, "the median of an even count takes the upper middle"),
    Mutant("consensus-all", R, "        if formula.consensus:\n", "        if True:\n", READABILITY,
           "every formula counted in the consensus grade"),
    # --- formulas and profiles ---
    Mutant("dale-chall-threshold", "scoring/formulas.py", "score + 3.6365 if pdw > DALE_CHALL_THRESHOLD",
           "score + 3.6365 if pdw >= DALE_CHALL_THRESHOLD", READABILITY, "Dale-Chall adjustment at exactly 5%"),
    Mutant("linsear-threshold", "scoring/formulas.py", "r / 2 if r > 20 else", "r / 2 if r >= 20 else", READABILITY,
           "Linsear Write halving at exactly 20"),
    Mutant("green-boundary", "scoring/profiles.py", "if grade <= self.grade_green_max:", "if grade < self.grade_green_max:",
           PROFILES, "green up to the threshold, exclusive"),
    Mutant("amber-boundary", "scoring/profiles.py", "if grade <= self.grade_amber_max:", "if grade < self.grade_amber_max:",
           PROFILES, "amber up to the threshold, exclusive"),
    # --- read time and options ---
    Mutant("wpm-ignored", "scoring/read_time.py", "wpm = float(words_per_minute) if words_per_minute else silent",
           "wpm = silent", READ_TIME, "the requested reading rate ignored"),
    Mutant("minutes-floor", "scoring/read_time.py", "int(seconds / 60 + 0.5)", "int(seconds / 60)", READ_TIME,
           "minutes rounded down instead of half up"),
    Mutant("image-floor", "scoring/read_time.py", "max(IMAGE_FLOOR_SECONDS, IMAGE_FIRST_SECONDS - i * IMAGE_STEP_SECONDS)",
           "IMAGE_FIRST_SECONDS - i * IMAGE_STEP_SECONDS", READ_TIME, "images past the tenth cost nothing or less"),
    Mutant("wpm-min-boundary", "scoring/options.py", "not MIN_WORDS_PER_MINUTE <= wpm <=", "not MIN_WORDS_PER_MINUTE < wpm <=",
           OPTIONS, "words_per_minute 50 refused"),
    Mutant("wpm-max-boundary", "scoring/options.py", "<= wpm <= MAX_WORDS_PER_MINUTE", "<= wpm < MAX_WORDS_PER_MINUTE",
           OPTIONS, "words_per_minute 1000 refused"),
    # --- the API's request mapping ---
    Mutant("api-drops-disabled-rules", "api/articles.py", 'disabled_rules=frozenset(loaded["disabled_rules"])',
           "disabled_rules=frozenset()", REQUEST, "the API drops disabled_rules"),
    Mutant("api-forces-anonymous-as-vague", "api/articles.py", 'anonymous_as_vague=loaded["anonymous_as_vague"]',
           "anonymous_as_vague=True", REQUEST, "the API forces anonymous_as_vague=True"),
    Mutant("api-drops-wpm", "api/articles.py", 'words_per_minute=loaded["words_per_minute"]', "words_per_minute=None",
           REQUEST, "the API drops words_per_minute"),
    Mutant("api-drops-profile", "api/articles.py", 'profile=loaded["profile"]', 'profile="news"', REQUEST,
           "the API drops profile"),
    Mutant("api-drops-language", "api/articles.py", 'language=loaded["language"]', "language=None", REQUEST,
           "the API drops language"),
    Mutant("api-raw-drops-offsets", "api/articles.py",
           'return ArticleRequest(text, format, options_from(options), options["offsets"])',
           "return ArticleRequest(text, format, options_from(options), DEFAULT_OFFSETS)", OFFSETS,
           "a raw body's ?offsets= ignored"),
    Mutant("api-json-drops-offsets", "api/articles.py",
           'return ArticleRequest(article["text"], article["format"], options_from(options), options["offsets"])',
           'return ArticleRequest(article["text"], article["format"], options_from(options), DEFAULT_OFFSETS)', OFFSETS,
           "a JSON body's offsets ignored"),
    Mutant("api-query-wins", "api/articles.py", '{**query, **data.get("options", {})}', '{**data.get("options", {}), **query}',
           REQUEST, "the query string overrides the body's options"),
    Mutant("api-list-no-commas", "api/articles.py", 'for v in item.split(",") if v.strip()', "for v in [item] if v.strip()",
           REQUEST, "?disabled_rules=a,b read as one id"),
    Mutant("schema-anonymous-default", "api/schemas.py", "anonymous_as_vague = StrictBoolean(load_default=True)",
           "anonymous_as_vague = StrictBoolean(load_default=False)", REQUEST, "anonymous_as_vague defaults to false"),
    Mutant("schema-wpm-exclusive", "api/schemas.py", "validate=validate.Range(MIN_WORDS_PER_MINUTE, MAX_WORDS_PER_MINUTE)",
           "validate=validate.Range(MIN_WORDS_PER_MINUTE, MAX_WORDS_PER_MINUTE, min_inclusive=False, max_inclusive=False)",
           OPTIONS, "the API refuses words_per_minute 50 and 1000"),
    Mutant("utf16-astral-boundary", "api/offsets.py", "2 if ord(c) > 0xFFFF else 1", "2 if ord(c) >= 0xFFFF else 1", OFFSETS,
           "U+FFFF counted as a surrogate pair"),
    Mutant("text-limit-boundary", "api/limits.py", "if size > limit:", "if size >= limit:", LIMITS,
           "a text of exactly the limit refused"),
    Mutant("unit-limit-boundary", "api/limits.py", "if units > unit_limit:", "if units >= unit_limit:", LIMITS,
           "exactly the unit limit refused"),
    Mutant("unit-count-shortcut", "api/limits.py", "(size + 1) // MIN_CHARS_PER_UNIT <= unit_limit",
           "(size + 1) // MIN_CHARS_PER_UNIT < unit_limit", LIMITS, "units counted one size sooner"),
    # --- segmentation ---
    # (the title-length check `len(prev.text) <= 6` did nothing, every title being 6 letters or fewer:
    # its `< 6` mutant split "Messrs. Lee"; the check is now the capital, and these are its mutants)
    Mutant("title-capital-dropped", "scoring/segment.py", "if word in TITLES and prev.text[0].isupper():",
           "if word in TITLES:", SEGMENT, "a lower-case title word (rep., gen.) never ends a sentence"),
    Mutant("title-check-dropped", "scoring/segment.py", "    if word in TITLES and prev.text[0].isupper():\n        return False\n",
           "", SEGMENT, "titles end sentences"),
    Mutant("heading-max-words", "scoring/segment.py", "if t.is_word) <= HEADING_MAX_WORDS", "if t.is_word) < HEADING_MAX_WORDS",
           SEGMENT, "a 25-word unpunctuated line read as a sentence"),
    # --- syllables ---
    Mutant("syllable-table-ignored", R, "syl = known if known is not None else syllables.count(word, language)",
           "syl = syllables.count(word, language)", SYLLABLES + READABILITY, "the CMUdict-derived table skipped"),
    # --- claims ---
    Mutant("claims-anonymous-attributed", "scoring/claims/__init__.py",
           "        if options.anonymous_as_vague:\n            return VAGUE_STATUS, best, best.rules\n",
           "        if options.anonymous_as_vague:\n            return ATTRIBUTED, best, best.rules\n", CLAIMS,
           "anonymous sources counted as attributed"),
    Mutant("claims-anonymous-option-ignored", "scoring/claims/__init__.py", "        if options.anonymous_as_vague:\n",
           "        if True:\n", CLAIMS + REQUEST, "anonymous_as_vague=false ignored"),
    Mutant("claims-vague-unsourced", "scoring/claims/__init__.py",
           "return VAGUE_STATUS, vague_credits[0], vague_credits[0].rules", "return UNSOURCED, None, ()", CLAIMS,
           "every vague claim turned unsourced"),
    Mutant("claims-orphan-quote-share", "scoring/claims/__init__.py", "if total and inside >= ORPHAN_QUOTE_SHARE * total:",
           "if total and inside > ORPHAN_QUOTE_SHARE * total:", CLAIMS, "a sentence exactly 60% quoted is no orphan quotation"),
    Mutant("claims-event-min-words", "scoring/claims/__init__.py", "detect.word_count(view) < detect.EVENT_MIN_WORDS",
           "detect.word_count(view) <= detect.EVENT_MIN_WORDS", CLAIMS, "a four-word event is no claim"),
    Mutant("claims-disabled-ignored", "scoring/claims/__init__.py", "off = check_disabled(options.disabled_rules)",
           "off = check_disabled(frozenset())", CLAIMS + REQUEST, "disabled_rules ignored by the claims analysis"),
)

# Survivors no test can catch, with why (a mutant listed here and killed anyway is reported).
EQUIVALENT: dict[str, str] = {
    "unit-count-shortcut": (
        "the shortcut only skips counting units when a text cannot reach the limit; at (size + 1) // 2 == limit "
        "the count runs and finds at most the limit: same answers, one extra count"),
    "syllable-table-ignored": (
        "syllables.count (english_syllables.token) looks the lower-cased word up in the same table first; the "
        "readability loop reads the table itself only to save a call per distinct word"),
}


def copy_tree(dest: Path, tests_from: Path | None) -> None:
    """Copy the project (no venv, git store or bytecode) to `dest`; take tests/ from `tests_from` when given."""
    shutil.copytree(ROOT, dest, ignore=IGNORED)
    if tests_from is not None:
        shutil.rmtree(dest / "tests")
        shutil.copytree(tests_from, dest / "tests", ignore=IGNORED)


def package_home(tree: Path) -> Path:
    """A folder beside the copy where it imports as copydesk: pyproject.toml's package-dir, as symlinks.

    The editable install maps copydesk to this checkout, so the copy needs its own copydesk:
    HOME/copydesk/__init__.py -> tree/src/copydesk/__init__.py, HOME/copydesk/scoring -> tree/scoring,
    HOME/copydesk/api -> tree/api.
    """
    home = tree.parent / "package-home"
    package = home / "copydesk"
    if not package.is_dir():
        package.mkdir(parents=True)
        (package / "__init__.py").symlink_to(tree / "src" / "copydesk" / "__init__.py")
        for folder in ("scoring", "api"):  # rename-imports: ok (folders)
            (package / folder).symlink_to(tree / folder, target_is_directory=True)
    return home


def environment(tree: Path) -> dict[str, str]:
    """The copy first on the path (as copydesk), and no bytecode written (a mutant keeps its file's size and second)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(package_home(tree)), str(tree)])
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("COPYDESK_SLOW_TESTS", None)
    return env


def run_tests(tree: Path, targets: tuple[str, ...]) -> tuple[bool, str]:
    """Run the targets that exist in `tree`; True when every test passed (the mutant survives)."""
    present = [t for t in targets if (tree / t.split("::")[0]).exists()]
    if not present:
        return True, "no test file of the selection exists"
    cmd = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-o", "addopts=", "--no-header", *present]
    try:
        proc = subprocess.run(cmd, cwd=tree, env=environment(tree), capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return False, "timed out"
    tail = [line for line in proc.stdout.splitlines() if line.startswith("FAILED") or line.startswith("ERROR")]
    return proc.returncode == 0, (tail[0] if tail else proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated parts of mutant ids to run")
    parser.add_argument("--tests-from", type=Path, help="a tests/ directory to run instead of this checkout's")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTANTS if not args.only or any(part in m.id for part in args.only.split(","))]
    if args.list:
        for m in chosen:
            print(f"{m.id:34} {m.path:28} {m.what}")
        return 0
    with tempfile.TemporaryDirectory(prefix="copydesk-mutation-") as tmp:
        tree = Path(tmp) / "tree"
        copy_tree(tree, args.tests_from)
        where = subprocess.run([sys.executable, "-c", "from copydesk import scoring, api; print(scoring.__file__, api.__file__)"],
                               cwd=tree, env=environment(tree), capture_output=True, text=True, check=True).stdout
        if not all(Path(p).resolve().is_relative_to(tree.resolve()) for p in where.split()):
            print(f"the copy is not what Python imports: {where}", file=sys.stderr)
            return 2
        killed: list[Mutant] = []
        survived: list[tuple[Mutant, str]] = []
        stale: list[Mutant] = []
        started = time.perf_counter()
        for m in chosen:
            source_path = tree / m.path
            original = source_path.read_text(encoding="utf-8")
            if original.count(m.before) != 1:
                stale.append(m)
                print(f"  stale     {m.id}: snippet found {original.count(m.before)} times in {m.path}", flush=True)
                continue
            source_path.write_text(original.replace(m.before, m.after), encoding="utf-8")
            try:
                t0 = time.perf_counter()
                passed, detail = run_tests(tree, m.tests)
            finally:
                source_path.write_text(original, encoding="utf-8")
            (survived.append((m, detail)) if passed else killed.append(m))
            print(f"  {'SURVIVED' if passed else 'killed  '}  {m.id} ({time.perf_counter() - t0:.1f} s): {detail[:110]}",
                  flush=True)
        elapsed = time.perf_counter() - started
    equivalent = [m for m, _ in survived if m.id in EQUIVALENT]
    live = [(m, d) for m, d in survived if m.id not in EQUIVALENT]
    scored = len(killed) + len(live)
    print(f"\nmutants: {len(chosen)} ({len(stale)} stale, {len(equivalent)} equivalent), {elapsed:.0f} s")
    print(f"killed {len(killed)} of {scored}: mutation score {100 * len(killed) / scored if scored else 0:.1f}%")
    for m in equivalent:
        print(f"  equivalent  {m.id}: {EQUIVALENT[m.id]}")
    for m in killed:
        if m.id in EQUIVALENT:
            print(f"  listed as equivalent but killed: {m.id} (take it off EQUIVALENT)")
    for m, _ in live:
        print(f"  survivor    {m.id} ({m.path}): {m.what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
