#!/usr/bin/env python3
"""Check that every MS Risk Blog quote in seeds/ is a verbatim substring of the article.

Usage: python3 scripts/check_seed_quotes.py [ARTICLE]

ARTICLE defaults to ../shared/seeds/000_3c4f3d760049849b.txt relative to the repository
root (the parent of this script's folder). Every *.yaml / *.yml under seeds/ is loaded with
PyYAML's BaseLoader, so every scalar stays the string that was written. Every mapping with a
`quote` whose `source` is "MS Risk Blog" is checked character for character (curly
apostrophes included). Prints each failure with its file and quote, then
"N quotes checked, N failed"; exits 1 on any failure or unreadable file, 0 otherwise.
"""

import sys
from pathlib import Path

import yaml

SOURCE = "MS Risk Blog"
MAX_QUOTE = 300  # characters; longer quotes are reported as warnings, not failures


def quotes_in(node, path="$"):
    """Yield (path, mapping) for every mapping that has a `quote` key."""
    if isinstance(node, dict):
        if "quote" in node:
            yield path, node
        for key, value in node.items():
            yield from quotes_in(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from quotes_in(value, f"{path}[{index}]")


def main(argv):
    root = Path(__file__).resolve().parent.parent
    article_path = Path(argv[1]) if len(argv) > 1 else root / ".." / "shared" / "seeds" / "000_3c4f3d760049849b.txt"
    try:
        article = article_path.read_text(encoding="utf-8")
    except OSError as error:
        print(f"{article_path}: error: cannot read the article: {error}", file=sys.stderr)
        return 1

    files = sorted(p for p in (root / "seeds").rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    checked = failed = 0
    for file in files:
        shown = file.relative_to(root)
        try:
            document = yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            print(f"{shown}: error: cannot load: {error}")
            failed += 1
            continue
        for path, ref in quotes_in(document):
            if ref.get("source") != SOURCE:
                continue
            quote = ref["quote"]
            checked += 1
            if not isinstance(quote, str) or not quote or quote not in article:
                failed += 1
                print(f"{shown}: {path}: quote not found verbatim in the article: {quote!r}")
            elif len(quote) > MAX_QUOTE:
                print(f"{shown}: {path}: warning: quote is {len(quote)} characters (keep under {MAX_QUOTE})")
    print(f"{checked} quotes checked, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
