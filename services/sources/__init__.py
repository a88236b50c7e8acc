"""Sources: how articles arrive. ingest (files, records, URLs, WARC crawls) and the feeds, news sitemaps and
drop folders registered in Postgres and polled for new articles.

registry (add, find, pause, remove), entries (canonical URLs, the keys an entry is known by), feeds and sitemaps
(documents -> entries), remote (conditional GET), poll (due sources, one poll, its outcome), folder (drop folders),
stats (per source figures for the command line, status and metrics).
"""
