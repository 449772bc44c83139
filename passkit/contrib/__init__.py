"""Integrations with other frameworks. Each submodule imports its framework, so import it only there."""
