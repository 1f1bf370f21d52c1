/** Kysely table types for the reference server's own SQLite file (not the desktop cache). */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  is_staff: number;
  role: string;
  password_hash: string;
}

/** Knox keeps a short clear prefix for lookup-by-eye and a digest of the whole token; so do we. */
export interface TokensTable {
  digest: string;
  token_key: string;
  user_id: number;
  created_at: string;
}

/**
 * One stored order. `doc` is the order JSON exactly as the list endpoint will send it, so tests can store
 * anything a real server might hold; the other columns are copies used only to filter and sort.
 */
export interface OrdersTable {
  row_id: Generated<number>;
  order_type: string | null;
  order_id: number | null;
  status: string | null;
  created_at: string;
  package_status: string | null;
  doc: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ServerDatabase {
  users: UsersTable;
  tokens: TokensTable;
  orders: OrdersTable;
  meta: MetaTable;
}
