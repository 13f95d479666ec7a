-- Accounts of the central service: users, their sessions, and the login attempts that rate
-- limiting counts. All of it lives here, never in a process, so every server process agrees.

CREATE TABLE users (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 32),
  role text NOT NULL CHECK (role IN ('steward', 'officer', 'trainer', 'admin')),
  -- The districts of shared/domain/districts.ts; the administrator holds all of them.
  districts text[] NOT NULL DEFAULT '{}' CHECK (
    districts <@ ARRAY['福田', '罗湖', '盐田', '南山', '宝安', '龙岗', '龙华', '坪山', '光明', '大鹏新区', '深汕特别合作区']::text[]
  ),
  -- argon2id, in the PHC string format (algorithm, parameters and salt travel with the hash).
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  disabled boolean NOT NULL DEFAULT false,
  -- Consecutive wrong passwords since the last success; at the limit the account locks.
  failed_count integer NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT users_admin_all_districts CHECK (
    role <> 'admin'
    OR districts @> ARRAY['福田', '罗湖', '盐田', '南山', '宝安', '龙岗', '龙华', '坪山', '光明', '大鹏新区', '深汕特别合作区']::text[]
  )
);
-- Sign-in ignores the case of Latin letters: Zhang and zhang are one account.
CREATE UNIQUE INDEX users_name_key ON users (lower(name));

-- One row per issued token pair. A refresh marks its row rotated and inserts the next one in
-- the same family; a rotated refresh token presented again revokes the whole family.
-- Only SHA-256 digests of the tokens are stored (hex), so a copy of the table opens nothing.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id uuid NOT NULL,
  access_hash text NOT NULL UNIQUE CHECK (length(access_hash) = 64),
  refresh_hash text NOT NULL UNIQUE CHECK (length(refresh_hash) = 64),
  device_id text,
  created_at timestamptz NOT NULL,
  access_expires_at timestamptz NOT NULL,
  refresh_expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  rotated_at timestamptz
);
CREATE INDEX sessions_family ON sessions (family_id);
CREATE INDEX sessions_user_live ON sessions (user_id) WHERE revoked_at IS NULL;
-- Rows whose refresh token has expired open nothing and are pruned at sign-in.
CREATE INDEX sessions_refresh_expiry ON sessions (refresh_expires_at);

-- Every sign-in attempt, failed or not, by the name typed (folded as sign-in folds it) and the
-- client address. Rows past the longest window are pruned at sign-in.
CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name_key text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  attempted_at timestamptz NOT NULL
);
CREATE INDEX login_attempts_name ON login_attempts (name_key, attempted_at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, attempted_at);
CREATE INDEX login_attempts_time ON login_attempts (attempted_at);
