"""The shared kit of the pages: page set-up and guard (page.PageContext), URL state, identity, the store,
navigation and sidebar, editing and change history, downloads and small widgets."""
