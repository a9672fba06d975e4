"""``python -m hanmark``, the ``hanmark`` command and the frozen app's entry point."""

import sys

from hanmark import frozen


def main() -> None:
    frozen.redirect_missing_streams()  # first: a windowed Windows build has no stdout/stderr
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen app's import workers start through here
    from hanmark.cli import main as run

    sys.exit(run())


if __name__ == "__main__":
    main()
