"""Stage 4, publish: what goes beside the pages for readers, hosts and machines: feeds, JSON-LD and
security headers, open data, encoded images and share cards, the search index, and the
atomic replacement of site/ (`cchc build`)."""
