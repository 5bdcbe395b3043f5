"""Stage 2, references: find legal references in text, resolve them to documents, link and index them.

Modelled on eyecite: normalise (keeping offsets), tokenize into typed citations,
resolve issuers, years and short mentions, then annotate text with links.
"""
