-- Orders, their lines, the idempotency keys that placed them, and each customer's order count and points.
-- Portable SQL for H2 2.x and PostgreSQL 15; ${sort_collation} as in V1 for columns that lists sort by.
--
-- Placing an order writes all four tables and the inventory rows in one transaction; an order and its lines are
-- one aggregate (hence the child foreign key), the other tables refer to it by id only. Amounts are NUMERIC(12,2)
-- rupees, loyalty points whole numbers.

CREATE TABLE orders (
    order_id               VARCHAR(100)  ${sort_collation} NOT NULL,
    user_id                VARCHAR(100)  NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    delivery_date          DATE          NOT NULL,
    payment_method         VARCHAR(40)   NOT NULL,
    address_id             VARCHAR(100)  NOT NULL,
    address_label          VARCHAR(80)   NOT NULL,
    address_line1          VARCHAR(400)  NOT NULL,
    address_line2          VARCHAR(400)  NOT NULL,
    city                   VARCHAR(200)  NOT NULL,
    state                  VARCHAR(200)  NOT NULL,
    zip_code               VARCHAR(12)   NOT NULL,
    subtotal               NUMERIC(12,2) NOT NULL,
    cgst                   NUMERIC(12,2) NOT NULL,
    sgst                   NUMERIC(12,2) NOT NULL,
    tax                    NUMERIC(12,2) NOT NULL,
    base_delivery_charge   NUMERIC(12,2) NOT NULL,
    multi_vendor_surcharge NUMERIC(12,2) NOT NULL,
    delivery_charge        NUMERIC(12,2) NOT NULL,
    first_order_discount   NUMERIC(12,2) NOT NULL,
    points_redeemed        INTEGER       NOT NULL,
    discount               NUMERIC(12,2) NOT NULL,
    total_amount           NUMERIC(12,2) NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT        NOT NULL,
    CONSTRAINT orders_pk PRIMARY KEY (order_id)
);
-- Newest first, (created_at, order_id) descending: all orders, a customer's, and the back office's filters.
CREATE INDEX orders_newest_ix ON orders (created_at, order_id);
CREATE INDEX orders_user_newest_ix ON orders (user_id, created_at, order_id);
CREATE INDEX orders_status_newest_ix ON orders (status, created_at, order_id);
CREATE INDEX orders_delivery_date_newest_ix ON orders (delivery_date, created_at, order_id);
CREATE INDEX orders_zip_code_newest_ix ON orders (zip_code, created_at, order_id);

-- created_at and delivery_date are copied from the order (they never change), so that a vendor's lines are read
-- newest first straight from the vendor index; the status, which changes, is joined from orders.
CREATE TABLE order_lines (
    order_id      VARCHAR(100)  ${sort_collation} NOT NULL,
    line_no       INTEGER       NOT NULL,
    product_id    VARCHAR(100)  ${sort_collation} NOT NULL,
    vendor_id     VARCHAR(100)  NOT NULL,
    vendor_name   VARCHAR(200)  NOT NULL,
    product_name  VARCHAR(200)  NOT NULL,
    unit          VARCHAR(60)   NOT NULL,
    quantity      INTEGER       NOT NULL,
    unit_price    NUMERIC(12,2) NOT NULL,
    total_price   NUMERIC(12,2) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    delivery_date DATE          NOT NULL,
    CONSTRAINT order_lines_pk PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_product_uq UNIQUE (order_id, vendor_id, product_id),
    CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (order_id) ON DELETE CASCADE,
    CONSTRAINT order_lines_quantity_ck CHECK (quantity >= 1)
);
CREATE INDEX order_lines_vendor_newest_ix ON order_lines (vendor_id, created_at, order_id, product_id);
CREATE INDEX order_lines_vendor_date_newest_ix ON order_lines (vendor_id, delivery_date, created_at, order_id, product_id);

-- A customer's Idempotency-Key, claimed by the first insert: a concurrent second insert waits for the first
-- transaction and fails if it commits. Kept at least 24 hours; created_at serves a later purge.
CREATE TABLE idempotency_keys (
    user_id         VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(128) NOT NULL,
    order_id        VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_ix ON idempotency_keys (created_at);

-- A customer without a row has placed no order and holds no points.
CREATE TABLE customer_stats (
    user_id        VARCHAR(100) NOT NULL,
    order_count    INTEGER      NOT NULL,
    loyalty_points INTEGER      NOT NULL,
    CONSTRAINT customer_stats_pk PRIMARY KEY (user_id),
    CONSTRAINT customer_stats_order_count_ck CHECK (order_count >= 0),
    CONSTRAINT customer_stats_points_ck CHECK (loyalty_points >= 0)
);
