-- 0015: two indexes for the queue.
--
-- An order's deliveries, latest first. The queue shows each order's latest delivery (when, and the package it went
-- to); without this index every row of a queue page read the whole deliveries table, three times, and sorted it,
-- so a page got slower with every upload this desk had ever delivered.
CREATE INDEX deliveries_by_order ON deliveries (order_type, order_id, delivered_at DESC, outbox_id DESC);

-- The listed orders still open on the server, by target date: the dashboard's "due today" and "overdue" (and their
-- queues) count these. Through orders_by_target_date every dated order had its status tested against the closed
-- list; here only open orders are read. The status list must be CLOSED_ORDER_STATUSES (shared/domain/order-status.ts)
-- as orderOpen() writes it, or SQLite cannot tell that the index holds exactly the rows asked for and ignores it
-- (still correct, only slower); the query-plan test checks that it is used. gone_at and status are columns too,
-- so the index covers the predicates it implies and no order row is read.
CREATE INDEX orders_open_by_target ON orders (target_date, created_at, order_type, id, gone_at, status)
  WHERE gone_at IS NULL AND status NOT IN ('cancelled', 'rejected', 'completed', 'fulfilled');
