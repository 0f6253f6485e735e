"""The ``tidings`` command: thin wrappers that parse arguments and call the Python API."""
