"""Stage 3, pages: each page family turns the Portal (and the reference index) into generated pages,
Markdown with front matter that MkDocs renders with the theme's templates; `markdown` holds the page
type and the escape every family writes with, and `sanitize` puts every rendered page through the
allowlist. Paths come from cchc.urls."""
