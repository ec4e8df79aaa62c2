"""Ingest: load files (``loaders``), read metadata (``metadata``), mark page furniture
(``furniture``), extract each article's quotes (``ledger_index``) and write everything to the
store in one run (``pipeline``)."""
