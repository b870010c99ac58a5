"""Quote recall on ECB+ dev, and a sample of speakers to judge by reading.

    python bench/quotes.py [--data ../shared/data] [--sample 30] [--seed 0]

Every opening mark of the dev documents (as ingest reads them) should start a quotation: it is
counted as matched when a quotation that ``find_quotations`` finds starts there, and as kept when
one of the analysis's quotes does (a short title-case title in marks, “X-Men”, is no quote).
Straight marks are told opening from closing by their parity in the text, an approximation that
a quotation left open throws off. The sample prints each quote's paragraph and speaker.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from newsprism.analyse import analyse_articles, resolve_entities
from newsprism.analyse.quotemarks import find_quotations
from newsprism.analyse.resolve import name_speakers
from newsprism.stories.train import as_ingest_reads, read_ecbplus

OPENERS = {"``": re.compile(r"``"), "“": re.compile(r"“"),
           '"': re.compile(r'(?:^|(?<=\s))"(?=\s*\w)')}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    articles = sorted(as_ingest_reads(read_ecbplus(args.data)["dev"][0]), key=lambda a: a.id)
    total, matched, kept = (dict.fromkeys(OPENERS, 0) for _ in range(3))
    quotes = []
    for analysis in analyse_articles(articles):
        text = analysis.article.text
        found = {a for parts in find_quotations(text) for a, _ in parts}
        starts = {q.start for q in analysis.quotes}
        for style, pattern in OPENERS.items():
            for match in pattern.finditer(text):
                if style == '"' and text.count('"', 0, match.start()) % 2:
                    continue
                words = len(text) - len(text[match.end():].lstrip())
                total[style] += 1
                matched[style] += words in found
                kept[style] += words in starts
        entities = resolve_entities(analysis.mentions)
        quotes += [(text, q) for q in name_speakers(analysis.quotes, entities)]
    for style in OPENERS:
        print(f"{style}: {matched[style]}/{total[style]} opening marks start a quotation "
              f"({matched[style] / max(1, total[style]):.1%}), {kept[style]} a quote")
    print(f"quotes {len(quotes)}, with a speaker {sum(q.speaker is not None for _, q in quotes)}")
    statements = [q for q in quotes if q[1].kind == "quote"]
    for text, quote in random.Random(args.seed).sample(statements, args.sample):
        start = max(text.rfind("\n", 0, max(0, quote.start - 3)), quote.start - 200) + 1
        end = text.find("\n", quote.end + 3)
        end = min(len(text) if end < 0 else end, quote.end + 150)
        print(f"---- {quote.doc} speaker: {quote.speaker}\n{text[start:end]}")


if __name__ == "__main__":
    main()
