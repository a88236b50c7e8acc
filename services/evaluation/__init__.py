"""`newsflow eval`: the stages measured on real, labelled news, each beside a baseline, on a fixed held-out split."""

# The stages that judge the news (fetch and store decide nothing a label could check; the bench measures them).
EVALUATED_STAGES = ("clean", "dedup", "extract")
