"""CPU seconds of `annotate`'s parts on a corpus, warm: cleaning, spaCy's pass and each
analysis stage, measured with `time.process_time()` (this process only, so other jobs on a
shared machine move them little) on the last of several passes in one process (the first
pays the one-time loads: model, actor tables, gazetteer).

    python bench/corpus.py --wikinews 60 -o c60.jsonl
    python bench/stage_cpu.py c60.jsonl [--passes 2]

Run it with PYTHONPATH at each checkout's `src`, in turns, to compare two versions.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import parley.pipeline as pipeline
from parley.annotate import _prepare
from parley.models import Article

BATCH = 16  # annotate's batch size
STAGES = ("extract_entities", "extract_timexes", "extract_quotes", "attribute_speakers", "extract_events")


def _timed(seconds: dict[str, float], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] += time.process_time() - start
    return run


def measure(lines: list[str], passes: int) -> dict[str, float]:
    """The CPU seconds of each part on the last pass over `lines`."""
    seconds: dict[str, float] = defaultdict(float)
    for name in STAGES:  # the stages as `pipeline.analyze` calls them
        setattr(pipeline, name, _timed(seconds, name, getattr(pipeline, name)))
    for _ in range(passes):
        seconds.clear()
        for first in range(0, len(lines), BATCH):
            start = time.process_time()
            batch = [_prepare(line, f"bench:{first + i}", False)
                     for i, line in enumerate(lines[first : first + BATCH])]
            articles = [item.result for item in batch if isinstance(item.result, Article)]
            seconds["clean"] += time.process_time() - start
            start = time.process_time()
            parsed = pipeline.parse_batch(articles)
            seconds["spacy pass"] += time.process_time() - start
            start = time.process_time()
            pipeline.analyze_parsed(articles, parsed)
            seconds["stages"] += time.process_time() - start
    seconds["total"] = seconds["clean"] + seconds["spacy pass"] + seconds["stages"]
    return dict(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="annotate JSONL (bench/corpus.py)")
    parser.add_argument("--passes", type=int, default=2, help="passes in one process; the last is reported")
    args = parser.parse_args()
    lines = [line for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(" ".join(f"{name}={value:.2f}" for name, value in measure(lines, args.passes).items()))


if __name__ == "__main__":
    main()
