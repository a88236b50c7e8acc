"""Operations: the pipeline's health, history and metrics, broker counts, failed articles and the reconciler."""
