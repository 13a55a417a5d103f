-- serve_gen.sql - bench/serve.sh's database: :n events on :n/4 generated articles (no text
-- search rows: the bench asks no q), dates over two years, eight countries, ACLED's types.
-- Run by sqlite3 on a database vigie made (its schema); parameters set with .parameter.
CREATE TEMP TABLE places(i INTEGER PRIMARY KEY, iso TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL);
INSERT INTO places VALUES (0,'SY','Syria','Idlib',35.9,36.6),(1,'SD','Sudan','Khartoum',15.5,32.5),
  (2,'UA','Ukraine','Donetsk',48.0,37.8),(3,'ML','Mali','Mopti',14.5,-4.2),(4,'BF','Burkina Faso','Sahel',14.0,-0.5),
  (5,'MM','Myanmar','Shan',21.0,97.5),(6,'NG','Nigeria','Borno',11.8,13.1),(7,'SO','Somalia','Banadir',2.0,45.3);
CREATE TEMP TABLE kinds(i INTEGER PRIMARY KEY, t TEXT, s TEXT);
INSERT INTO kinds VALUES (0,'Battles','Armed clash'),(1,'Explosions/Remote violence','Air/drone strike'),
  (2,'Explosions/Remote violence','Shelling/artillery/missile attack'),(3,'Violence against civilians','Attack'),
  (4,'Protests','Peaceful protest'),(5,'Riots','Violent demonstration'),(6,'Strategic developments','Arrests'),
  (7,'Battles','Government regains territory');
WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < :n / 4)
INSERT INTO articles(source, ext_id, format, outlet, url, title, lang, published, hash, ingested, text)
SELECT 'gen', 'gen-' || x, 'jsonl', 'Outlet ' || (x % 40), 'https://example.org/a/' || x, 'Generated report ' || x,
       CASE x % 3 WHEN 0 THEN 'en' ELSE 'fr' END, date('2024-01-01', '+' || (x % 730) || ' days'),
       random(), '2026-01-01T00:00:00Z', 'Generated report number ' || x || '. Fighting was reported.'
FROM k;
WITH RECURSIVE k(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM k WHERE x < 3)
INSERT INTO events(article_id, event_date, year, time_precision, event_type, sub_event_type, actor1, inter1, actor2,
  inter2, interaction, country, iso, admin1, location, latitude, longitude, geo_precision, fatalities, injured, arrests,
  attribution, confidence, sent_start, sent_end, notes, evidence)
SELECT a.id, a.published, CAST(substr(a.published, 1, 4) AS INTEGER), 1, kd.t, kd.s,
       'Military Forces of ' || p.country, 1, 'Civilians (' || p.country || ')', 7, 17, p.country, p.iso, p.admin1,
       'Place ' || (a.id % 97), p.lat + ((a.id * 7 + k.x) % 200) / 100.0 - 1.0, p.lon + ((a.id * 13 + k.x) % 200) / 100.0 - 1.0,
       1, (a.id + k.x) % 12, NULL, NULL, 'local sources', ((a.id * 31 + k.x * 17) % 100) / 100.0, 0, 30,
       'Fighting was reported near place ' || (a.id % 97) || '.', '[]'
FROM articles a JOIN k JOIN places p ON p.i = (a.id + k.x) % 8 JOIN kinds kd ON kd.i = (a.id * 3 + k.x) % 8
WHERE a.source = 'gen';
UPDATE articles SET story_id = NULL WHERE source = 'gen';
