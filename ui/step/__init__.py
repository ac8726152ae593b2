"""Step through one iteration: the walk (pure) and its view."""
