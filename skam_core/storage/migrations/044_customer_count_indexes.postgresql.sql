-- PostgreSQL only (DuckDB scans 100,000 customers in about a millisecond): the count of the customers visible
-- at a past instant (storage/queries/customers.py, customer_count; the profit page and the steering pack read
-- it on every view) as the current count minus the current versions made after the instant plus the versions
-- closed after it, so that only the versions changed since are visited, not every version with its
-- visibility test (~30-80 ms at 100,000 customers, ~10 ms this way).
CREATE INDEX IF NOT EXISTS customers_current_since ON customers (valid_from) WHERE valid_to IS NULL AND NOT is_deleted;
CREATE INDEX IF NOT EXISTS customers_closed_at ON customers (valid_to) WHERE valid_to IS NOT NULL AND NOT is_deleted;
