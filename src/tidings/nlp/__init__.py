"""spaCy components, one per file, and the pipeline that assembles them."""
