-- A transient peak: a lasting table, queried; then one large result built in memory (about ten times the
-- table: every row of a generated series joined into one string), which SQLite frees when the statement
-- ends; then the lasting table again, twenty times over. scripts/memory-peaks runs it with the scale below raised to 25 to
-- show memory.discard giving the peak back (and with peak 0 for the resident memory without the peak).
CREATE TABLE scale(n INTEGER, peak INTEGER);
INSERT INTO scale VALUES (1, 1);
CREATE TABLE keep(id INTEGER PRIMARY KEY, v TEXT);
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 400 * (SELECT n FROM scale))
INSERT INTO keep SELECT i, printf('lasting %08d %.*c', i, 900 + i % 200, 'x') FROM k;
SELECT 'before', count(*), sum(length(v)), sum(unicode(substr(v, 12, 1))) FROM keep;
WITH RECURSIVE p(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM p WHERE i < 500 * (SELECT n * peak FROM scale))
SELECT 'peak', length(g), substr(g, 1, 20), substr(g, -20) FROM
  (SELECT group_concat(printf('temporary %08d %.*c', (i * 7919) % 100003, 8000 + i % 300, 'y'), ';') AS g FROM p);
WITH RECURSIVE r(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM r WHERE j < 20)
SELECT 'after', count(*), sum(length(v)), sum(unicode(substr(v, 12 + j % 3, 1))) FROM keep, r;
