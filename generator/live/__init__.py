"""The live loop: `timeline watch` and `timeline serve` drive the build and own nothing of it: watchdog events
filtered and debounced (watcher), the dev server with live reload (server), the rebuild loop that joins them (dev)."""
