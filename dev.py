#!/usr/bin/env python3
"""Hanmark developer entry point (standard library only; Linux, macOS, Windows).

    python3 dev.py run  [ARGS...]         run the app:   .venv python -m hanmark ARGS...
    python3 dev.py test [PYTEST ARGS...]  run the tests: .venv python -m pytest ARGS...
    python3 dev.py lock [UV ARGS...]      regenerate requirements.lock (needs network)

(On Windows use `py dev.py ...` or `python dev.py ...`.)

`run` and `test` first make sure the environment is there:

* a virtual environment in .venv/ at the repository root (stdlib `venv`, with pip);
* `pip install --require-hashes -r requirements.lock`, then the project itself,
  editable and without dependencies;
* a stamp file, .venv/hanmark-dev.stamp, records a sha256 of requirements.lock and
  pyproject.toml.  While it matches, nothing is installed and the command starts at
  once; when either file changes, the locked set is installed again into the
  existing .venv (delete .venv for a truly clean environment).

pip is run with whatever index / find-links configuration the machine has
(pip.conf, PIP_* variables): dev.py never overrides it.
"""

import hashlib
import os
import subprocess
import sys

if sys.version_info < (3, 11):
    sys.exit(
        "hanmark: dev.py needs Python >= 3.11 (this is %d.%d)" % sys.version_info[:2]
    )

ROOT = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(ROOT, ".venv")
LOCK = os.path.join(ROOT, "requirements.lock")
PYPROJECT = os.path.join(ROOT, "pyproject.toml")
STAMP = os.path.join(VENV, "hanmark-dev.stamp")
STAMP_FORMAT = b"hanmark-dev-stamp 1\n"
WINDOWS = os.name == "nt"
BIN = os.path.join(VENV, "Scripts" if WINDOWS else "bin")
EXE = ".exe" if WINDOWS else ""

USAGE = """\
usage: python3 dev.py run  [ARGS...]         run Hanmark (python -m hanmark ARGS...)
       python3 dev.py test [PYTEST ARGS...]  run the test suite (python -m pytest ARGS...)
       python3 dev.py lock [UV ARGS...]      regenerate requirements.lock (network, uv)
"""


class DevError(Exception):
    """A failure to report as one line on stderr, then exit 1."""


def say(message):
    print("hanmark: " + message, file=sys.stderr, flush=True)


def venv_python():
    return os.path.join(BIN, "python" + EXE)


def call(cmd, what, **kwargs):
    """Run a set-up step; raise DevError naming `what` if it fails."""
    try:
        # Set-up tools write to our stderr, so `dev.py run`'s stdout is the app's own.
        kwargs.setdefault("stdout", sys.stderr)
        result = subprocess.run(cmd, **kwargs)
    except OSError as exc:
        raise DevError("%s failed: %s" % (what, exc)) from None
    if result.returncode != 0:
        raise DevError("%s failed (exit code %d); see the output above" % (what, result.returncode))


# --------------------------------------------------------------------------- venv


def ensure_venv():
    """Create .venv (with pip) if it has no interpreter; return the interpreter path."""
    python = venv_python()
    if os.path.isfile(python):
        return python
    import venv  # only needed on the slow path

    fresh = not os.path.exists(VENV)
    say("creating .venv …" if fresh else "re-creating .venv (no interpreter in it) …")
    try:
        venv.EnvBuilder(with_pip=True, clear=True, symlinks=not WINDOWS).create(VENV)
    except (OSError, subprocess.CalledProcessError) as exc:
        hint = ""
        if sys.platform.startswith("linux"):
            hint = " (on Debian/Ubuntu: apt-get install python3-venv)"
        raise DevError(
            "could not create .venv with %s: %s%s" % (sys.executable, exc, hint)) from None
    if not os.path.isfile(python):
        raise DevError("created .venv but %s is missing" % python)
    return python


def ensure_pip(python):
    if subprocess.run([python, "-c", "import pip"], capture_output=True).returncode != 0:
        say("bootstrapping pip into .venv …")
        call([python, "-m", "ensurepip", "--upgrade"], "ensurepip")


def read_bytes(path, missing_hint):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise DevError("%s is missing%s" % (os.path.relpath(path, ROOT), missing_hint)) from None


def wanted_stamp(lock_bytes, pyproject_bytes):
    h = hashlib.sha256(STAMP_FORMAT)
    for blob in (lock_bytes, pyproject_bytes):
        h.update(b"%d\n" % len(blob))
        h.update(blob)
    return h.hexdigest()


def lock_has_setuptools(lock_bytes):
    return any(
        line.strip().lower().startswith(b"setuptools==") for line in lock_bytes.splitlines()
    )


