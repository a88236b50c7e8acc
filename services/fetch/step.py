"""The fetch stage's step: download the articles given by URL only."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from services.fetch.download import FetchedPage, FetchFailed
from services.models import Article
from services.stages import stage_named
from services.steps import Step, each


def make_fetch_batch(download: Callable[[str], FetchedPage]) -> Step:
    """The fetch step, downloading with `download` (FetchUnavailable from it propagates, to be retried)."""

    def fetch(session: Session, article: Article) -> bool:
        if article.raw is not None:
            return True  # the content came with the article
        # The row stays locked during the download, so a redelivered message cannot fetch it twice.
        try:
            page = download(article.url or "")
        except FetchFailed as exc:
            article.mark_failed("fetch", str(exc))
            return False
        article.raw, article.content_type = page.body, page.content_type
        return True

    return Step(stage_named("fetch"), each(fetch))
