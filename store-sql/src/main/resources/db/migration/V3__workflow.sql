-- Durable workflow runs (one per placed order, for now) and the history of each.
-- Portable SQL for H2 2.x and PostgreSQL 15; ${sort_collation} as in V1 for columns that lists sort by.
--
-- Every change of a run is a conditional UPDATE on (run_id, version), or for a claim on its status, due time and
-- lease, so that of two processes racing on one run exactly one change lands; the events written with a change go
-- in the same transaction, numbered after the run's last one while its row is locked. A run and its events are one
-- aggregate (hence the child foreign key); the order it is about is referred to by id only (subject_id).
-- JSON documents are VARCHAR rather than TEXT/CLOB: H2 maps TEXT to a CLOB, which it neither compares nor reads
-- like a string everywhere, and a run's state input stays far below a million characters.

CREATE TABLE workflow_runs (
    run_id          VARCHAR(100)     ${sort_collation} NOT NULL,
    workflow        VARCHAR(100)     NOT NULL,
    subject_id      VARCHAR(100)     NOT NULL,
    status          VARCHAR(20)      NOT NULL,
    current_state   VARCHAR(200)     NOT NULL,
    state_input     VARCHAR(1000000) NOT NULL,
    attempt         INTEGER          NOT NULL,
    retry_counts    VARCHAR(2000)    NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner     VARCHAR(200),
    lease_until     TIMESTAMP WITH TIME ZONE,
    error           VARCHAR(400),
    cause           VARCHAR(100000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT           NOT NULL,
    CONSTRAINT workflow_runs_pk PRIMARY KEY (run_id),
    CONSTRAINT workflow_runs_attempt_ck CHECK (attempt >= 0)
);
-- The engine's poll: running runs, oldest due first (the lease is checked on the rows found).
CREATE INDEX workflow_runs_due_ix ON workflow_runs (status, next_attempt_at, run_id);
-- A subject's newest run, and the back office's list newest first, (created_at, run_id) descending.
CREATE INDEX workflow_runs_subject_newest_ix ON workflow_runs (subject_id, created_at, run_id);
CREATE INDEX workflow_runs_newest_ix ON workflow_runs (created_at, run_id);
CREATE INDEX workflow_runs_status_newest_ix ON workflow_runs (status, created_at, run_id);

-- A run's history, seq 1, 2, 3... in the order written; never updated.
CREATE TABLE workflow_events (
    run_id VARCHAR(100)     ${sort_collation} NOT NULL,
    seq    BIGINT           NOT NULL,
    type   VARCHAR(40)      NOT NULL,
    state  VARCHAR(200),
    detail VARCHAR(1000000),
    at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT workflow_events_pk PRIMARY KEY (run_id, seq),
    CONSTRAINT workflow_events_run_fk FOREIGN KEY (run_id) REFERENCES workflow_runs (run_id) ON DELETE CASCADE,
    CONSTRAINT workflow_events_seq_ck CHECK (seq >= 1)
);
