"""Background work: tasks on worker threads and processes, with progress and cancel."""
