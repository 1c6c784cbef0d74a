-- An order's timeline and its vendors' decisions; the outbox of notification emails.
-- Portable SQL for H2 2.x and PostgreSQL 15; ${sort_collation} as in V1 for columns that lists sort by.
--
-- The timeline and the decisions belong to the order aggregate (hence their foreign keys to orders): an entry is
-- written in the same transaction as the change it records, numbered after the order's last one while the order row
-- is locked (by the status UPDATE, or by SELECT ... FOR UPDATE for entries and decisions that change no status), so
-- numbers never clash. An email delivery is the outbox copy of one notification (its child, hence the foreign key),
-- written with it and then worked off by conditional UPDATEs on (status, attempts, next_attempt_at).

-- An order's history, seq 1, 2, 3... in the order written; never updated. status is the order's after the entry.
CREATE TABLE order_events (
    order_id VARCHAR(100)  ${sort_collation} NOT NULL,
    seq      BIGINT        NOT NULL,
    what     VARCHAR(60)   NOT NULL,
    status   VARCHAR(20)   NOT NULL,
    by_kind  VARCHAR(20)   NOT NULL,
    by_name  VARCHAR(200)  NOT NULL,
    note     VARCHAR(2000) NOT NULL,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT order_events_pk PRIMARY KEY (order_id, seq),
    CONSTRAINT order_events_order_fk FOREIGN KEY (order_id) REFERENCES orders (order_id) ON DELETE CASCADE,
    CONSTRAINT order_events_seq_ck CHECK (seq >= 1)
);

-- One decision per vendor and order: the primary key keeps the first. seq numbers an order's decisions in the
-- order they were made (1, 2, ...); the vendor's lines list joins the row on (order_id, vendor_id).
CREATE TABLE vendor_decisions (
    order_id   VARCHAR(100)  ${sort_collation} NOT NULL,
    vendor_id  VARCHAR(100)  NOT NULL,
    seq        BIGINT        NOT NULL,
    decision   VARCHAR(20)   NOT NULL,
    reason     VARCHAR(2000) NOT NULL,
    decided_by VARCHAR(200)  NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT vendor_decisions_pk PRIMARY KEY (order_id, vendor_id),
    CONSTRAINT vendor_decisions_seq_uq UNIQUE (order_id, seq),
    CONSTRAINT vendor_decisions_order_fk FOREIGN KEY (order_id) REFERENCES orders (order_id) ON DELETE CASCADE,
    CONSTRAINT vendor_decisions_seq_ck CHECK (seq >= 1)
);

-- The email copy of a notification on its way out. A sender claims the next attempt with
-- UPDATE ... SET attempts = attempts + 1, next_attempt_at = <lease> WHERE status = 'Pending' AND attempts = <seen>
-- AND next_attempt_at <= <now>, so that of racing senders exactly one gets each attempt; the attempt's end is
-- recorded only while attempts still equals its number. last_error is empty, not NULL, when there is none.
CREATE TABLE email_deliveries (
    notification_id VARCHAR(100)   ${sort_collation} NOT NULL,
    user_id         VARCHAR(100)   NOT NULL,
    to_address      VARCHAR(254)   NOT NULL,
    subject         VARCHAR(500)   NOT NULL,
    body            VARCHAR(20000) NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT email_deliveries_pk PRIMARY KEY (notification_id),
    CONSTRAINT email_deliveries_notification_fk FOREIGN KEY (notification_id)
        REFERENCES notifications (notification_id) ON DELETE CASCADE,
    CONSTRAINT email_deliveries_attempts_ck CHECK (attempts >= 0)
);
-- The senders' poll: pending deliveries, oldest due first.
CREATE INDEX email_deliveries_due_ix ON email_deliveries (status, next_attempt_at, notification_id);
-- The back office's outbox, newest first, (created_at, notification_id) descending, in one status or all.
CREATE INDEX email_deliveries_status_newest_ix ON email_deliveries (status, created_at, notification_id);
CREATE INDEX email_deliveries_newest_ix ON email_deliveries (created_at, notification_id);
