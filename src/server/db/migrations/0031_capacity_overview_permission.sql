-- The offers' capacity overview (issue 15, item 8) is a leaders' view of offers and waits, not the
-- measurement parameter: a permission of its own for the leaders who plan places — unit leaders, casework
-- managers and analysts.
INSERT INTO role_permissions (role, permission) VALUES
  ('unitLeader', 'read:capacity:municipality'),
  ('caseworkManager', 'read:capacity:municipality'),
  ('analyst', 'read:capacity:municipality');
