-- 0014: field crews for staking-service orders. The server keeps crews, their coverage and their interests; this
-- cache keeps the last crew board the server answered (refreshed after every sync), so the desk shows it offline,
-- the workflow's guard reads the assignment from one place (crew_board_orders.assigned_crew), and what changed since
-- the last board can be announced.
--
-- The outbox carries the crew's and the manager's decisions (kind 'crew'). A crew member's interest belongs to no
-- job of this desk, so outbox.job_id becomes nullable. Neither change can be made in place: the data step of this
-- migration (core/db/data-migrations.ts) rebuilds the outbox from its stored definition, with foreign keys off.
CREATE TABLE crew_board_orders (
  order_type TEXT NOT NULL,
  order_id INTEGER NOT NULL,
  order_number TEXT NOT NULL,
  state TEXT,
  county TEXT,
  -- The crew member's coverage holds the order (always 1 on a staff desk).
  in_coverage INTEGER NOT NULL,
  assigned_crew TEXT,
  PRIMARY KEY (order_type, order_id)
);

CREATE TABLE crew_interests (
  server_id INTEGER PRIMARY KEY,
  order_type TEXT NOT NULL,
  order_id INTEGER NOT NULL,
  order_number TEXT NOT NULL,
  crew TEXT NOT NULL,
  crew_name TEXT NOT NULL,
  status TEXT NOT NULL,
  proposed_cost_cents INTEGER NOT NULL,
  earliest_date TEXT NOT NULL,
  note TEXT NOT NULL,
  reason TEXT,
  decided_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX crew_interests_order ON crew_interests (order_type, order_id);
