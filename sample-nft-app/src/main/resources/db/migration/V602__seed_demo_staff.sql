-- Demo branch staff for dev runs and tests (password of each: Demo-Pass-2026; replace in production).
-- Hashes: PBKDF2-HMAC-SHA256, 210000 iterations, random 16-byte salt each.
INSERT INTO onb_staff (id, login_name, name, branch_code, roles, password_hash) VALUES
    (1, 'officer.a1', '网点A 柜员一', 'BR001', 'OFFICER', 'pbkdf2-sha256$210000$tDEmeG5FE1pnpdTKaChzDQ==$zjztjMRUxqzqKlYbQ6Ru7ZGsE8w8IybgLr2FlYux7q0='),
    (2, 'officer.a2', '网点A 柜员二', 'BR001', 'OFFICER', 'pbkdf2-sha256$210000$6v6TbcDDQeWfCuu+Jl3G/Q==$ER1pquxLxaD5FL1obM6E0j67qIUX5MC/dskJcvdCXPo='),
    (3, 'officer.b1', '网点B 柜员一', 'BR002', 'OFFICER', 'pbkdf2-sha256$210000$vvkX4Nm525WxQobkj0gpJQ==$EFKYLFZvipsC9+2D+9+DLAxFsOMkPut1fA200qJbVdk='),
    (9, 'admin', '参数管理员', 'HQ', 'ADMIN', 'pbkdf2-sha256$210000$yb02/Y8mQSwLpOkhvKt7IQ==$+BNMlFYKEM4MYq3AeJxKc1XAG2IXp6j7G4FiqbVuopM=');
