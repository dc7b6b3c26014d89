"""The bench scripts still run (each in its --quick mode) and the corpus they share stays distinct.

These tests never look at a time: only that each script exits 0 and prints its figures. The
script runs are marked slow (about 100 s together): CI runs them (COPYDESK_SLOW_TESTS=1), a
plain `pytest` skips them; `pytest --run-slow tests/test_bench_smoke.py` runs them here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench import corpus

ROOT = Path(__file__).resolve().parents[1]


def run_script(name: str, *args: str, timeout: float = 300) -> str:
    """Run bench/<name>.py as a script from the project root; return its stdout."""
    proc = subprocess.run([sys.executable, f"bench/{name}.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"bench/{name}.py exited {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    return proc.stdout


def test_variants_are_deterministic_and_distinct():
    texts = corpus.articles(300)
    assert texts == corpus.articles(300)
    assert len(set(texts)) == len(texts)
    assert corpus.articles(5, seed=1) != corpus.articles(5, seed=0)


def test_every_source_contributes():
    texts = corpus.articles(len(corpus.sources()))
    heads = {t.split("\n", 1)[0] for t in texts}
    assert len(heads) == len({s.split("\n", 1)[0] for s in corpus.sources()})


def test_variant_keeps_the_headline_and_roughly_the_length():
    seed = corpus.sources()[0]
    text = corpus.seed_variant(5)
    assert text.split("\n", 1)[0] == seed.split("\n", 1)[0]
    assert abs(corpus.word_count(text) - corpus.word_count(seed)) <= 10


@pytest.mark.parametrize("copies", [1, 3, 10])
def test_scaled_article_grows_with_its_copies(copies):
    words = corpus.word_count(corpus.scaled_article(copies))
    seed_words = corpus.word_count(corpus.sources()[0])
    assert 0.9 * copies * seed_words <= words <= 1.1 * copies * seed_words


def test_article_of_size_reaches_the_size():
    assert len(corpus.article_of_size(50_000)) >= 50_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # renames a share of the mid-sentence proper names, never the sentence-initial word
        ("Officials met Martinez and Okafor in Lisbon on Monday.", "Officials"),
    ],
)
def test_rename_leaves_sentence_starts(text, expected):
    import random

    for seed in range(20):
        assert corpus._rename(text, random.Random(seed)).startswith(expected)


def test_rename_share_changes_some_names_but_not_all():
    import random

    names = " ".join(f"the {n}" for n in ("Martinez", "Okafor", "Lisbon", "Monday", "Harbor", "Viaduct", "Authority", "Council", "Senate", "Bureau"))
    text = f"Then {names} spoke."
    changed = [sum(a != b for a, b in zip(text.split(), corpus._rename(text, random.Random(s)).split())) for s in range(50)]
    assert 0 < sum(changed) / len(changed) < 10


@pytest.mark.slow
def test_inprocess_quick():
    out = run_script("inprocess", "--quick", "--breakdown")
    for label in ("copydesk", "textstat", "textstat-rs", "floor", "copydesk / textstat-rs"):
        assert label in out


@pytest.mark.slow
def test_scaling_quick():
    out = run_script("scaling", "--quick")
    assert "us/word" in out and "growth from" in out and "the article" in out


@pytest.mark.slow
@pytest.mark.e2e
def test_startup_quick():
    out = run_script("startup", "--quick")
    assert "peak RSS" in out and "worker boot" in out


@pytest.mark.slow
@pytest.mark.e2e
@pytest.mark.parametrize(("generator", "extra", "load"), [("python", (), "articles from all sources"), ("wrk", (), "articles from all sources"), ("python", ("--seed-only",), "seed variants")])
def test_http_quick(generator, extra, load):
    if generator == "wrk" and not shutil.which("wrk"):
        pytest.skip("wrk is not installed (Debian: apt-get install wrk)")
    out = run_script("http", "--quick", "--generator", generator, *extra)
    assert "requests/s:" in out and "copydesk answer keys" in out
    assert f"distinct {load}" in out


@pytest.mark.slow
def test_profile_quick():
    out = run_script("profile", "--articles", "3", "--top", "5")
    assert "tottime" in out and "scoring" in out  # rename-imports: ok (file paths in the profile)


@pytest.mark.slow
def test_http_layers_quick():
    out = run_script("http_layers", "--articles", "3")
    assert "analyze" in out
    assert "baseline / copydesk, whole request:" in out


def test_mutation_bench_lists_its_mutants():
    from bench import mutation

    ids = [m.id for m in mutation.MUTANTS]
    assert len(ids) == len(set(ids))
    assert all((ROOT / m.path).exists() and m.before != m.after and m.tests for m in mutation.MUTANTS)
    assert set(mutation.EQUIVALENT) <= set(ids)
    out = run_script("mutation", "--list")
    assert all(i in out for i in ids)


@pytest.mark.slow
def test_instructions_child_serves_the_requests():
    # the part valgrind runs: requests through the app, each checked for a 200 (valgrind itself
    # is not installed by CI; the parent's arithmetic is plain subtraction)
    run_script("instructions", "--child", "3", "--articles", "3")
