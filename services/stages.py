"""The stage graph, declared once: each stage's queue, the statuses it takes and leaves, the column it stamps, the
stage that follows, and how an article enters. Everything else (the steps, the tasks' onward queue, ingest's entry,
the reconciler, status, retries, the history) derives from this table."""

from __future__ import annotations

from dataclasses import dataclass

from services.status import Status


@dataclass(frozen=True)
class Stage:
    """One stage: its name is also its queue's, a contract operators, dashboards and autoscalers key on."""

    name: str
    accepts: frozenset[Status]
    produces: Status
    stamp: str  # the Article column set when the stage finishes with an article
    next: str | None
    reads: tuple[str, ...] = ()  # deferred Article columns the step loads with its claim (one round trip fewer)
    entry_for: str | None = None  # the articles that enter the pipeline here: "url" (no content) or "content"

    @property
    def retry_status(self) -> Status:
        """The status a failed article is put back in for this stage to take it again: `received` for a stage
        articles enter at (which of the two takes it follows from whether content came with it)."""
        return Status.RECEIVED if Status.RECEIVED in self.accepts else next(iter(self.accepts))


GRAPH: tuple[Stage, ...] = (
    Stage("fetch", frozenset({Status.RECEIVED}), Status.FETCHED, "fetched_at", "clean", ("raw",), entry_for="url"),
    Stage(
        "clean",
        frozenset({Status.RECEIVED, Status.FETCHED}),
        Status.CLEANED,
        "cleaned_at",
        "dedup",
        ("raw",),
        entry_for="content",
    ),
    Stage("dedup", frozenset({Status.CLEANED}), Status.UNIQUE, "deduped_at", "extract", ("text",)),
    Stage("extract", frozenset({Status.UNIQUE}), Status.EXTRACTED, "extracted_at", "store", ("text",)),
    Stage("store", frozenset({Status.EXTRACTED}), Status.STORED, "stored_at", None),
)
STAGES: tuple[str, ...] = tuple(stage.name for stage in GRAPH)
BY_NAME: dict[str, Stage] = {stage.name: stage for stage in GRAPH}
# The non-final statuses a stage leaves, each with the stage that takes an article on from it (`received`, where
# articles start, splits on whether content came with them: see entry_stage).
WAITING_AT: dict[Status, str] = {stage.produces: stage.next for stage in GRAPH if stage.next is not None}
WAITING_STATUSES: tuple[Status, ...] = (Status.RECEIVED, *WAITING_AT)


def stage_named(name: str) -> Stage:
    """The stage of a name."""
    return BY_NAME[name]


def entry_stage(*, has_content: bool) -> str:
    """The stage a new article enters at: with its content, the one after the download; with a URL only, fetch."""
    wanted = "content" if has_content else "url"
    return next(stage.name for stage in GRAPH if stage.entry_for == wanted)


def waiting_stage(status: Status, *, has_content: bool) -> str:
    """The stage an article in a non-final status is waiting for."""
    return entry_stage(has_content=has_content) if status is Status.RECEIVED else WAITING_AT[status]


def stages_from(name: str) -> tuple[str, ...]:
    """A stage and the stages after it, in order."""
    return STAGES[STAGES.index(name) :]
