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

-- What the financial aggregates (migration 030) were built from. DuckDB counts and scans its columns in a few
-- milliseconds for the aggregates' fingerprint (storage/queries/profit.py); PostgreSQL would scan 6 million rows
-- on every page read. Here every statement that changes financials or customers counts itself, in its own
-- transaction (so a reader never sees a count ahead of the rows), and the fingerprint reads two numbers.
CREATE TABLE table_changes (
    table_name VARCHAR PRIMARY KEY,
    changes    BIGINT NOT NULL
);
INSERT INTO table_changes VALUES ('financials', 0), ('customers', 0);

CREATE FUNCTION count_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE table_changes SET changes = changes + 1 WHERE table_name = TG_TABLE_NAME;
    RETURN NULL;
END
$$;

CREATE TRIGGER financials_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON financials
    FOR EACH STATEMENT EXECUTE FUNCTION count_table_change();
CREATE TRIGGER customers_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION count_table_change();
