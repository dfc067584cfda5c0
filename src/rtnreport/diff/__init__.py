"""Semantic diffs between years (or git revisions) of the data."""
