-- The roles of docs/domain.md and what each may do. Scopes: unit (children enrolled in the user's units),
-- municipality (the whole tenant, never child data unless the entity says so).
INSERT INTO roles (name) VALUES
  ('professional'), ('unitLeader'), ('caseworker'), ('caseworkManager'),
  ('reviewer'), ('analyst'), ('admin'), ('partner');

INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'read:org:municipality'),
  ('professional', 'read:child:unit'),
  ('professional', 'reveal:cpr:unit'),
  ('unitLeader', 'read:org:municipality'),
  ('unitLeader', 'read:child:unit'),
  ('unitLeader', 'reveal:cpr:unit'),
  ('unitLeader', 'write:child:unit'),
  ('caseworker', 'read:org:municipality'),
  ('caseworkManager', 'read:org:municipality'),
  ('reviewer', 'read:org:municipality'),
  ('analyst', 'read:org:municipality'),
  ('partner', 'read:org:municipality'),
  ('admin', 'read:org:municipality'),
  ('admin', 'manage:org:municipality'),
  ('admin', 'manage:user:municipality'),
  ('admin', 'read:audit:municipality');
