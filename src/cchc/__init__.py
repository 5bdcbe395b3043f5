"""Core of the CCHC public information portal: plain Python, no MkDocs."""
