"""Actors: country, IGO and sector knowledge (data files), and name resolution."""

from parley.actors.resolve import ActorMatch, resolve_actor_text

__all__ = ["ActorMatch", "resolve_actor_text"]
