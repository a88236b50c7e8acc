"""The clean stage's step: the article's own text and metadata, stored on its row."""

from __future__ import annotations

from sqlalchemy.orm import Session

from services.clean import UnusableDocument, clean_document
from services.models import Article
from services.stages import stage_named
from services.steps import Step, each, one_at_a_time


def _clean(session: Session, article: Article) -> bool:
    try:
        result = clean_document(
            article.raw or b"", content_type=article.content_type or "text/plain", url=article.url, given=article.given
        )
    except UnusableDocument as exc:
        article.mark_failed("clean", str(exc))
        return False
    article.text = result.text
    article.dropped = [{"text": span.text, "reason": span.reason} for span in result.dropped]
    article.title = result.title
    article.author = result.author
    article.site_name = result.site_name
    article.language = result.language
    article.published_at = result.published
    article.published_precision = result.published_precision
    article.published_source = result.published_source
    return True


clean_batch = Step(stage_named("clean"), each(_clean))
clean_step = one_at_a_time(clean_batch)
