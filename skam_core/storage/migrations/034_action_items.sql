-- Action items of a steering-committee decision. An agreed action item is a milestone of the plan (its title,
-- owner, due date and status live there, so it appears among the account's milestones and is tracked like
-- them); this table only says which decision it carries out.
CREATE TABLE action_items (
    id           VARCHAR NOT NULL,
    customer_id  VARCHAR NOT NULL,
    decision_id  VARCHAR NOT NULL,
    milestone_id VARCHAR NOT NULL,
    is_deleted   BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from   TIMESTAMP NOT NULL,
    valid_to     TIMESTAMP,
    changed_by   VARCHAR NOT NULL
);
