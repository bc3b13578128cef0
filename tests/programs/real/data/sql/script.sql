CREATE TABLE fruit(name TEXT PRIMARY KEY, color TEXT, price REAL);
INSERT INTO fruit VALUES ('apple','red',1.2),('banana','yellow',0.5),('cherry','red',3.0),('kiwi','green',0.8);
CREATE INDEX by_color ON fruit(color);
SELECT color, count(*), round(sum(price),2) FROM fruit GROUP BY color ORDER BY color;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000)
  INSERT INTO fruit SELECT 'f' || i, CASE i % 3 WHEN 0 THEN 'red' WHEN 1 THEN 'green' ELSE 'blue' END, i / 100.0 FROM n;
SELECT count(*), round(avg(price), 3), min(name), max(name) FROM fruit;
BEGIN;
UPDATE fruit SET price = price * 2 WHERE color = 'red';
DELETE FROM fruit WHERE name LIKE 'f1%';
COMMIT;
SELECT color, count(*), round(sum(price), 2) FROM fruit GROUP BY color ORDER BY 1;
CREATE TABLE log(id INTEGER PRIMARY KEY, msg TEXT);
INSERT INTO log(msg) SELECT name || ':' || color FROM fruit WHERE price > 15 ORDER BY name;
SELECT id, msg FROM log ORDER BY id DESC LIMIT 5;
SELECT json_object('n', count(*), 'colors', json_group_array(DISTINCT color)) FROM fruit;
.mode column
.headers on
SELECT name, color, price FROM fruit ORDER BY price DESC, name LIMIT 4;
.tables
SELECT * FROM nosuchtable;
SELECT 'after error';
