"""Hermetic tests: a temporary HOME and data/config/cache folders for every test,
Qt offscreen, real SQLite files and the real seed articles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
ASTRAL_TEXT = "𠮷野家😀平原县委书记王玉东说：\n第二段𠀀有1500余场次。"


@pytest.fixture(autouse=True)
def hermetic_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for name, sub in (("HOME", ""), ("USERPROFILE", ""), ("XDG_DATA_HOME", "data"),
                      ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                      ("APPDATA", "appdata"), ("LOCALAPPDATA", "localappdata")):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("HANMARK_STARTUP_PROBE", raising=False)
    return home


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    from storage.sample import build_sample

    return build_sample(tmp_path / "sample.hanmark")


@pytest.fixture
def astral_path(tmp_path: Path) -> Path:
    """A project whose first document has astral characters before the text to mark."""
    from storage.project import Project

    path = tmp_path / "astral.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(ASTRAL_TEXT, "astral.txt"))
        project.add_document(new_document("第二篇文档：德州市审计局。", "second.txt"))
    return path


def new_document(text: str, name: str):
    """A document as the importer would store it, for tests that need exact text."""
    from corpus.document import NewDocument

    return NewDocument(text=text, title=text.split("\n")[0][:40], raw_text=text, source=name,
                       meta={"file": name})


def label_counts_done(project, document_id: int, text: str, annotator: str) -> None:
    """Mark "<digits>个" and "<digits>万元" in ``text`` as METRIC and the document done
    (training data for the model)."""
    for needle in ("个", "万元"):
        end = text.index(needle) + len(needle)
        start = end - len(needle)
        while start > 0 and text[start - 1].isdigit():
            start -= 1
        project.add_span(document_id, start, end, "METRIC", annotator=annotator)
    project.set_status(document_id, annotator, "done")


def run_hanmark(*args: str, cwd: Path | None = None, env: dict | None = None):
    """Run the command line exactly as a user does: ``python -m hanmark ARGS``."""
    import subprocess

    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), environment.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run(
        [sys.executable, "-m", "hanmark", *args], cwd=cwd, env=environment,
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def require_spacy():
    """spaCy, which the ``dev`` extra installs, so that ``dev.py test`` runs the spaCy
    format's tests on every run.  Missing from an environment dev.py holds up to date,
    that is a failure; elsewhere (a venv made before the extra) the test is skipped."""
    try:
        import spacy
    except ImportError:
        if _dev_environment_current():
            pytest.fail("spaCy is missing from the dev environment (it is in the dev "
                        "extra): delete .venv and run `python3 dev.py test`")
        pytest.skip("spaCy is not installed here; `python3 dev.py test` installs it")
    return spacy


def _dev_environment_current() -> bool:
    """Whether this interpreter is a .venv that dev.py installed from this checkout's
    requirements.lock and pyproject.toml (its stamp matches them)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_hanmark_dev", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    try:
        stamp = (Path(sys.prefix) / "hanmark-dev.stamp").read_text("ascii").strip()
        wanted = dev.wanted_stamp((ROOT / "requirements.lock").read_bytes(),
                                  (ROOT / "pyproject.toml").read_bytes())
    except OSError:
        return False
    return stamp == wanted