def ensure_environment():
    """Return the .venv interpreter, installing requirements.lock + the project if needed."""
    lock_bytes = read_bytes(LOCK, "; run `python3 dev.py lock` to create it")
    pyproject_bytes = read_bytes(PYPROJECT, "")
    stamp = wanted_stamp(lock_bytes, pyproject_bytes)

    python = venv_python()
    if os.path.isfile(python):
        try:
            with open(STAMP, "r", encoding="ascii") as f:
                if f.read().strip() == stamp:
                    return python  # fast path: nothing changed since the last install
        except (OSError, UnicodeDecodeError):
            pass

    python = ensure_venv()
    try:
        os.remove(STAMP)  # a half-finished install must never look up to date
    except FileNotFoundError:
        pass
    ensure_pip(python)

    say("installing locked dependencies (requirements.lock) …")
    call(
        [python, "-m", "pip", "install", "-q", "--require-hashes", "-r", LOCK],
        "installing requirements.lock",
        cwd=ROOT,
    )

    say("installing hanmark (editable) …")
    editable = [python, "-m", "pip", "install", "-q", "--no-deps", "-e", "."]
    if lock_has_setuptools(lock_bytes):
        # setuptools (pyproject's build-system.requires) came from the lock, hash-checked:
        # build against it, with no download.
        editable.insert(-2, "--no-build-isolation")
    call(editable, "installing hanmark (editable)", cwd=ROOT)

    with open(STAMP, "w", encoding="ascii") as f:
        f.write(stamp + "\n")
    say("environment ready in .venv")
    return python


# --------------------------------------------------------------------------- commands


def child_env():
    """The caller's environment, with .venv activated (for tools the tests spawn)."""
    env = dict(os.environ)
    env["VIRTUAL_ENV"] = VENV
    env["PATH"] = BIN + os.pathsep + env.get("PATH", "")
    env.pop("PYTHONHOME", None)
    return env


def hand_over(cmd, cwd):
    """Run cmd in cwd and exit with its exit code (exec on POSIX)."""
    env = child_env()
    sys.stderr.flush()
    sys.stdout.flush()
    if not WINDOWS:
        if cwd is not None:
            os.chdir(cwd)
        try:
            os.execve(cmd[0], cmd, env)
        except OSError as exc:
            raise DevError("could not start %s: %s" % (cmd[0], exc)) from None
    try:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env)
    except OSError as exc:
        raise DevError("could not start %s: %s" % (cmd[0], exc)) from None
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:
            continue  # Ctrl+C reached the child too; let it decide, then pass on its code


def cmd_run(args):
    python = ensure_environment()
    # The user's working directory is kept, so relative paths in ARGS mean what they say.
    return hand_over([python, "-m", "hanmark", *args], cwd=None)


def cmd_test(args):
    python = ensure_environment()
    if (
        sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        # Headless: without this Qt cannot load xcb and aborts the interpreter, and
        # pytest's output capture swallows Qt's explanation.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return hand_over([python, "-m", "pytest", *args], cwd=ROOT)


def cmd_lock(args):
    """Regenerate requirements.lock with uv (installed into .venv if missing).

    The command is

        uv pip compile pyproject.toml - --extra dev --universal --python-version 3.11 \
            --generate-hashes -o requirements.lock

    with pyproject's [build-system] requires (setuptools) fed on stdin (the `-`), so
    the lock also pins and hashes setuptools: `run`/`test` then install the project
    with --no-build-isolation from hash-checked packages alone.  --universal makes
    one lock for Linux, macOS and Windows (platform-only packages such as colorama
    carry environment markers that pip evaluates); pip installs it as is with
    --require-hashes.  Extra ARGS go to uv, e.g. `dev.py lock --upgrade-package
    orjson` or `dev.py lock --upgrade`.  uv keeps the versions already in the lock
    unless told to upgrade.
    """
    import tomllib

    with open(PYPROJECT, "rb") as f:
        build_requires = tomllib.load(f).get("build-system", {}).get("requires", [])

    python = ensure_venv()
    uv = os.path.join(BIN, "uv" + EXE)
    if not os.path.isfile(uv):
        ensure_pip(python)
        say("installing uv into .venv …")
        call([python, "-m", "pip", "install", "-q", "uv"], "installing uv")
        if not os.path.isfile(uv):
            raise DevError("pip installed uv but %s is missing" % uv)

    say("resolving requirements.lock with uv …")
    call(
        [
            uv, "pip", "compile", "pyproject.toml", "-",
            "--extra", "dev",
            "--universal",
            "--python-version", "3.11",
            "--generate-hashes",
            "--custom-compile-command", "python3 dev.py lock",
            "-o", "requirements.lock",
            *args,
        ],
        "uv pip compile",
        cwd=ROOT,
        input="".join(req + "\n" for req in build_requires),
        text=True,
        stdout=subprocess.DEVNULL,  # uv echoes the whole lock there; it is in the file
    )
    pins = [
        line.split(" ", 1)[0]
        for line in read_bytes(LOCK, "").decode("utf-8").splitlines()
        if line[:1].isalnum() and "==" in line
    ]
    say("requirements.lock: %d packages pinned; the next run/test installs them" % len(pins))
    return 0


COMMANDS = {"run": cmd_run, "test": cmd_test, "lock": cmd_lock}


def main(argv):
    if not argv or argv[0] in ("-h", "--help", "help"):
        sys.stdout.write(USAGE)
        return 0 if argv else 2
    command = COMMANDS.get(argv[0])
    if command is None:
        sys.stderr.write("hanmark: unknown command %r\n%s" % (argv[0], USAGE))
        return 2
    try:
        return command(argv[1:])
    except DevError as exc:
        say("error: %s" % exc)
        return 1
    except KeyboardInterrupt:
        say("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
