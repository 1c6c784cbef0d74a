-- A run's history, one row per write: the events a write appends to its run (a placed order's run worked ahead
-- writes about ten at once) are one row, a JSON array of {type, state, detail, at}, numbered first_seq..last_seq.
-- One row instead of one per event spares the database a heap tuple, an index entry and a foreign-key check per
-- event; the history is only ever read whole, oldest first. The DynamoDB stores keep it the same way (one history
-- item per write). V8 moves the rows of workflow_events here and drops that table.

CREATE TABLE workflow_history (
    run_id    VARCHAR(100)     ${sort_collation} NOT NULL,
    first_seq BIGINT           NOT NULL,
    last_seq  BIGINT           NOT NULL,
    events    VARCHAR(1000000) NOT NULL,
    CONSTRAINT workflow_history_pk PRIMARY KEY (run_id, first_seq),
    CONSTRAINT workflow_history_run_fk FOREIGN KEY (run_id) REFERENCES workflow_runs (run_id) ON DELETE CASCADE,
    CONSTRAINT workflow_history_seq_ck CHECK (first_seq >= 1 AND last_seq >= first_seq)
);
