"""Stage 0, import: a document an editor already has (its text, a DOCX or a PDF with a text layer) becomes
a content file for `content/van-ban/<unit>/`: `layout` finds the header, title and footer as Nghị định
30/2020 lays them out, `body` rejoins the paragraphs as Markdown, `content_file` writes the front matter
and lists what it could not find. Words are never changed: only line breaks, list and heading marks."""
