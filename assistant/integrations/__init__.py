"""Adapters that plug the assistant into other frameworks (llama-index)."""
