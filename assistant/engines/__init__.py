"""Engines: the stateful parts behind the pipeline - the Chroma store, embedders, the BM25
index, the OpenAI-compatible HTTP client and the writer lock. No pipeline logic here."""
