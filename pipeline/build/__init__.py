"""build(config, options): plan, skip what is up to date, prepare, render in worker processes,
write atomically; shards and releases are built on it."""
