-- A query workload for the SQLite shell, read from stdin: inserts from a recursive CTE, an index, a join
-- with grouping, a window function, a LIKE scan, an update and a delete. Each statement prints one line.
CREATE TABLE item(id INTEGER PRIMARY KEY, grp INTEGER, name TEXT, price REAL, qty INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 320000)
INSERT INTO item SELECT i, i % 97, 'item-' || (i * 7919 % 100003), (i % 1000) / 7.0, i % 13 FROM n;
CREATE TABLE grp(id INTEGER PRIMARY KEY, label TEXT);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 96)
INSERT INTO grp SELECT i, 'group-' || i FROM n;
CREATE INDEX item_grp ON item(grp, price);
SELECT count(*), round(sum(price), 2), max(name) FROM item;
SELECT g.label, count(*), round(avg(i.price), 3), sum(i.qty) FROM item i JOIN grp g ON g.id = i.grp
  WHERE i.price > 50 GROUP BY g.label ORDER BY 3 DESC, 1 LIMIT 3;
SELECT sum(r) FROM (SELECT rank() OVER (PARTITION BY grp ORDER BY price DESC, id) AS r FROM item);
SELECT count(*) FROM item WHERE name LIKE '%77%';
UPDATE item SET price = price * 1.1 WHERE grp IN (SELECT id FROM grp WHERE label LIKE '%3%');
DELETE FROM item WHERE qty = 0;
SELECT count(*), round(sum(price), 2) FROM item;
SELECT grp, count(DISTINCT qty), min(name) FROM item GROUP BY grp HAVING count(*) > 1100 ORDER BY grp LIMIT 3;
