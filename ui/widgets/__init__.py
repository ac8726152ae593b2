"""Pieces that several pages draw: the training controls, a run's panel, verdicts, uploads."""
