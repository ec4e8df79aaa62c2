"""Answering: backends draft from numbered evidence (``backends``), the verifier checks every
citation and quote (``verify``), plus prompt files, injection guards, chat follow-ups and
the timeline."""
