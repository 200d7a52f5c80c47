-- Where a referral was made from (issue 15, item 3): a goal of the child's case plan or an action of a meeting
-- about the child, besides the child's profile. The goal is named by its plan and position, with its text as it
-- read then (goals are rewritten when the plan is edited); an action by its id and its title then.
ALTER TABLE referrals
  ADD COLUMN origin_plan_id uuid,
  ADD COLUMN origin_goal_position smallint CHECK (origin_goal_position BETWEEN 1 AND 50),
  ADD COLUMN origin_action_id uuid,
  ADD COLUMN origin_text text CHECK (length(origin_text) BETWEEN 1 AND 1000),
  ADD FOREIGN KEY (municipality_id, origin_plan_id) REFERENCES case_plans(municipality_id, id) ON DELETE SET NULL (origin_plan_id),
  ADD FOREIGN KEY (municipality_id, origin_action_id) REFERENCES meeting_actions(municipality_id, id) ON DELETE SET NULL (origin_action_id),
  ADD CHECK (origin_plan_id IS NULL OR origin_action_id IS NULL);
