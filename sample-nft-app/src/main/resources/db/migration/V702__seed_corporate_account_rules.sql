-- The corporate-account opening rules as data: vouchers, elements and their published version 1.
INSERT INTO param_voucher (code, name) VALUES ('BUSINESS_LICENSE', '营业执照'), ('PERSON_ID', '关联人身份证件'),
    ('BENEFICIAL_OWNER', '受益所有人声明');

INSERT INTO param_element (voucher_code, code, name, source_type, source_path, rule_type, rule_args, message)
VALUES ('BUSINESS_LICENSE', 'CREDIT_CODE_CHECK', '统一社会信用代码校验', 'APPLICATION', 'creditCode', 'CHECKSUM', '{"type":"GB32100"}', '统一社会信用代码校验位错误');
INSERT INTO param_element (voucher_code, code, name, source_type, source_path, rule_type, rule_args, message)
VALUES ('BUSINESS_LICENSE', 'COMPANY_NAME_REQUIRED', '企业名称', 'APPLICATION', 'companyName', 'REQUIRED', '{}', '企业名称必填');
INSERT INTO param_element (voucher_code, code, name, source_type, source_path, rule_type, rule_args, message)
VALUES ('BUSINESS_LICENSE', 'OPERATING_STATUS', '经营状态', 'THIRD_PARTY', 'registry.status', 'ENUM', '{"mode":"ALLOW","values":"ACTIVE"}', '企业经营状态异常');
INSERT INTO param_element (voucher_code, code, name, source_type, source_path, rule_type, rule_args, message)
VALUES ('PERSON_ID', 'LEGAL_REP_AGE', '法人年龄', 'PERSON', 'LEGAL_REPRESENTATIVE.age', 'RANGE', '{"min":"18","max":"70"}', '法人年龄须在 18 至 70 周岁之间');
INSERT INTO param_element (voucher_code, code, name, source_type, source_path, rule_type, rule_args, message)
VALUES ('PERSON_ID', 'NATIONALITY', '国籍', 'PERSON', 'ANY.nationality', 'ENUM', '{"mode":"DENY","values":"PRK,IRN"}', '国籍在禁止名单中');
INSERT INTO param_element (voucher_code, code, name, source_type, source_path, rule_type, rule_args, message)
VALUES ('PERSON_ID', 'ID_EXPIRY', '证件有效期', 'PERSON', 'ANY.idExpiry', 'DATE_NOT_BEFORE', '{"warnDays":"30"}', '证件已过期或即将到期');
INSERT INTO param_element (voucher_code, code, name, source_type, source_path, rule_type, rule_args, message)
VALUES ('PERSON_ID', 'ID_NUMBER_CHECK', '身份证号校验', 'PERSON', 'ANY.idNumber', 'CHECKSUM', '{"type":"GB11643"}', '身份证号码校验位错误');
INSERT INTO param_element (voucher_code, code, name, source_type, source_path, rule_type, rule_args, message)
VALUES ('BENEFICIAL_OWNER', 'BENEFICIAL_OWNER_REQUIRED', '受益人', 'PERSON', 'BENEFICIAL_OWNER.name', 'REQUIRED', '{}', '至少登记一名受益人');

INSERT INTO param_business_type (code, name, voucher_codes)
VALUES ('CORP_ACCOUNT_OPEN', '对公开户', 'BUSINESS_LICENSE,PERSON_ID,BENEFICIAL_OWNER');

-- The same elements as the snapshot an administrator's first change would publish.
INSERT INTO param_rule_set_version (business_type, rule_version, snapshot, published_at, published_by)
VALUES ('CORP_ACCOUNT_OPEN', 1, '[{"voucherCode":"BUSINESS_LICENSE","code":"CREDIT_CODE_CHECK","name":"统一社会信用代码校验","sourceType":"APPLICATION","sourcePath":"creditCode","ruleType":"CHECKSUM","args":{"type":"GB32100"},"message":"统一社会信用代码校验位错误"},{"voucherCode":"BUSINESS_LICENSE","code":"COMPANY_NAME_REQUIRED","name":"企业名称","sourceType":"APPLICATION","sourcePath":"companyName","ruleType":"REQUIRED","args":{},"message":"企业名称必填"},{"voucherCode":"BUSINESS_LICENSE","code":"OPERATING_STATUS","name":"经营状态","sourceType":"THIRD_PARTY","sourcePath":"registry.status","ruleType":"ENUM","args":{"mode":"ALLOW","values":"ACTIVE"},"message":"企业经营状态异常"},{"voucherCode":"PERSON_ID","code":"LEGAL_REP_AGE","name":"法人年龄","sourceType":"PERSON","sourcePath":"LEGAL_REPRESENTATIVE.age","ruleType":"RANGE","args":{"min":"18","max":"70"},"message":"法人年龄须在 18 至 70 周岁之间"},{"voucherCode":"PERSON_ID","code":"NATIONALITY","name":"国籍","sourceType":"PERSON","sourcePath":"ANY.nationality","ruleType":"ENUM","args":{"mode":"DENY","values":"PRK,IRN"},"message":"国籍在禁止名单中"},{"voucherCode":"PERSON_ID","code":"ID_EXPIRY","name":"证件有效期","sourceType":"PERSON","sourcePath":"ANY.idExpiry","ruleType":"DATE_NOT_BEFORE","args":{"warnDays":"30"},"message":"证件已过期或即将到期"},{"voucherCode":"PERSON_ID","code":"ID_NUMBER_CHECK","name":"身份证号校验","sourceType":"PERSON","sourcePath":"ANY.idNumber","ruleType":"CHECKSUM","args":{"type":"GB11643"},"message":"身份证号码校验位错误"},{"voucherCode":"BENEFICIAL_OWNER","code":"BENEFICIAL_OWNER_REQUIRED","name":"受益人","sourceType":"PERSON","sourcePath":"BENEFICIAL_OWNER.name","ruleType":"REQUIRED","args":{},"message":"至少登记一名受益人"}]', '2026-01-01 00:00:00.000', 'seed');
