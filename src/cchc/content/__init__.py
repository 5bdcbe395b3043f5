"""Stage 1, content: the files under content/ (and docs/) read into a Portal of plain data, with every
problem an editor must fix as `file:line: field: message` in Vietnamese. Front matter is parsed by a
safe YAML reader, each collection checks its fields against its schema, and files are only taken from
inside content/ and docs/. `load.load(root)` is the entry point."""
