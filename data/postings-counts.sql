-- Pre-count row-level job postings for the dashboard's "Your data" page (README: "Pre-counted postings").
-- Input: a table or view named `postings` with one row per posting and the data_jobs columns
--   job_title (the raw title), job_posted_date (a date or timestamp, or text like 2023-06-16 13:44:15),
--   job_country (a country name or ISO code; may be NULL).
-- Output: title, month (YYYY-MM), country, count — one row per title, month and country.
-- Plain SQL; `strftime` is DuckDB's (BigQuery: FORMAT_TIMESTAMP('%Y-%m', …); Postgres/Snowflake: to_char(…, 'YYYY-MM')).
SELECT
  job_title AS title,
  strftime(CAST(job_posted_date AS TIMESTAMP), '%Y-%m') AS month,
  job_country AS country,
  COUNT(*) AS count
FROM postings
GROUP BY 1, 2, 3
ORDER BY month, title, country;
