"""tools/rename_imports.py: the old top-level names rewritten to copydesk.*, once, and the repository already converted."""

# rename-imports: file ok (the tables below hold the old names on purpose)

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("rename_imports", ROOT / "tools" / "rename_imports.py")
rename_imports = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rename_imports)

REWRITER = rename_imports.Rewriter(rename_imports.known_names(ROOT))

# old source -> what the script makes of it
PYTHON = [
    ("import scoring\nscoring.analyze(t)\n", "from copydesk import scoring\nscoring.analyze(t)\n"),
    ("import api as a\n", "from copydesk import api as a\n"),
    ("from scoring.text import build_document\n", "from copydesk.scoring.text import build_document\n"),
    ("from scoring import (\n    figures,\n)\n", "from copydesk.scoring import (\n    figures,\n)\n"),
    ("import scoring.charclass as charclass\n", "import copydesk.scoring.charclass as charclass\n"),
    # a dotted import binds `api`, which the code goes on to use: the name stays bound
    ("def f():\n    import api.batch\n    return api.batch.X\n", "def f():\n    from copydesk import api\n    import copydesk.api.batch\n    return api.batch.X\n"),
    # loaded for its side effect only: no binding added
    ("def f():\n    import scoring.report  # noqa: F401\n", "def f():\n    import copydesk.scoring.report  # noqa: F401\n"),
    ("import sys, scoring\n", "import sys\nfrom copydesk import scoring\n"),
    # relative imports inside the packages stay
    ("from .text import Unit\nfrom . import errors\n", "from .text import Unit\nfrom . import errors\n"),
    # module paths in strings: monkeypatch targets, gunicorn's app and config, -m, prefixes, patterns
    ('m.setattr("scoring.analyze", f)\n', 'm.setattr("copydesk.scoring.analyze", f)\n'),
    ('cmd = ["-c", "python:api.gunicorn_conf", "api.wsgi:app"]\n', 'cmd = ["-c", "python:copydesk.api.gunicorn_conf", "copydesk.api.wsgi:app"]\n'),
    ('args = "-m api.cli analyze"\n', 'args = "-m copydesk.api.cli analyze"\n'),
    ('walk(p, "scoring.")\n', 'walk(p, "copydesk.scoring.")\n'),
    ("re.search(r'\"api\\.worker\\.Worker\"', s)\n", "re.search(r'\"copydesk\\.api\\.worker\\.Worker\"', s)\n"),
    # code run by python -c
    ('c = "import sys, scoring; scoring.analyze(x)"\n', 'c = "import sys; from copydesk import scoring; scoring.analyze(x)"\n'),
    ('c = "import scoring.text, scoring.claims; print(scoring.text.__file__)"\n',
     'c = "from copydesk import scoring; import copydesk.scoring.text, copydesk.scoring.claims; print(scoring.text.__file__)"\n'),
    # not module paths: Flask endpoints of the blueprint "api", folders, other packages' modules
    ('EXEMPT = ("api.health", "api.openapi")\n', 'EXEMPT = ("api.health", "api.openapi")\n'),
    ('p = "api/gunicorn_conf.py"; q = "tests.api.test_wsgi"; r = "openapi.yaml"\n', 'p = "api/gunicorn_conf.py"; q = "tests.api.test_wsgi"; r = "openapi.yaml"\n'),
    # docstrings are prose: module paths yes, "import" sentences no; comments stay
    ('"""Calls `scoring.analyze`; `import scoring` is refused."""\n# api.wsgi\n',
     '"""Calls `copydesk.scoring.analyze`; `import scoring` is refused."""\n# api.wsgi\n'),
    ('x = "api.wsgi:app"  # rename-imports: ok\n', 'x = "api.wsgi:app"  # rename-imports: ok\n'),
]

OTHER = [
    ('CMD ["gunicorn", "-c", "python:api.gunicorn_conf", "api.wsgi:app"]\n', 'CMD ["gunicorn", "-c", "python:copydesk.api.gunicorn_conf", "copydesk.api.wsgi:app"]\n'),
    (".venv/bin/gunicorn -c api/gunicorn_conf.py api.wsgi:app\n", ".venv/bin/gunicorn -c api/gunicorn_conf.py copydesk.api.wsgi:app\n"),
    ("python -c 'import scoring.text as t; print(t.__file__)'\n", "python -c 'import copydesk.scoring.text as t; print(t.__file__)'\n"),
    ("from scoring import analyze\n", "from copydesk.scoring import analyze\n"),
    ('copydesk = "api.cli:run"\n', 'copydesk = "copydesk.api.cli:run"\n'),
]


@pytest.mark.parametrize(("old", "new"), PYTHON)
def test_python_is_rewritten_once(old, new):
    assert REWRITER.python(old) == new
    assert REWRITER.python(new) == new  # idempotent


@pytest.mark.parametrize(("old", "new"), OTHER)
def test_commands_and_documents_are_rewritten_once(old, new):
    assert REWRITER.other(old) == new
    assert REWRITER.other(new) == new


def test_the_repository_is_converted():
    # a new `import scoring` (or a merged branch still on the old names) fails here until the script is run
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "rename_imports.py"), "--check"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout
