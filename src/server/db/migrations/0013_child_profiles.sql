-- The child profile document, precomputed. The profile read (GET /api/v1/children/:id, benchmark P2) built
-- the whole document per request with ~12 index probes and 5 correlated subqueries; the part that is the
-- same for every viewer — the child's facts, enrolments (with unit name and kind), guardians and
-- households — is now stored here as JSON text and read by primary key. What depends on the viewer (the
-- relation, siblings' `accessible`) and the family are still computed at read time.
-- See docs/decisions/017-child-profile-document.md.
CREATE TABLE child_profiles (
  municipality_id uuid NOT NULL,
  child_id uuid NOT NULL,
  doc text NOT NULL,
  PRIMARY KEY (municipality_id, child_id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE
);

ALTER TABLE child_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON child_profiles
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
-- The triggers below run as whoever writes the source rows, the application role included.
GRANT SELECT, INSERT, UPDATE, DELETE ON child_profiles TO beskyt_app;

-- An edited household finds its children through this (child_guardians and enrolments have theirs).
CREATE INDEX child_households_household ON child_households (municipality_id, household_id);

-- The document computed live: the ONE place its SQL lives. The triggers, the fill job and the read path's
-- fallback (a child whose document is not built yet) all call it. Ties in each list's order are broken by
-- id so the same data always gives the same text.
CREATE FUNCTION child_profile_doc(m uuid, child uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'birthDate', c.birth_date, 'gender', c.gender,
    -- The masked CPR is the birth date part, which is what ddmmyy in a CPR number is.
    'cprMasked', to_char(c.birth_date, 'DDMMYY') || '-xxxx', 'version', c.version,
    'enrolments', (SELECT coalesce(json_agg(json_build_object('id', e.id, 'unitId', e.unit_id, 'unitName', u.name,
              'unitKind', u.kind, 'groupName', e.group_name, 'fromDate', e.from_date, 'toDate', e.to_date)
              ORDER BY e.from_date DESC, e.id), '[]')
       FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
      WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id),
    'guardians', (SELECT coalesce(json_agg(json_build_object('id', g.id, 'firstName', g.first_name,
              'lastName', g.last_name, 'relation', cg.relation, 'hasCustody', cg.has_custody, 'phone', g.phone,
              'email', g.email) ORDER BY cg.has_custody DESC, g.last_name, g.id), '[]')
       FROM child_guardians cg JOIN guardians g ON g.municipality_id = cg.municipality_id AND g.id = cg.guardian_id
      WHERE cg.municipality_id = c.municipality_id AND cg.child_id = c.id),
    'households', (SELECT coalesce(json_agg(json_build_object('id', h.id, 'address', h.address,
              'postalCode', h.postal_code, 'city', h.city, 'isPrimary', ch.is_primary)
              ORDER BY ch.is_primary DESC, h.id), '[]')
       FROM child_households ch JOIN households h ON h.municipality_id = ch.municipality_id AND h.id = ch.household_id
      WHERE ch.municipality_id = c.municipality_id AND ch.child_id = c.id)
  )::text
    FROM children c
   WHERE c.municipality_id = m AND c.id = child
$$;

-- Rebuilds the documents of `ids` (children of municipality `m`; ids of deleted children are skipped).
--
-- Why the lock first, in its own statement: two transactions may change different sources of the same child
-- at once — T1 adds an enrolment, T2 edits the child's guardian. Each trigger computes the whole document
-- from its own snapshot, and neither snapshot holds the other's uncommitted change, so whichever commits
-- last would store a document missing the other's change (write skew), and nothing would ever repair it.
-- Locking the children rows serialises the refreshes of one child: T2 waits for T1 to commit, and its next
-- statement takes a fresh snapshot under READ COMMITTED that includes T1's enrolment, so T2's document holds
-- both changes. This relies on READ COMMITTED (the app's level everywhere); under REPEATABLE READ the
-- snapshot would stay old. FOR NO KEY UPDATE does not block foreign-key checks (FOR KEY SHARE), so inserts
-- referencing the child go on; id order keeps two multi-child refreshes from deadlocking each other.
CREATE FUNCTION child_profiles_refresh(m uuid, ids uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM children WHERE municipality_id = m AND id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  INSERT INTO child_profiles AS p (municipality_id, child_id, doc)
  SELECT c.municipality_id, c.id, child_profile_doc(c.municipality_id, c.id)
    FROM children c
   WHERE c.municipality_id = m AND c.id = ANY(ids)
   ORDER BY c.id
  ON CONFLICT (municipality_id, child_id) DO UPDATE SET doc = excluded.doc
    -- An unchanged document is not rewritten (no dead row, no WAL).
    WHERE p.doc IS DISTINCT FROM excluded.doc;
END $$;

-- The bulk switch: a transaction that sets beskyt.defer_child_profiles = 'on' (SET LOCAL) builds no
-- documents; its children read through the live fallback until the fill job builds theirs. The
-- Copenhagen-scale build uses it: refreshing 110,000 children after each of its bulk inserts would cost more
-- than benchmark P4 allows. It is meant for transactions that write only children without a document (new
-- ones): a document it would leave stale cannot be told from a fresh one later, so such a write is refused.
CREATE FUNCTION child_profiles_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('beskyt.defer_child_profiles', true), '') = 'on'
$$;

-- The children named by the pairs (ms[i], ids[i]) changed: refresh their documents, one call per
-- municipality, or, deferred, make sure none of them has a document to go stale.
CREATE FUNCTION child_profiles_changed(ms uuid[], ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF ids IS NULL THEN RETURN; END IF;
  IF child_profiles_deferred() THEN
    IF EXISTS (SELECT 1 FROM unnest(ms, ids) AS k(m, id)
                 JOIN child_profiles p ON p.municipality_id = k.m AND p.child_id = k.id) THEN
      RAISE EXCEPTION 'beskyt.defer_child_profiles is on, but the statement changes a child that has a profile document'
        USING ERRCODE = 'object_not_in_prerequisite_state',
              HINT = 'Defer the documents only in transactions that write new children (decision 017).';
    END IF;
    RETURN;
  END IF;
  FOR r IN SELECT k.m, array_agg(DISTINCT k.id) AS ids
             FROM unnest(ms, ids) AS k(m, id) GROUP BY k.m ORDER BY k.m
  LOOP
    PERFORM child_profiles_refresh(r.m, r.ids);
  END LOOP;
END $$;

-- Statement-level triggers with transition tables (the pattern of 0006): one set-based refresh per statement,
-- whichever writer it is. Column lists cannot go with transition tables, so updates compare old and new
-- rows themselves and refresh only when a column the document shows changed.

-- children: a new child gets its document; an edited one when its facts changed. A deleted child's
-- document goes with it (ON DELETE CASCADE).
CREATE FUNCTION child_profiles_from_children() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ms uuid[]; ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.id) INTO ms, ids FROM new_rows n;
  ELSE
    SELECT array_agg(n.municipality_id), array_agg(n.id) INTO ms, ids
      FROM new_rows n LEFT JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.id = n.id
     WHERE o.id IS NULL
        OR (n.first_name, n.last_name, n.birth_date, n.gender, n.version)
           IS DISTINCT FROM (o.first_name, o.last_name, o.birth_date, o.gender, o.version);
  END IF;
  PERFORM child_profiles_changed(ms, ids);
  RETURN NULL;
END $$;

CREATE TRIGGER child_profiles_children_insert AFTER INSERT ON children
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION child_profiles_from_children();
CREATE TRIGGER child_profiles_children_update AFTER UPDATE ON children
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION child_profiles_from_children();

-- enrolments, child_guardians, child_households: rows keyed by child; every child on either side of the
-- change (an update may even move a row to another child).
CREATE FUNCTION child_profiles_from_child_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ms uuid[]; ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.child_id) INTO ms, ids FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(k.municipality_id), array_agg(k.child_id) INTO ms, ids
      FROM (SELECT municipality_id, child_id FROM new_rows
            UNION SELECT municipality_id, child_id FROM old_rows) k;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.child_id) INTO ms, ids FROM old_rows o;
  END IF;
  PERFORM child_profiles_changed(ms, ids);
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['enrolments', 'child_guardians', 'child_households']
  LOOP
    EXECUTE format('CREATE TRIGGER child_profiles_%s_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION child_profiles_from_child_rows()', t, t);
    EXECUTE format('CREATE TRIGGER child_profiles_%s_update AFTER UPDATE ON %I
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION child_profiles_from_child_rows()', t, t);
    EXECUTE format('CREATE TRIGGER child_profiles_%s_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION child_profiles_from_child_rows()', t, t);
  END LOOP;
END $$;

-- units, guardians, households: shown in the documents of the children linked to them. Inserts link no one
-- yet, and deletes of linked rows are refused by the foreign keys, so only updates matter.
CREATE FUNCTION child_profiles_from_units() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ms uuid[]; ids uuid[];
BEGIN
  SELECT array_agg(e.municipality_id), array_agg(e.child_id) INTO ms, ids
    FROM new_rows n
    JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.id = n.id
    JOIN enrolments e ON e.municipality_id = n.municipality_id AND e.unit_id = n.id
   WHERE (n.name, n.kind) IS DISTINCT FROM (o.name, o.kind);
  PERFORM child_profiles_changed(ms, ids);
  RETURN NULL;
END $$;

CREATE TRIGGER child_profiles_units_update AFTER UPDATE ON units
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION child_profiles_from_units();

CREATE FUNCTION child_profiles_from_guardians() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ms uuid[]; ids uuid[];
BEGIN
  SELECT array_agg(cg.municipality_id), array_agg(cg.child_id) INTO ms, ids
    FROM new_rows n
    JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.id = n.id
    JOIN child_guardians cg ON cg.municipality_id = n.municipality_id AND cg.guardian_id = n.id
   WHERE (n.first_name, n.last_name, n.phone, n.email) IS DISTINCT FROM (o.first_name, o.last_name, o.phone, o.email);
  PERFORM child_profiles_changed(ms, ids);
  RETURN NULL;
END $$;

CREATE TRIGGER child_profiles_guardians_update AFTER UPDATE ON guardians
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION child_profiles_from_guardians();

CREATE FUNCTION child_profiles_from_households() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ms uuid[]; ids uuid[];
BEGIN
  SELECT array_agg(ch.municipality_id), array_agg(ch.child_id) INTO ms, ids
    FROM new_rows n
    JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.id = n.id
    JOIN child_households ch ON ch.municipality_id = n.municipality_id AND ch.household_id = n.id
   WHERE (n.address, n.postal_code, n.city) IS DISTINCT FROM (o.address, o.postal_code, o.city);
  PERFORM child_profiles_changed(ms, ids);
  RETURN NULL;
END $$;

CREATE TRIGGER child_profiles_households_update AFTER UPDATE ON households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION child_profiles_from_households();

-- Databases that already hold children.
INSERT INTO child_profiles (municipality_id, child_id, doc)
SELECT municipality_id, id, child_profile_doc(municipality_id, id) FROM children;
