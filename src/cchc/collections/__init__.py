"""One module per content collection: its folder, its schema and how a file becomes data."""
