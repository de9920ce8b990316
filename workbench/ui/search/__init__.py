"""Search from the window: the panel and the engine it asks."""
