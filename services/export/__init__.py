"""Data out: the reader views and the events in the shapes analysts load, streamed to files."""
