"""The static site: Markdown pages rendered from validated records, built by MkDocs."""
