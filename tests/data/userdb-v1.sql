-- A user.db as version 1 of the app wrote it: two saved scenarios, two bookmarks and a setting.
-- tst_userdatabase migrates it to the current schema and checks that nothing is lost.
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE scenarios (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, workload_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, page TEXT NOT NULL, anchor TEXT NOT NULL DEFAULT '', title TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (page, anchor));
INSERT INTO settings VALUES ('theme', 'dark');
INSERT INTO scenarios VALUES (1, 'Support bot — EU', '{"requests_per_day":10000,"input_tokens_per_request":1500,"output_tokens_per_request":400}', '2026-03-01T10:00:00Z', '2026-03-02T11:00:00Z');
INSERT INTO scenarios VALUES (2, 'Nightly batch', '{"requests_per_day":5000,"input_tokens_per_request":800,"output_tokens_per_request":600,"batch_share":1}', '2026-03-05T09:00:00Z', '2026-03-05T09:00:00Z');
INSERT INTO bookmarks VALUES (1, '02-AWS/02-Bedrock-Quick-Start.md', 'troubleshooting', 'Bedrock troubleshooting', '2026-03-03T08:00:00Z');
INSERT INTO bookmarks VALUES (2, 'GLOSSARY.md', '', 'Glossary', '2026-03-04T08:00:00Z');
PRAGMA user_version = 1;
