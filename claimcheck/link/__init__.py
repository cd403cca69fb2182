"""Link: which claims could be about the same thing (stories, about, candidate pairs, clusters)."""
