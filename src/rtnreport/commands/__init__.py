"""The bodies of the CLI commands: plain functions, usable from Python."""
