"""``python -m hanmark`` and the ``hanmark`` command."""

import multiprocessing
import sys

from hanmark.cli import main as _main


def main() -> None:
    multiprocessing.freeze_support()  # a frozen app's import workers start through here
    sys.exit(_main())


if __name__ == "__main__":
    main()
