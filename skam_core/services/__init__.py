"""Service functions: every write of the product goes through here, with the acting user and a permission
check against the current store state. Hiding a button in the UI is comfort; this is the check."""
