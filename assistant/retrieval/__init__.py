"""Retrieval: hybrid dense + lexical search over the store's chunks (``hybrid``)."""
