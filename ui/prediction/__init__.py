"""Is it a cat? The prediction page's own pieces."""
