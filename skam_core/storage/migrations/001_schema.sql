-- The schema for all five SKAM steps.
--
-- Versioning (see DESIGN.md, store semantics): every editable table keeps row versions. A version is valid from
-- valid_from (inclusive) to valid_to (exclusive; NULL = current) and records who wrote it in changed_by. An edit
-- closes the current version and inserts the next in one transaction; a removal inserts a version with
-- is_deleted = TRUE so that who removed what stays on record. Timestamps are UTC.
--
-- No primary keys or unique indexes: an entity has many versions, DuckDB's ART indexes would slow the large
-- financial imports, and uniqueness of the *current* version is guarded by the write functions inside their
-- transaction (DuckDB's optimistic concurrency turns a racing second writer into a conflict that is retried).

-- Users and roles. user_id is the lower-case e-mail address.
CREATE TABLE users (
    user_id      VARCHAR NOT NULL,
    display_name VARCHAR NOT NULL,
    role         VARCHAR NOT NULL,          -- viewer | account_manager | admin
    is_deleted   BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from   TIMESTAMP NOT NULL,
    valid_to     TIMESTAMP,
    changed_by   VARCHAR NOT NULL
);

-- Customers. Key accounts are those with skam_stage <> 'none'; skam_start is the date the plan was agreed.
CREATE TABLE customers (
    customer_id     VARCHAR NOT NULL,
    name            VARCHAR NOT NULL,
    industry        VARCHAR,
    region          VARCHAR,
    country         VARCHAR,
    segment         VARCHAR,
    skam_stage      VARCHAR NOT NULL DEFAULT 'none',
    skam_start      DATE,
    account_manager VARCHAR,
    is_deleted      BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from      TIMESTAMP NOT NULL,
    valid_to        TIMESTAMP,
    changed_by      VARCHAR NOT NULL
);

-- Monthly financials per customer; month is the first day of the month. Versioned like everything else:
-- a re-import adds a version only where a value changed.
CREATE TABLE financials (
    customer_id      VARCHAR NOT NULL,
    month            DATE NOT NULL,
    revenue          DOUBLE NOT NULL,
    operating_profit DOUBLE NOT NULL,
    valid_from       TIMESTAMP NOT NULL,
    valid_to         TIMESTAMP,
    changed_by       VARCHAR NOT NULL
);

-- Step 2, our side: our strategic capabilities/priorities (columns of the fit matrix) ...
CREATE TABLE capabilities (
    id          VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    description VARCHAR,
    kind        VARCHAR NOT NULL DEFAULT 'capability',   -- capability | priority
    strength    INTEGER,                                 -- 1..5, how strong we are today
    is_project_capability BOOLEAN NOT NULL DEFAULT FALSE, -- can we run projects of this kind reliably?
    sort_order  INTEGER NOT NULL DEFAULT 0,
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from  TIMESTAMP NOT NULL,
    valid_to    TIMESTAMP,
    changed_by  VARCHAR NOT NULL
);

-- ... and the delivery capacity we can give to key-account projects, per quarter ('YYYY-Qn').
CREATE TABLE delivery_capacity (
    quarter      VARCHAR NOT NULL,
    person_days  DOUBLE NOT NULL,
    note         VARCHAR,
    is_deleted   BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from   TIMESTAMP NOT NULL,
    valid_to     TIMESTAMP,
    changed_by   VARCHAR NOT NULL
);

-- Step 1: Porter's five forces as they act on the customer, scored 1 (weak) .. 5 (strong).
CREATE TABLE competitive_forces (
    customer_id VARCHAR NOT NULL,
    force       VARCHAR NOT NULL,   -- rivalry | new_entrants | substitutes | buyer_power | supplier_power
    score       INTEGER NOT NULL,
    evidence    VARCHAR,
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from  TIMESTAMP NOT NULL,
    valid_to    TIMESTAMP,
    changed_by  VARCHAR NOT NULL
);

-- Step 1: the customer's own key customers and markets.
CREATE TABLE customer_markets (
    id          VARCHAR NOT NULL,
    customer_id VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,     -- who (a customer of the customer, or a market)
    demand      VARCHAR,              -- what they demand
    trend       VARCHAR,              -- growing | stable | declining
    share_pct   DOUBLE,               -- share of the customer's business, if known
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from  TIMESTAMP NOT NULL,
    valid_to    TIMESTAMP,
    changed_by  VARCHAR NOT NULL
);

-- Step 1: what sets the customer apart (offered exclusively or better than its competitors).
CREATE TABLE strategy_components (
    id          VARCHAR NOT NULL,
    customer_id VARCHAR NOT NULL,
    component   VARCHAR NOT NULL,
    description VARCHAR,
    exclusive   BOOLEAN NOT NULL DEFAULT FALSE,  -- offered exclusively (TRUE) or in superior form (FALSE)
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from  TIMESTAMP NOT NULL,
    valid_to    TIMESTAMP,
    changed_by  VARCHAR NOT NULL
);

-- Step 1: the customer's weighted strategic priorities (rows of the fit matrix).
CREATE TABLE strategic_priorities (
    id          VARCHAR NOT NULL,
    customer_id VARCHAR NOT NULL,
    priority    VARCHAR NOT NULL,
    weight      DOUBLE NOT NULL,      -- relative weight > 0
    sort_order  INTEGER NOT NULL DEFAULT 0,
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from  TIMESTAMP NOT NULL,
    valid_to    TIMESTAMP,
    changed_by  VARCHAR NOT NULL
);

-- Step 2: the fit matrix, customer priority x our capability, scored 0..3.
CREATE TABLE fit_scores (
    customer_id   VARCHAR NOT NULL,
    priority_id   VARCHAR NOT NULL,
    capability_id VARCHAR NOT NULL,
    score         INTEGER NOT NULL,
    note          VARCHAR,
    is_deleted    BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from    TIMESTAMP NOT NULL,
    valid_to      TIMESTAMP,
    changed_by    VARCHAR NOT NULL
);

-- Step 2: new business that follows from the fit.
CREATE TABLE opportunities (
    id                  VARCHAR NOT NULL,
    customer_id         VARCHAR NOT NULL,
    title               VARCHAR NOT NULL,
    type                VARCHAR NOT NULL,  -- product | joint_project | service | new_market | new_region
    description         VARCHAR,
    customer_value_eur  DOUBLE,            -- the customer's benefit per year
    our_revenue_eur     DOUBLE,            -- our additional revenue per year
    our_margin_pct      DOUBLE,            -- our contribution margin on that revenue, before the project effort
    effort_person_days  DOUBLE,            -- our internal effort to deliver it
    effort_cost_eur     DOUBLE,
    start_month         DATE,
    duration_months     INTEGER,
    capability_id       VARCHAR,           -- the project capability it needs
    copy_risk           INTEGER,           -- 1 (hard to copy) .. 5 (easy to copy)
    copy_risk_reason    VARCHAR,
    is_deleted          BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from          TIMESTAMP NOT NULL,
    valid_to            TIMESTAMP,
    changed_by          VARCHAR NOT NULL
);

-- Step 3: the value proposition, component by component, and where each stands after customer feedback.
CREATE TABLE value_items (
    id                    VARCHAR NOT NULL,
    customer_id           VARCHAR NOT NULL,
    opportunity_id        VARCHAR,
    title                 VARCHAR NOT NULL,
    customer_benefit_eur  DOUBLE,          -- quantified benefit for the customer per year
    status                VARCHAR NOT NULL DEFAULT 'draft', -- draft | proposed | accepted | partly_accepted | declined
    sequence_no           INTEGER,          -- place in the proposed sequence
    note                  VARCHAR,
    is_deleted            BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from            TIMESTAMP NOT NULL,
    valid_to              TIMESTAMP,
    changed_by            VARCHAR NOT NULL
);

-- Step 4: everyone at the customer who judges the offer.
CREATE TABLE stakeholders (
    id                       VARCHAR NOT NULL,
    customer_id              VARCHAR NOT NULL,
    name                     VARCHAR NOT NULL,
    job_title                VARCHAR,
    function                 VARCHAR NOT NULL,  -- management | finance | rnd | production | purchasing | ...
    influence                INTEGER NOT NULL,  -- 1..5
    attitude                 INTEGER NOT NULL,  -- -2 (opposed) .. +2 (champion)
    long_term_responsibility BOOLEAN NOT NULL DEFAULT FALSE,
    last_contact             DATE,
    our_contact              VARCHAR,           -- who on our side keeps the relationship
    is_deleted               BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from               TIMESTAMP NOT NULL,
    valid_to                 TIMESTAMP,
    changed_by               VARCHAR NOT NULL
);

CREATE TABLE customer_feedback (
    id             VARCHAR NOT NULL,
    customer_id    VARCHAR NOT NULL,
    received_on    DATE NOT NULL,
    stakeholder_id VARCHAR,
    from_name      VARCHAR,
    text           VARCHAR NOT NULL,
    sentiment      INTEGER NOT NULL DEFAULT 0,  -- -1 negative, 0 neutral, +1 positive
    value_item_id  VARCHAR,                      -- the component the feedback is about, if any
    is_deleted     BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from     TIMESTAMP NOT NULL,
    valid_to       TIMESTAMP,
    changed_by     VARCHAR NOT NULL
);

-- Step 4: the Strategic Key Account Plan.
CREATE TABLE plan_versions (
    id               VARCHAR NOT NULL,
    customer_id      VARCHAR NOT NULL,
    version_no       INTEGER NOT NULL,
    title            VARCHAR NOT NULL,
    status           VARCHAR NOT NULL DEFAULT 'draft', -- draft | agreed | superseded
    agreed_on        DATE,                             -- date agreed with the customer
    customer_sees    VARCHAR,                          -- which parts the customer sees (comma-separated)
    summary          VARCHAR,
    is_deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from       TIMESTAMP NOT NULL,
    valid_to         TIMESTAMP,
    changed_by       VARCHAR NOT NULL
);

CREATE TABLE plan_objectives (
    id                  VARCHAR NOT NULL,
    customer_id         VARCHAR NOT NULL,
    objective           VARCHAR NOT NULL,
    measure             VARCHAR,
    due                 DATE,
    visible_to_customer BOOLEAN NOT NULL DEFAULT TRUE,
    sort_order          INTEGER NOT NULL DEFAULT 0,
    is_deleted          BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from          TIMESTAMP NOT NULL,
    valid_to            TIMESTAMP,
    changed_by          VARCHAR NOT NULL
);

CREATE TABLE team_members (
    id             VARCHAR NOT NULL,
    customer_id    VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    side           VARCHAR NOT NULL,  -- ours | customer
    role           VARCHAR,           -- e.g. sponsor, account manager, project lead
    email          VARCHAR,
    on_steering_committee BOOLEAN NOT NULL DEFAULT FALSE,
    is_deleted     BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from     TIMESTAMP NOT NULL,
    valid_to       TIMESTAMP,
    changed_by     VARCHAR NOT NULL
);

-- RACI over the plan's items (objectives and milestones): who is Responsible, Accountable, Consulted, Informed.
CREATE TABLE raci (
    customer_id VARCHAR NOT NULL,
    member_id   VARCHAR NOT NULL,
    item_kind   VARCHAR NOT NULL,   -- objective | milestone
    item_id     VARCHAR NOT NULL,
    letter      VARCHAR NOT NULL,   -- R | A | C | I
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from  TIMESTAMP NOT NULL,
    valid_to    TIMESTAMP,
    changed_by  VARCHAR NOT NULL
);

-- Step 5: milestones of the plan.
CREATE TABLE milestones (
    id             VARCHAR NOT NULL,
    customer_id    VARCHAR NOT NULL,
    title          VARCHAR NOT NULL,
    owner          VARCHAR,
    start_date     DATE,
    due            DATE NOT NULL,
    status         VARCHAR NOT NULL DEFAULT 'open',  -- open | on_track | at_risk | delayed | done
    completed_on   DATE,
    opportunity_id VARCHAR,
    objective_id   VARCHAR,
    comment        VARCHAR,
    is_deleted     BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from     TIMESTAMP NOT NULL,
    valid_to       TIMESTAMP,
    changed_by     VARCHAR NOT NULL
);

-- KPI definitions of a plan.
CREATE TABLE kpi_definitions (
    id          VARCHAR NOT NULL,
    customer_id VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,          -- e.g. '%', 'EUR', 'days', 'count'
    direction   VARCHAR NOT NULL,          -- higher | lower (which way is better)
    min_value   DOUBLE,                    -- plausible range for entries (e.g. 0..100 for percentages)
    max_value   DOUBLE,
    source      VARCHAR,                   -- where the figure comes from
    description VARCHAR,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from  TIMESTAMP NOT NULL,
    valid_to    TIMESTAMP,
    changed_by  VARCHAR NOT NULL
);

-- Targets per KPI and period (first day of the month).
CREATE TABLE kpi_targets (
    kpi_id      VARCHAR NOT NULL,
    period      DATE NOT NULL,
    target      DOUBLE NOT NULL,
    is_deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from  TIMESTAMP NOT NULL,
    valid_to    TIMESTAMP,
    changed_by  VARCHAR NOT NULL
);

-- KPI entries are append-only: a correction is a newer entry for the same KPI and period.
CREATE TABLE kpi_entries (
    entry_id    VARCHAR NOT NULL,
    kpi_id      VARCHAR NOT NULL,
    customer_id VARCHAR NOT NULL,
    period      DATE NOT NULL,
    value       DOUBLE NOT NULL,
    comment     VARCHAR,
    entered_by  VARCHAR NOT NULL,
    entered_at  TIMESTAMP NOT NULL
);

-- Step 5: the joint steering committee.
CREATE TABLE steering_meetings (
    id                 VARCHAR NOT NULL,
    customer_id        VARCHAR NOT NULL,
    held_on            DATE NOT NULL,
    pinned_as_of       DATE NOT NULL,       -- the as-of date the meeting's pack and snapshot link show
    attendees_ours     VARCHAR,
    attendees_customer VARCHAR,
    summary            VARCHAR,
    next_meeting_on    DATE,
    is_deleted         BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from         TIMESTAMP NOT NULL,
    valid_to           TIMESTAMP,
    changed_by         VARCHAR NOT NULL
);

CREATE TABLE decisions (
    id            VARCHAR NOT NULL,
    customer_id   VARCHAR NOT NULL,
    meeting_id    VARCHAR,              -- NULL for a decision taken between meetings
    escalation_id VARCHAR,
    decided_on    DATE NOT NULL,
    text          VARCHAR NOT NULL,
    owner         VARCHAR,
    is_deleted    BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from    TIMESTAMP NOT NULL,
    valid_to      TIMESTAMP,
    changed_by    VARCHAR NOT NULL
);

CREATE TABLE escalations (
    id              VARCHAR NOT NULL,
    customer_id     VARCHAR NOT NULL,
    raised_on       DATE NOT NULL,
    raised_by       VARCHAR NOT NULL,
    problem         VARCHAR NOT NULL,
    owner           VARCHAR,
    decision_needed VARCHAR,
    due             DATE,
    status          VARCHAR NOT NULL DEFAULT 'open',  -- open | decided | closed
    decision        VARCHAR,
    decided_on      DATE,
    decided_by      VARCHAR,
    is_deleted      BOOLEAN NOT NULL DEFAULT FALSE,
    valid_from      TIMESTAMP NOT NULL,
    valid_to        TIMESTAMP,
    changed_by      VARCHAR NOT NULL
);
