-- The age bands of the measurement parameter in one place (src/domain/measurement/age-band.ts says the same and
-- a test holds the two equal). Whole years on a day, a year added on the birthday; a band only for 0–17.
CREATE FUNCTION age_on(birth_date date, on_date date) RETURNS int
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN CASE WHEN on_date >= birth_date THEN extract(year FROM age(on_date, birth_date))::int END;

CREATE FUNCTION age_band(age int) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN CASE WHEN age < 0 THEN NULL WHEN age < 3 THEN '0-2' WHEN age < 6 THEN '3-5' WHEN age < 10 THEN '6-9'
              WHEN age < 13 THEN '10-12' WHEN age < 16 THEN '13-15' WHEN age < 18 THEN '16-17' END;
