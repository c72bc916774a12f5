-- Rebuilds the hourly rollup (subgraphs/health/rollup.ts) of the given users (NULL: everyone) from
-- their samples, as one SQL call, so whatever writes samples past the subgraph (seed:scale's COPY,
-- benchmarks' INSERT ... SELECT, an operator's repair) can put the rollup right without the
-- subgraph's code: SELECT health.rebuild_metric_hours(ARRAY[...]::uuid[]). `npm run health:rollup`
-- calls it too. The default source orders below are subgraphs/health/source-priority.ts's
-- DEFAULT_SOURCE_PRIORITY; rollup.test.ts compares the rollup the writers keep (merged by that
-- constant) with this function's, so the two cannot drift apart unnoticed. Returns the hours written.
CREATE FUNCTION "health"."rebuild_metric_hours"(users uuid[])
RETURNS integer
LANGUAGE sql
AS $$
  DELETE FROM health.health_metric_hours h WHERE users IS NULL OR h.user_id = ANY(users);
  WITH built AS (
    INSERT INTO health.health_metric_hours
      (user_id, metric_type, hour_start, sample_count, value_sum, value_min, value_max, sources)
    SELECT s.user_id, s.metric_type, date_bin(interval '1 hour', s.recorded_date, timestamptz '2000-01-01 00:00:00+00'),
      count(*) FILTER (WHERE s.standing = 1), sum(s.value) FILTER (WHERE s.standing = 1),
      min(s.value) FILTER (WHERE s.standing = 1), max(s.value) FILTER (WHERE s.standing = 1),
      array_agg(DISTINCT s.source ORDER BY s.source)
    FROM (
      SELECT m.user_id, m.metric_type, m.recorded_date, m.value, m.source,
        rank() OVER (
          PARTITION BY m.user_id, m.metric_type, date_bin(interval '5 minutes', m.recorded_date, timestamptz '2000-01-01 00:00:00+00')
          ORDER BY coalesce(array_position(coalesce(
            (SELECT p.sources FROM health.source_priorities p WHERE p.user_id = m.user_id AND p.metric_type = m.metric_type),
            CASE WHEN m.metric_type = 'weight'
              THEN ARRAY['manual', 'apple_health', 'health_connect', 'google_fit', 'garmin', 'google_health', 'fitbit']::varchar[]
              ELSE ARRAY['garmin', 'google_health', 'fitbit', 'apple_health', 'health_connect', 'google_fit', 'manual']::varchar[]
            END), m.source), 1000), m.source
        ) AS standing
      FROM health.health_metrics m
      WHERE (users IS NULL OR m.user_id = ANY(users))
        AND NOT EXISTS (SELECT 1 FROM health.health_metric_retractions r WHERE r.metric_id = m.id AND r.user_id = m.user_id)
    ) s
    GROUP BY 1, 2, 3
    RETURNING 1
  )
  SELECT count(*)::int FROM built;
$$;
