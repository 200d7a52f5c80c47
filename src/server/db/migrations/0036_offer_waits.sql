-- Waiting figures per offer kept beside the referrals (issue 15, item 8 and P5; decision 026): the capacity
-- overview and an offer's waiting times read one row per offer instead of recomputing every offer's percentiles
-- from the status history on each request. A row is recomputed from the history — the same figures as before —
-- whenever a referral of the offer or its history changes (statement triggers below), and every night, since the
-- six-month window moves with the day (WAIT_WINDOW_MONTHS in src/shared/schemas/offer-capacity.ts).
CREATE TABLE offer_waits (
  municipality_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  -- Referrals started in the window, and the median and 90th percentile of whole days from `sent` to `started`.
  started integer NOT NULL,
  median_days double precision,
  p90_days double precision,
  -- On the waiting list now.
  waiting_list integer NOT NULL,
  -- Declined for no capacity in the window.
  declined_no_capacity integer NOT NULL,
  refreshed_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, offer_id),
  FOREIGN KEY (municipality_id, offer_id) REFERENCES offers(municipality_id, id) ON DELETE CASCADE
);
ALTER TABLE offer_waits ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON offer_waits
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON offer_waits TO beskyt_app;

-- Recomputes the offers' rows from the referrals and their history. The offers are locked first, and the figures
-- are read in a later statement: under READ COMMITTED its snapshot then holds every change committed before the lock
-- was granted, so the last writer never stores figures older than another's. A few offers (a referral's change)
-- are locked one by one, in id order so two writers never wait on each other in a circle, under a shared lock on
-- the municipality; many (a bulk load, the nightly refresh) take the municipality's lock alone, exclusively, rather
-- than thousands of locks.
CREATE FUNCTION offer_waits_refresh(m uuid, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) > 32 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('offer_waits:' || m::text, 0));
  ELSE
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('offer_waits:' || m::text, 0));
    PERFORM pg_advisory_xact_lock(hashtextextended('offer_waits:' || m::text || ':' || id::text, 0))
       FROM (SELECT DISTINCT unnest(ids) AS id ORDER BY 1) x;
  END IF;
  INSERT INTO offer_waits AS x (municipality_id, offer_id, started, median_days, p90_days, waiting_list,
                                declined_no_capacity, refreshed_at)
  SELECT o.municipality_id, o.id, coalesce(w.started, 0), w.median, w.p90, l.n, d.n, now()
    FROM offers o
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS started,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY s.days) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY s.days) AS p90
        FROM (SELECT min(e.at) FILTER (WHERE e.status = 'started') AS started_at,
                     (min(e.at) FILTER (WHERE e.status = 'started'))::date
                       - (min(e.at) FILTER (WHERE e.status = 'sent'))::date AS days
                FROM referrals r
                JOIN referral_events e ON e.municipality_id = r.municipality_id AND e.referral_id = r.id
                     AND e.status IN ('sent', 'started')
               WHERE r.municipality_id = o.municipality_id AND r.offer_id = o.id AND r.started_at IS NOT NULL
               GROUP BY r.id) s
       WHERE s.days IS NOT NULL AND s.started_at >= now() - make_interval(months => 6)) w ON true
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM referrals r
       WHERE r.municipality_id = o.municipality_id AND r.offer_id = o.id AND r.status = 'waitingList') l
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM referrals r
        JOIN referral_events e ON e.municipality_id = r.municipality_id AND e.referral_id = r.id
       WHERE r.municipality_id = o.municipality_id AND r.offer_id = o.id AND r.status = 'declined' -- final
         AND e.status = 'declined' AND e.reason = 'noCapacity' AND e.at >= now() - make_interval(months => 6)) d
   WHERE o.municipality_id = m AND o.id = ANY(ids)
  ON CONFLICT (municipality_id, offer_id) DO UPDATE
    SET started = EXCLUDED.started, median_days = EXCLUDED.median_days, p90_days = EXCLUDED.p90_days,
        waiting_list = EXCLUDED.waiting_list, declined_no_capacity = EXCLUDED.declined_no_capacity,
        refreshed_at = EXCLUDED.refreshed_at;
END $$;

-- Every offer of every municipality: the nightly refresh and this migration.
CREATE FUNCTION offer_waits_refresh_all() RETURNS void LANGUAGE sql AS $$
  SELECT offer_waits_refresh(municipality_id, array_agg(id ORDER BY id)) FROM offers GROUP BY municipality_id
$$;

CREATE FUNCTION offer_waits_after_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM offer_waits_refresh(r.municipality_id, array_agg(DISTINCT r.offer_id))
     FROM new_events n JOIN referrals r ON r.municipality_id = n.municipality_id AND r.id = n.referral_id
    GROUP BY r.municipality_id;
  RETURN NULL;
END $$;
CREATE TRIGGER offer_waits_events AFTER INSERT ON referral_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION offer_waits_after_events();

CREATE FUNCTION offer_waits_after_referrals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM offer_waits_refresh(municipality_id, array_agg(DISTINCT offer_id)) FROM new_rows GROUP BY municipality_id;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM offer_waits_refresh(municipality_id, array_agg(DISTINCT offer_id)) FROM old_rows GROUP BY municipality_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER offer_waits_referrals_inserted AFTER INSERT ON referrals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION offer_waits_after_referrals();
CREATE TRIGGER offer_waits_referrals_updated AFTER UPDATE ON referrals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION offer_waits_after_referrals();
CREATE TRIGGER offer_waits_referrals_deleted AFTER DELETE ON referrals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION offer_waits_after_referrals();

SELECT offer_waits_refresh_all();
