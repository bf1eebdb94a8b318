-- Plan content imported from a CRM or project tool (stakeholders, opportunities, milestones) carries the id the
-- source system gives it, so that a re-import updates the item instead of adding a second one: an item is
-- matched by (customer_id, external_id). NULL for items typed in on the dashboard. Plain ALTER TABLE, no index:
-- these tables hold a few thousand rows, and the import reads one account's current versions at a time.
ALTER TABLE stakeholders ADD COLUMN external_id VARCHAR;
ALTER TABLE opportunities ADD COLUMN external_id VARCHAR;
ALTER TABLE milestones ADD COLUMN external_id VARCHAR;
