"""The subcommands of `auditor`, one module each (see auditor.cli)."""
