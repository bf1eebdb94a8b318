-- One row per edited entity, touched by every versioned write of that entity in the writing transaction.
--
-- Versioned tables carry no unique key (an entity has many versions), so two transactions that create the
-- same entity at the same moment would both insert a "current" version without ever conflicting. Touching
-- the entity's lock row first makes DuckDB's optimistic concurrency see the collision (the second writer gets
-- a conflict and is retried), for new entities as for existing ones.
CREATE TABLE entity_locks (
    table_name VARCHAR NOT NULL,
    entity_key VARCHAR NOT NULL,
    touched    BIGINT NOT NULL,
    PRIMARY KEY (table_name, entity_key)
);
