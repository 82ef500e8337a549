"""Events: who did what to whom, when and where, coded in PLOVER categories with the closest
CAMEO code and the sentence that says so.

    extract_events(doc, article_date, entities, timexes) -> [Event]
    candidate_sentences(doc) -> [Span]     # the sentences worth a dependency parse

How: `triggers` finds trigger words of the lexicon (`data/event_triggers.json`) in a sentence;
`compose` wraps each event word in the frames that govern it ("agreed to", "refused to",
"urged X to") and finds its argument tokens on the dependency parse (`arguments`);
`participants` turns those into actors from the article's entities; `modality`, `dating` and
`places` add whether, when and where; `coding` makes the CAMEO code precise and scores the
event; `extract` puts it together and deduplicates. The lexicon's codes and categories come from
`data/event_triggers.json` and `data/event_cameo.json` (see `lexicon`).
"""

from parley.events.extract import extract_events
from parley.events.prefilter import candidate_sentences

__all__ = ["candidate_sentences", "extract_events"]
