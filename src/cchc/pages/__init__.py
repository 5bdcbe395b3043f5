"""Stage 3, pages: each page family turns the Portal (and the reference index) into generated pages. A
page is a view function (it gathers plain data) and a Jinja template in `templates/` (it holds the page's
words); `render` fills templates, escaping by construction, and `markdown` holds the page type and the
Markdown escape. `sanitize` puts every rendered page through the allowlist. Paths come from cchc.urls."""
