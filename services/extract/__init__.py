"""Extract stage: coded events (who did what to whom, where and when) from clean text, each with its evidence."""

from services.extract.coder import extract_events, warm_up
from services.extract.models import Actor, EventCandidate, Location

__all__ = ["Actor", "EventCandidate", "Location", "extract_events", "warm_up"]
