// Intentionally empty: the floor measures the mechanism, not code.
