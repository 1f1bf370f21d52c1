-- 0010: the queue's search and filters answered from indexes, so a page of a 10,000-order cache costs a few index
-- lookups instead of reading every row (repos/order-queue.repo.ts, repos/order-focus.ts).
--
-- Search: a trigram full-text index over orders.search_text. A query term of three characters or more matches any
-- row whose text contains it, exactly as LIKE '%term%' does, but from the index. Contentless (the text already lives
-- in orders), so it costs only its index. Its rowid is derived from the order's key, never from orders.rowid: a
-- VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY, the key never changes.
--   rowid = id * 2 + (order_type = 'claim_order')      (repos/order-search.ts reads it back the other way)
CREATE VIRTUAL TABLE orders_search USING fts5(search_text, content = '', contentless_delete = 1, tokenize = 'trigram');

INSERT INTO orders_search (rowid, search_text)
  SELECT id * 2 + (order_type = 'claim_order'), search_text FROM orders;

CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
  INSERT INTO orders_search (rowid, search_text) VALUES (NEW.id * 2 + (NEW.order_type = 'claim_order'), NEW.search_text);
END;

CREATE TRIGGER orders_search_update AFTER UPDATE OF search_text ON orders WHEN OLD.search_text IS NOT NEW.search_text BEGIN
  DELETE FROM orders_search WHERE rowid = OLD.id * 2 + (OLD.order_type = 'claim_order');
  INSERT INTO orders_search (rowid, search_text) VALUES (NEW.id * 2 + (NEW.order_type = 'claim_order'), NEW.search_text);
END;

CREATE TRIGGER orders_search_delete AFTER DELETE ON orders BEGIN
  DELETE FROM orders_search WHERE rowid = OLD.id * 2 + (OLD.order_type = 'claim_order');
END;

-- Without statistics SQLite takes an equality on any indexed column for a selective one, so an index on a column
-- most orders share (gone_at IS NULL, expedited_delivery = 0) would be preferred and then cost a table lookup per
-- order. The indexes below are shaped so that the index SQLite picks is also the cheap one.
--
-- The listed orders (gone_at IS NULL), oldest first, with every column the queue's filters and search test and
-- every column it sorts by: the default page walks it in order and stops after 200; counting, searching by LIKE,
-- the common filters and a sort by any other column read only this index, never the wide order rows.
CREATE INDEX orders_listed ON orders (created_at, order_type, id, gone_at, status, expedited_delivery, staking_service, problem_count, search_text,
  order_number, customer_email, company_name, project_name, claim_count, target_date)
  WHERE gone_at IS NULL;

-- Type and status: one range per value, listed ones together, in queue order (with the key, so a sort by type or
-- status reads these alone too).
CREATE INDEX orders_by_type ON orders (order_type, gone_at, created_at, id, search_text);
DROP INDEX orders_status;
CREATE INDEX orders_by_status ON orders (status, gone_at, created_at, order_type, id, search_text);

-- The flags the queue filters on are set on a few orders: indexed on that side only, so a filter for them is a short
-- range and a query for the rest is never sent down an index that holds nearly every order.
CREATE INDEX orders_expedited ON orders (gone_at, created_at) WHERE expedited_delivery = 1;
CREATE INDEX orders_staking ON orders (gone_at, created_at) WHERE staking_service = 1;
CREATE INDEX orders_with_problems ON orders (gone_at, created_at) WHERE problem_count > 0;

-- Dashboard focuses: due dates, and orders with no claimant yet, with the columns their predicates test next
-- (listed, server status, and the key the job lists are matched on), so counting them reads no order row.
DROP INDEX orders_by_target_date;
CREATE INDEX orders_by_target_date ON orders (target_date, gone_at, status, order_type, id);
CREATE INDEX orders_without_claimant ON orders (gone_at, status, created_at, order_type, id) WHERE claimant_info_json IS NULL;
