"""`newsflow eval`: the stages measured on real, labelled news, each beside a baseline, on a fixed held-out split."""
