-- Onboarding: branch staff, corporate-account applications, their persons, transitions and reviews.
-- utf8mb4 explicitly: names and rule messages are Chinese, and a MariaDB default of latin1 would reject them.
CREATE TABLE onb_staff (
    id BIGINT NOT NULL,
    login_name VARCHAR(64) NOT NULL,
    name VARCHAR(100) NOT NULL,
    branch_code VARCHAR(20) NOT NULL,
    roles VARCHAR(100) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_onb_staff_login UNIQUE (login_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE onb_application (
    id BIGINT NOT NULL AUTO_INCREMENT,
    appointment_no VARCHAR(40) NOT NULL,
    credit_code VARCHAR(18) NOT NULL,
    company_name VARCHAR(200) NOT NULL,
    branch_code VARCHAR(20) NOT NULL,
    business_type VARCHAR(40) NOT NULL,
    channel VARCHAR(40) NOT NULL,
    status VARCHAR(20) NOT NULL,
    rule_version INT,
    id_expiry_flag BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_onb_application_no UNIQUE (appointment_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX idx_onb_application_branch ON onb_application (branch_code, status, id);

CREATE TABLE onb_related_person (
    id BIGINT NOT NULL AUTO_INCREMENT,
    application_id BIGINT NOT NULL,
    person_role VARCHAR(30) NOT NULL,
    name VARCHAR(100) NOT NULL,
    nationality VARCHAR(3) NOT NULL,
    id_type VARCHAR(20) NOT NULL,
    id_number VARCHAR(40) NOT NULL,
    birth_date DATE NOT NULL,
    id_expiry DATE,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX idx_onb_person_application ON onb_related_person (application_id);
CREATE INDEX idx_onb_person_expiry ON onb_related_person (id_expiry);

CREATE TABLE onb_transition (
    id BIGINT NOT NULL AUTO_INCREMENT,
    application_id BIGINT NOT NULL,
    action VARCHAR(30) NOT NULL,
    from_status VARCHAR(20) NOT NULL,
    to_status VARCHAR(20) NOT NULL,
    actor VARCHAR(64) NOT NULL,
    comment VARCHAR(500),
    occurred_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX idx_onb_transition_application ON onb_transition (application_id, id);

CREATE TABLE onb_review (
    id BIGINT NOT NULL AUTO_INCREMENT,
    application_id BIGINT NOT NULL,
    rule_version INT NOT NULL,
    report MEDIUMTEXT NOT NULL,
    officer VARCHAR(64) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX idx_onb_review_application ON onb_review (application_id, id);
