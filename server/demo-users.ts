/**
 * Demo accounts of the reference server. Other code (the desktop app's demo mode, tests, docs) imports
 * these constants instead of repeating the strings.
 */
import type { UserRole } from '../shared/api/geodb.schemas';

export const DEMO_PASSWORD = 'claimdesk-demo';

export interface DemoUser {
  username: string;
  password: string;
  email: string;
  first_name: string;
  last_name: string;
  is_staff: boolean;
  role: UserRole;
  /** A crew member's coverage, set when the account is first made. */
  coverage?: readonly { state: string; county: string | null }[];
}

export const DEMO_STAFF: DemoUser = {
  username: 'demo-staff',
  password: DEMO_PASSWORD,
  email: 'staff@claimdesk.example',
  first_name: 'Dana',
  last_name: 'Whitlock',
  is_staff: true,
  role: 'staff',
};

/** A second staff member, for two desks working the same queue (desk assignment). */
export const DEMO_STAFF_2: DemoUser = {
  username: 'demo-staff-2',
  password: DEMO_PASSWORD,
  email: 'staff2@claimdesk.example',
  first_name: 'Tomas',
  last_name: 'Arriaga',
  is_staff: true,
  role: 'staff',
};

export const DEMO_MANAGER: DemoUser = {
  username: 'demo-manager',
  password: DEMO_PASSWORD,
  email: 'manager@claimdesk.example',
  first_name: 'Marisol',
  last_name: 'Etcheverry',
  is_staff: true,
  role: 'manager',
};

export const DEMO_ADMIN: DemoUser = {
  username: 'demo-admin',
  password: DEMO_PASSWORD,
  email: 'admin@claimdesk.example',
  first_name: 'Avery',
  last_name: 'Lindqvist',
  is_staff: true,
  role: 'admin',
};

export const DEMO_CUSTOMER: DemoUser = {
  username: 'demo-customer',
  password: DEMO_PASSWORD,
  email: 'customer@claimdesk.example',
  first_name: 'Cody',
  last_name: 'Rasmussen',
  is_staff: false,
  role: 'customer',
};

/** A staking crew: staff of the company who see the desk, with the crew role and where they work. */
export const DEMO_CREW: DemoUser = {
  username: 'demo-crew',
  password: DEMO_PASSWORD,
  email: 'crew@claimdesk.example',
  first_name: 'Rowan',
  last_name: 'Tafoya',
  is_staff: true,
  role: 'crew',
  coverage: [
    { state: 'NV', county: null },
    { state: 'AZ', county: null },
  ],
};

export const DEMO_USERS: readonly DemoUser[] = [DEMO_STAFF, DEMO_STAFF_2, DEMO_MANAGER, DEMO_ADMIN, DEMO_CUSTOMER, DEMO_CREW];
