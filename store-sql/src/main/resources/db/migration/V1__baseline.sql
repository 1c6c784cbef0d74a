-- MilkRun baseline schema. Portable SQL for H2 2.x and PostgreSQL 15.
--
-- ${sort_collation} is a Flyway placeholder: COLLATE "C" on PostgreSQL, nothing on H2 (whose default compares like
-- Java's String.compareTo). Columns used in ORDER BY and keyset comparisons get it, so every database sorts them
-- the same way whatever its default locale, and the in-memory stores agree.
--
-- Each aggregate keeps its own tables; there are no foreign keys between aggregates (so that the same ports also
-- fit DynamoDB), only from a child table to its aggregate root.

CREATE TABLE users (
    user_id        VARCHAR(100) ${sort_collation} NOT NULL,
    email          VARCHAR(254) NOT NULL,
    name           VARCHAR(200) NOT NULL,
    phone          VARCHAR(32)  NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    email_verified BOOLEAN      NOT NULL,
    disabled       BOOLEAN      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (user_id),
    CONSTRAINT users_email_uq UNIQUE (email)
);
CREATE INDEX users_newest_ix ON users (created_at, user_id);
CREATE INDEX users_role_newest_ix ON users (role, created_at, user_id);

CREATE TABLE user_addresses (
    user_id    VARCHAR(100) ${sort_collation} NOT NULL,
    position   INTEGER      NOT NULL,
    address_id VARCHAR(100) NOT NULL,
    label      VARCHAR(80)  NOT NULL,
    line1      VARCHAR(400) NOT NULL,
    line2      VARCHAR(400) NOT NULL,
    city       VARCHAR(200) NOT NULL,
    state      VARCHAR(200) NOT NULL,
    zip_code   VARCHAR(12)  NOT NULL,
    is_default BOOLEAN      NOT NULL,
    CONSTRAINT user_addresses_pk PRIMARY KEY (user_id, position),
    CONSTRAINT user_addresses_user_fk FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);

CREATE TABLE credentials (
    user_id         VARCHAR(100) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    email_verified  BOOLEAN      NOT NULL,
    failed_attempts INTEGER      NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL,
    CONSTRAINT credentials_pk PRIMARY KEY (user_id),
    CONSTRAINT credentials_email_uq UNIQUE (email)
);

CREATE TABLE one_time_codes (
    user_id       VARCHAR(100) NOT NULL,
    purpose       VARCHAR(20)  NOT NULL,
    code_hash     VARCHAR(200) NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts_left INTEGER      NOT NULL,
    CONSTRAINT one_time_codes_pk PRIMARY KEY (user_id, purpose)
);

CREATE TABLE refresh_sessions (
    token_hash VARCHAR(200) NOT NULL,
    user_id    VARCHAR(100) NOT NULL,
    family_id  VARCHAR(100) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    CONSTRAINT refresh_sessions_pk PRIMARY KEY (token_hash)
);
CREATE INDEX refresh_sessions_family_ix ON refresh_sessions (family_id);
CREATE INDEX refresh_sessions_user_ix ON refresh_sessions (user_id);

-- generation is unique: the first key takes generation 1, so of racing processes exactly one insert succeeds.
CREATE TABLE signing_keys (
    key_id      VARCHAR(100)   NOT NULL,
    generation  INTEGER        NOT NULL,
    private_key VARCHAR(20000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signing_keys_pk PRIMARY KEY (key_id),
    CONSTRAINT signing_keys_generation_uq UNIQUE (generation)
);

CREATE TABLE notifications (
    notification_id VARCHAR(100) ${sort_collation} NOT NULL,
    user_id         VARCHAR(100)   NOT NULL,
    email           VARCHAR(254)   NOT NULL,
    kind            VARCHAR(40)    NOT NULL,
    subject         VARCHAR(500)   NOT NULL,
    body            VARCHAR(20000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notifications_pk PRIMARY KEY (notification_id)
);
CREATE INDEX notifications_newest_ix ON notifications (created_at, notification_id);
CREATE INDEX notifications_user_newest_ix ON notifications (user_id, created_at, notification_id);
CREATE INDEX notifications_email_newest_ix ON notifications (email, created_at, notification_id);

-- name_key is the name in lower case, written by the store, so that lists sort and page by it.
CREATE TABLE vendors (
    vendor_id     VARCHAR(100)  ${sort_collation} NOT NULL,
    owner_user_id VARCHAR(100)  NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    name_key      VARCHAR(200)  ${sort_collation} NOT NULL,
    description   VARCHAR(2000) NOT NULL,
    contact_email VARCHAR(254)  NOT NULL,
    contact_phone VARCHAR(32)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT vendors_pk PRIMARY KEY (vendor_id),
    CONSTRAINT vendors_owner_uq UNIQUE (owner_user_id)
);
CREATE INDEX vendors_name_ix ON vendors (name_key, vendor_id);
CREATE INDEX vendors_status_name_ix ON vendors (status, name_key, vendor_id);

CREATE TABLE vendor_pincodes (
    vendor_id VARCHAR(100) ${sort_collation} NOT NULL,
    position  INTEGER      NOT NULL,
    pincode   VARCHAR(12)  NOT NULL,
    CONSTRAINT vendor_pincodes_pk PRIMARY KEY (vendor_id, position),
    CONSTRAINT vendor_pincodes_vendor_fk FOREIGN KEY (vendor_id) REFERENCES vendors (vendor_id) ON DELETE CASCADE
);
CREATE INDEX vendor_pincodes_pincode_ix ON vendor_pincodes (pincode, vendor_id);

CREATE TABLE products (
    product_id  VARCHAR(100)  ${sort_collation} NOT NULL,
    vendor_id   VARCHAR(100)  NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    name_key    VARCHAR(200)  ${sort_collation} NOT NULL,
    category    VARCHAR(20)   NOT NULL,
    unit        VARCHAR(60)   NOT NULL,
    price       NUMERIC(12,2) NOT NULL,
    description VARCHAR(2000) NOT NULL,
    image_url   VARCHAR(1000) NOT NULL,
    active      BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT products_pk PRIMARY KEY (product_id),
    CONSTRAINT products_price_ck CHECK (price >= 0)
);
CREATE INDEX products_name_ix ON products (name_key, product_id);
CREATE INDEX products_vendor_name_ix ON products (vendor_id, name_key, product_id);
CREATE INDEX products_category_name_ix ON products (category, name_key, product_id);

-- 0 <= reserved <= stock holds in the database itself, whatever a writer does.
CREATE TABLE inventory (
    vendor_id  VARCHAR(100) NOT NULL,
    product_id VARCHAR(100) NOT NULL,
    stock      INTEGER      NOT NULL,
    reserved   INTEGER      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT inventory_pk PRIMARY KEY (vendor_id, product_id),
    CONSTRAINT inventory_reserved_ck CHECK (reserved >= 0),
    CONSTRAINT inventory_stock_ck CHECK (stock >= reserved)
);
