-- Parameter management: vouchers, their elements, business types and published rule-set versions.
-- utf8mb4 explicitly: names and rule messages are Chinese, and a MariaDB default of latin1 would reject them.
CREATE TABLE param_voucher (
    code VARCHAR(40) NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE param_element (
    id BIGINT NOT NULL AUTO_INCREMENT,
    voucher_code VARCHAR(40) NOT NULL,
    code VARCHAR(40) NOT NULL,
    name VARCHAR(100) NOT NULL,
    source_type VARCHAR(20) NOT NULL,
    source_path VARCHAR(100) NOT NULL,
    rule_type VARCHAR(20) NOT NULL,
    rule_args VARCHAR(2000) NOT NULL,
    message VARCHAR(200),
    PRIMARY KEY (id),
    CONSTRAINT uk_param_element UNIQUE (voucher_code, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE param_business_type (
    code VARCHAR(40) NOT NULL,
    name VARCHAR(100) NOT NULL,
    voucher_codes VARCHAR(1000) NOT NULL,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Immutable: a version is inserted once and never updated; the unique key settles concurrent publishers.
CREATE TABLE param_rule_set_version (
    id BIGINT NOT NULL AUTO_INCREMENT,
    business_type VARCHAR(40) NOT NULL,
    rule_version INT NOT NULL,
    snapshot MEDIUMTEXT NOT NULL,
    published_at DATETIME(3) NOT NULL,
    published_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_param_rule_set_version UNIQUE (business_type, rule_version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
