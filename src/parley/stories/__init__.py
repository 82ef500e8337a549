"""Stories: articles that report the same ongoing news story, and the events they share."""

from parley.stories.clustering import StoryClusterer, StoryDoc, salient_actors, story_doc, story_id_for

__all__ = ["StoryClusterer", "StoryDoc", "salient_actors", "story_doc", "story_id_for"]
