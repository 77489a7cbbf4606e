"""Every rendering of audits for people and files, split by output: the shared tables
(`tables`); text, Markdown, CSV and JSON (`text`); a read report (`read_report`); the page kit
(`page`) and the pages built on it (`audit_html`, `nightly_html`, `acta_html`); the nightly
run's mail and notes (`nightly_text`); one link's history (`link_history`)."""
