-- PostgreSQL only (a DuckDB store records this number with nothing to do).
--
-- A change counter for the caches of several app processes: every committed write transaction draws a number
-- (storage.db.Store.transaction, after the commit), and each process keys its page caches by the latest
-- number, so that a write in one process shows in the others (storage.db.Store.changes).
CREATE SEQUENCE IF NOT EXISTS store_changes;

-- DuckDB finds rows through its zone maps and needs no index (its ART indexes would slow the large imports);
-- PostgreSQL scans the whole table without one. The reads of one account or one customer's months:
CREATE INDEX IF NOT EXISTS financials_customer_month ON financials (customer_id, month);
CREATE INDEX IF NOT EXISTS customers_customer ON customers (customer_id);
CREATE INDEX IF NOT EXISTS kpi_entries_customer ON kpi_entries (customer_id, kpi_id);
