"""What parley extracted from one article: its metadata, the entities it names, its quotes and
the events it reports (read side of `parley article ID`).

    view = article_view(store, "a3d922a0")     # a full id or an unambiguous prefix
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parley.actors.registry import CorpusEntity
from parley.query import find_quotes
from parley.store import Store
from parley.timeline import EventFilter, TimelineEntry, select_events


class ArticleLookupError(LookupError):
    """No stored article has the id, or several start with the prefix given."""

    def __init__(self, prefix: str, matches: list[str]) -> None:
        self.prefix, self.matches = prefix, matches
        if matches:
            message = f"{len(matches)} articles start with {prefix!r}: {', '.join(m[:12] for m in matches)}"
        else:
            message = f"no article with id {prefix!r}"
        super().__init__(message)


@dataclass(frozen=True)
class ArticleView:
    article: dict[str, Any]  # the stored article (export fields, text included)
    entities: list[tuple[CorpusEntity, int]]  # entity, mentions in this article
    quotes: list[dict[str, Any]]  # query.quote_record rows
    events: list[TimelineEntry]  # merged events this article reports (other reports counted)


def resolve_article_id(store: Store, prefix: str) -> str:
    """The one stored article id a full id or a prefix names."""
    if store.get_article(prefix) is not None:
        return prefix
    matches = store.article_ids_like(prefix) if prefix else []
    if len(matches) != 1:
        raise ArticleLookupError(prefix, matches)
    return matches[0]


def article_view(store: Store, prefix: str) -> ArticleView:
    article_id = resolve_article_id(store, prefix)
    article = store.get_article(article_id)
    assert article is not None
    article.pop("seq", None)  # the store's arrival number, no fact of the article
    quotes = list(find_quotes(store, articles=[article_id]))
    events = select_events(store, EventFilter(articles=(article_id,), undated=True))
    return ArticleView(article, store.article_entities(article_id), quotes, events)
