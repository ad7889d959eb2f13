-- Due diligence (尽职调查) recorded by a branch officer: the checklist answers (JSON, derived from the
-- rule version the application was pre-reviewed under), findings, conclusion, who and when. Every
-- record is kept; the latest one counts. utf8mb4: findings are Chinese text.
CREATE TABLE onb_due_diligence (
    id BIGINT NOT NULL AUTO_INCREMENT,
    application_id BIGINT NOT NULL,
    rule_version INT NOT NULL,
    conclusion VARCHAR(20) NOT NULL,
    findings TEXT NOT NULL,
    checklist MEDIUMTEXT NOT NULL,
    officer VARCHAR(64) NOT NULL,
    recorded_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX idx_onb_due_diligence_application ON onb_due_diligence (application_id, id);
