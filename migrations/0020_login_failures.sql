-- Failed sign-ins are counted per name typed, whether or not an account bears it: an unknown name locks exactly as a
-- real one does, so no answer tells which names exist. Each failure is one atomic update of its row, so parallel
-- attempts cannot lose a count. Owned by core/auth; the account table keeps only the account.
CREATE TABLE login_failure (
  username text PRIMARY KEY,
  failed integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO login_failure (username, failed, locked_until)
SELECT lower(username), failed_logins, locked_until FROM app_user WHERE failed_logins > 0 OR locked_until IS NOT NULL;

ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until;
