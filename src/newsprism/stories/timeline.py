"""A story's timeline: the dated events its articles report, in date order, with proof.

An event is a sentence that holds a date the analysis could pin down (``DateMention.value``).
Sentences from any article that carry the same date and share most of their content words are one
event with several support spans; the event's text is the first such sentence, copied verbatim.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.model import Analysis, Record, Sentence, Span
from newsprism.stories.features import content_words

SAME_EVENT_OVERLAP = 0.4  # Jaccard of content words above which two same-day sentences agree


@dataclass(frozen=True, slots=True)
class TimelineEvent(Record):
    date: str  # ISO 8601, as precise as the sources allow ("2013", "2013-05", "2013-05-03")
    text: str  # the first supporting sentence, verbatim
    support: tuple[Span, ...] = ()


def build_timeline(analyses: Sequence[Analysis]) -> list[TimelineEvent]:
    """Dated events of one story's analysed articles, ordered by date (ties: stream order)."""
    events: list[tuple[str, set[str], list[Span]]] = []
    for analysis in analyses:
        sentences = sorted(analysis.sentences, key=lambda s: s.start)
        starts = [s.start for s in sentences]
        for mention in sorted(analysis.dates, key=lambda m: m.start):
            sentence = _sentence_at(sentences, starts, mention.start)
            if mention.value is None or sentence is None:
                continue
            span = Span(sentence.doc, sentence.start, sentence.end, sentence.text)
            words = set(content_words(sentence.text))
            for date, seen, support in events:
                if date == mention.value and _overlap(words, seen) >= SAME_EVENT_OVERLAP:
                    if span not in support:
                        support.append(span)
                    break
            else:
                events.append((mention.value, words, [span]))
    ordered = sorted(range(len(events)), key=lambda i: (events[i][0], i))
    return [TimelineEvent(events[i][0], events[i][2][0].text, tuple(events[i][2]))
            for i in ordered]


def _sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0
