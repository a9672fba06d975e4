"""How fast the readers read a seed article (moved out of tests/: a wall-time bound fails on
a slow machine for no fault of the code).

    python benchmarks/read_path.py [--quick]

Prints µs per read of a plain seed and of seed 000 (HTML in Markdown), beside the raw
baseline of decoding the same bytes as UTF-8; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.readers import read_bytes  # noqa: E402
from corpus.resources import seeds_dir  # noqa: E402


def best_of(function, count: int, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(count):
            function()
        best = min(best, (time.perf_counter() - start) / count)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    count = 50 if parser.parse_args().quick else 300
    seeds = sorted(p for p in seeds_dir().iterdir() if p.is_file())
    figures = {}
    for key, seed in (("plain_seed_us", seeds[1]), ("seed_000_us", seeds[0])):
        data = seed.read_bytes()
        took = best_of(lambda: read_bytes(data, seed.name, suffix=".txt"), count)
        raw = best_of(lambda: data.decode("utf-8", "replace"), count)
        figures[key] = round(took * 1e6, 1)
        figures[key.replace("_us", "_ratio_to_decode")] = round(took / raw, 1)
        print(f"{seed.name}: {took * 1e6:.1f} µs a read ({took / raw:.0f}× a bare decode)")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
