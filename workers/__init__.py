"""Celery app and one thin task module per pipeline stage."""
