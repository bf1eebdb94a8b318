"""The CLI beside a running dashboard: while the dashboard process holds the store file, a CLI command hands
its job to that process over a local, authenticated channel (``channel``: a Unix domain socket in a private
directory, found through an owner-only endpoint file next to the store, with a random token) and the dashboard
runs the very same command there (``server``), with the same service calls, checks, output and exit code."""
