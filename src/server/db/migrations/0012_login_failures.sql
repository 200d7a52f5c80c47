-- Failed logins are counted per e-mail address, whether an account has it or not: an unknown address is
-- locked exactly like a known one, so neither the 401 nor the 429 tells anyone whether an account exists.
-- Login happens before a municipality is known, so this table belongs to no tenant; only the owner reads it.
CREATE TABLE login_failures (
  email_key bytea PRIMARY KEY,          -- sha256 of the lower-cased address; the address itself is not kept
  failed integer NOT NULL CHECK (failed > 0),
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
