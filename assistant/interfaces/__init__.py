"""Interfaces: the ``assistant`` CLI, the HTTP server with its web page, and the MCP server,
all thin clients of :class:`assistant.service.Assistant`."""
