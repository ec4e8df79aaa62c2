"""Retrieval: hybrid dense + lexical (bm25s) search over the store's committed chunks
(:mod:`assistant.retrieval.hybrid`); its weights are ``settings.retrieval``."""
