/**
 * The GeoDB REST contract ClaimDesk speaks (seed 000, Phase 1), as zod schemas.
 * The reference server answers with exactly these shapes, the OpenAPI document in docs/ is generated
 * from them, and the client checks what it receives against the tolerant variants below.
 */
import { z } from 'zod';

export const ORDER_TYPES = ['claim_purchase', 'claim_order'] as const;
export const orderTypeSchema = z.enum(ORDER_TYPES);
export type OrderType = z.infer<typeof orderTypeSchema>;

export const USER_ROLES = ['customer', 'staff', 'manager', 'admin'] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

export const tokenAuthRequestSchema = z
  .object({ username: z.string().min(1), password: z.string().min(1) })
  .meta({ id: 'TokenAuthRequest' });

export const apiUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    is_staff: z.boolean(),
    role: userRoleSchema,
  })
  .meta({ id: 'User' });
export type ApiUser = z.infer<typeof apiUserSchema>;

export const tokenAuthResponseSchema = z
  .object({ token: z.string().min(1), user: apiUserSchema })
  .meta({ id: 'TokenAuthResponse' });

export const apiErrorBodySchema = z
  .object({ error: z.string().optional(), detail: z.string().optional() })
  .meta({ id: 'ErrorBody' });

export const claimantInfoSchema = z
  .object({
    claimant_name: z.string().nullable().optional(),
    address_1: z.string().nullable().optional(),
    address_2: z.string().nullable().optional(),
    address_3: z.string().nullable().optional(),
    district: z.string().nullable().optional(),
    monument_type: z.string().nullable().optional(),
  })
  .meta({ id: 'ClaimantInfo' });
export type ClaimantInfo = z.infer<typeof claimantInfoSchema>;

/** GeoJSON as the server stores it: coordinates are left loose on purpose, the client validates them. */
const looseGeometrySchema = z
  .object({ type: z.string(), coordinates: z.unknown() })
  .meta({ id: 'Geometry', description: 'GeoJSON geometry in WGS84 longitude/latitude (Polygon or MultiPolygon expected).' });
const looseFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    properties: z.record(z.string(), z.unknown()).nullable().optional(),
    geometry: looseGeometrySchema.nullable(),
  })
  .meta({ id: 'Feature' });

export const claimPolygonsSchema = z
  .union([
    z.object({ type: z.literal('FeatureCollection'), features: z.array(looseFeatureSchema) }),
    looseFeatureSchema,
    z.array(looseFeatureSchema),
    z.object({ claims: z.array(z.object({ name: z.string().optional(), geometry: looseGeometrySchema.nullable() })) }),
    z.string().describe('Legacy rows hold the GeoJSON serialised as a string.'),
    z.null(),
  ])
  .meta({
    id: 'ClaimPolygons',
    description:
      'The claims of an order in one of the shapes the server stores: a FeatureCollection, a single Feature, a bare list of Features, {claims: [{name, geometry}]}, a JSON string of one of those, or null.',
  });

/** One pending order exactly as seed 000 Phase 1 lists its fields. */
export const pendingOrderSchema = z
  .object({
    id: z.number().int().positive(),
    order_type: orderTypeSchema,
    order_number: z.string(),
    status: z.string(),
    created_at: z.string().describe('ISO 8601 timestamp'),
    customer_email: z.string(),
    company_name: z.string(),
    project_id: z.number().int().nullable(),
    project_name: z.string(),
    claim_count: z.number().int(),
    claim_polygons: claimPolygonsSchema,
    claimant_info: claimantInfoSchema.nullable().describe('Always null for claim_purchase orders.'),
    claim_package_id: z.number().int().nullable(),
    staking_service: z.boolean(),
    expedited_delivery: z.boolean(),
  })
  .strict()
  .meta({ id: 'PendingOrder' });
export type PendingOrder = z.infer<typeof pendingOrderSchema>;

export const PENDING_ORDER_FIELDS = Object.keys(pendingOrderSchema.shape) as (keyof PendingOrder)[];

export const pendingOrdersResponseSchema = z
  .object({ orders: z.array(pendingOrderSchema), count: z.number().int() })
  .meta({ id: 'PendingOrdersResponse' });
export type PendingOrdersResponse = z.infer<typeof pendingOrdersResponseSchema>;

/**
 * What the client accepts as a pending-orders envelope. Each order stays `unknown` here because orders are
 * validated one by one (one broken order must never block the others).
 */
export const pendingOrdersEnvelopeSchema = z.object({
  orders: z.array(z.unknown()),
  count: z.number().int().optional(),
});

export const API_PATHS = {
  tokenAuth: '/api-token-auth/',
  pendingOrders: '/api/v2/claims/staff/pending-orders/',
} as const;
