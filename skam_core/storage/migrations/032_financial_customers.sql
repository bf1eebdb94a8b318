-- Every customer with financial rows and when its first row became known (rebuilt with the other financial
-- aggregates of migration 030). Lets the customer-dependent aggregates be rebuilt after an edit of a customer
-- without scanning all financial rows again.
CREATE TABLE agg_financial_customers (
    customer_id VARCHAR NOT NULL,
    first_known TIMESTAMP NOT NULL
);
