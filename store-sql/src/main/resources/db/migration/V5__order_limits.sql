-- What each customer's open orders hold per delivery date, so that placing can enforce the hoarding limits
-- (open cash-on-delivery orders, units of one product) with conditional UPDATEs inside the placing transaction,
-- exactly like the stock reservation: the row lock makes concurrent placements of one customer take turns, and the
-- condition is checked against the committed count. Cancelling, failing or delivering an order takes it off in the
-- transaction that changes its status. Portable SQL for H2 2.x and PostgreSQL 15.

-- Open cash-on-delivery orders of a customer for a delivery date.
CREATE TABLE customer_day_orders (
    user_id          VARCHAR(100) NOT NULL,
    delivery_date    DATE         NOT NULL,
    open_cash_orders INTEGER      NOT NULL,
    CONSTRAINT customer_day_orders_pk PRIMARY KEY (user_id, delivery_date),
    CONSTRAINT customer_day_orders_count_ck CHECK (open_cash_orders >= 0)
);

-- Units of one dairy's product that a customer's open orders hold for a delivery date.
CREATE TABLE customer_day_units (
    user_id       VARCHAR(100) NOT NULL,
    delivery_date DATE         NOT NULL,
    vendor_id     VARCHAR(100) NOT NULL,
    product_id    VARCHAR(100) NOT NULL,
    units         INTEGER      NOT NULL,
    CONSTRAINT customer_day_units_pk PRIMARY KEY (user_id, delivery_date, vendor_id, product_id),
    CONSTRAINT customer_day_units_ck CHECK (units >= 0)
);

-- Orders placed before the limits existed count from the start.
INSERT INTO customer_day_orders (user_id, delivery_date, open_cash_orders)
SELECT user_id, delivery_date, COUNT(*) FROM orders
WHERE status IN ('PaymentPending', 'Pending', 'Confirmed', 'Processing', 'OutForDelivery')
  AND payment_method = 'CashOnDelivery'
GROUP BY user_id, delivery_date;

INSERT INTO customer_day_units (user_id, delivery_date, vendor_id, product_id, units)
SELECT o.user_id, o.delivery_date, l.vendor_id, l.product_id, SUM(l.quantity)
FROM orders o JOIN order_lines l ON l.order_id = o.order_id
WHERE o.status IN ('PaymentPending', 'Pending', 'Confirmed', 'Processing', 'OutForDelivery')
GROUP BY o.user_id, o.delivery_date, l.vendor_id, l.product_id;
