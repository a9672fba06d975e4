"""Synthetic corpora for the benchmarks: perturbed copies of the seed articles.

Each article is a seed (rotating through all five, so Jekyll/HTML, bylines,
pinyin damage and Traditional text all occur) cut to about the requested
length at a line boundary, with its numbers changed and a unique line added so
that no two articles are duplicates.  Deterministic for a given seed value.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from corpus.resources import seeds_dir  # noqa: E402

_NUMBER = re.compile(r"\d+")


def seed_texts() -> list[tuple[str, str]]:
    """(file name, text) of every seed article."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir().iterdir())
            if p.is_file()]


def perturb(text: str, rng: random.Random, index: int, target_chars: int) -> str:
    lines = text.split("\n")
    kept, size = [], 0
    for line in lines:  # keep the head (title, front matter, bylines) and cut the tail
        kept.append(line)
        size += len(line) + 1
        if size >= target_chars:
            break
    head = ""
    if kept[0] == "---" and "---" in kept[1:]:  # front matter stays valid YAML
        end = kept.index("---", 1) + 1
        head, kept = "\n".join(kept[:end]) + "\n", kept[end:]
    body = _NUMBER.sub(lambda m: str(rng.randrange(1, 10 ** len(m.group()))), "\n".join(kept))
    body = head + body
    marker = f"（第{index}号稿件）"
    if body.startswith("---"):  # a Jekyll post: the unique line goes into the HTML body
        return body + f"\n<p>{marker}</p>\n"
    return body + "\n" + marker + "\n"


def articles(count: int, target_chars: int = 3000, seed: int = 7, undamaged: bool = False):
    """Yield (file name, text) for ``count`` synthetic articles; ``undamaged`` leaves out
    the seeds with pinyin damage (002, 004), whose hundreds of repairs dominate cleaning."""
    rng = random.Random(seed)
    seeds = seed_texts()
    if undamaged:
        seeds = [(name, text) for name, text in seeds if "(shí)" not in text and "?q" not in text]
    for index in range(count):
        name, text = seeds[index % len(seeds)]
        yield f"{index:06d}_{name}", perturb(text, rng, index, target_chars)


def write_corpus(folder: Path, count: int, target_chars: int = 3000, seed: int = 7,
                 undamaged: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles(count, target_chars, seed, undamaged):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def one_document(chars: int, seed: int = 7) -> str:
    """A single long document of about ``chars`` characters (for the view benchmark)."""
    rng = random.Random(seed)
    parts, size, index = [], 0, 0
    while size < chars:
        _name, text = seed_texts()[index % 5]
        piece = perturb(text, rng, index, 3000)
        parts.append(piece)
        size += len(piece)
        index += 1
    return "".join(parts)[:chars]


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="write a synthetic corpus")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=3000)
    args = parser.parse_args()
    written = write_corpus(args.folder, args.count, args.chars)
    print(f"wrote {len(written)} articles to {args.folder}")
