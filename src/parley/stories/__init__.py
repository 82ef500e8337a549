"""Stories: articles that report the same ongoing news story, and the events they share."""

from parley.stories.clustering import StoryClusterer, cluster_vectors, story_id_for
from parley.stories.documents import StoryDoc, salient_actors, story_doc
from parley.stories.index import MemoryStoryIndex, StoryIndex, StoryUpdate
from parley.stories.vectors import StoryVector, story_vector

__all__ = ["MemoryStoryIndex", "StoryClusterer", "StoryDoc", "StoryIndex", "StoryUpdate",
           "StoryVector", "cluster_vectors", "salient_actors", "story_doc", "story_id_for",
           "story_vector"]
