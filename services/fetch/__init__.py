"""Fetch stage: the download (download), the address policy (addresses), per-host limits (hostlimit), robots.txt
(robots), the polite download behind both (polite) and the batch step (step)."""
