"""Every rendering of audits for people and files, split by output: the shared tables
(`tables`), text, Markdown, CSV and JSON (`text`), a read report (`read_report`), the page kit
(`page`) and the pages built on it (`audit_html`, `nightly_html`, `acta_html`,
`link_history`)."""
