/**
 * The demo book of orders: real districts and counties in NV, AZ, ID, WY and AK, plausible (fictional)
 * companies and people. Today in the demo is 2026-11-22; orders span October and November 2026.
 * claim_purchase and claim_order ids are separate number spaces on the real server, so both start at 1.
 * Claims are 600 × 1500 ft measured on the ground (claim-grid.ts), except CO-6's, drawn 1,540 ft long on purpose.
 */
import type { DemoOrderSpec } from './demo-order.types';

const CPO: DemoOrderSpec[] = [
  {
    type: 'claim_purchase', id: 1, status: 'processing', createdAt: '2026-10-02T15:12:09Z',
    customerEmail: 'jhollis@silverbowresources.com', companyName: 'Silver Bow Resources LLC',
    projectId: 201, projectName: 'Goldfield East (Esmeralda Co., NV)',
    site: { lon: -117.1912, lat: 37.7265, rows: 3, cols: 4, azimuthDeg: 0, prefix: 'SB' },
    shape: 'feature-collection', stakingService: true,
  },
  {
    type: 'claim_purchase', id: 2, status: 'pending', createdAt: '2026-10-06T18:40:51Z',
    customerEmail: 'land@tuscaroragold.com', companyName: 'Tuscarora Gold Corp.',
    projectId: 214, projectName: 'Cortez Hills West (Lander Co., NV)',
    site: { lon: -116.6587, lat: 40.1812, rows: 2, cols: 5, azimuthDeg: 330, prefix: 'TUSC' },
    shape: 'feature-collection', nameKey: 'claim_name', expeditedDelivery: true,
  },
  {
    type: 'claim_purchase', id: 3, status: 'processing', createdAt: '2026-10-11T16:03:27Z',
    customerEmail: 'mreyes@blackmountainminerals.com', companyName: 'Black Mountain Minerals Inc.',
    projectId: 226, projectName: 'Oatman Ridge (Mohave Co., AZ)',
    site: { lon: -114.3562, lat: 35.0421, rows: 1, cols: 3, azimuthDeg: 90, prefix: 'OAT' },
    shape: 'feature-multipolygon', claimPackageId: 1041, packageStatus: 'in_progress',
  },
  {
    type: 'claim_purchase', id: 4, status: 'processing', createdAt: '2026-10-19T14:55:00Z',
    customerEmail: 'geology@salmonriverexploration.com', companyName: 'Salmon River Exploration Ltd.',
    projectId: 233, projectName: 'Bayhorse Creek (Custer Co., ID)',
    site: { lon: -114.3342, lat: 44.3889, rows: 4, cols: 10, azimuthDeg: 15, prefix: 'BAY' },
    shape: 'feature-list', stakingService: true, expeditedDelivery: true,
  },
  {
    type: 'claim_purchase', id: 5, status: 'pending', createdAt: '2026-10-27T20:21:44Z',
    customerEmail: 'office@windriverprospecting.com', companyName: 'Wind River Prospecting Co.',
    projectId: 241, projectName: 'Atlantic City Lodes (Fremont Co., WY)',
    site: { lon: -108.7561, lat: 42.4938, rows: 2, cols: 2, azimuthDeg: 0, prefix: 'WRP' },
    shape: 'claims-list',
  },
  {
    type: 'claim_purchase', id: 6, status: 'processing', createdAt: '2026-11-03T19:07:31Z',
    customerEmail: 'permits@tananavalleymining.com', companyName: 'Tanana Valley Mining LLC',
    projectId: 252, projectName: 'Cleary Summit North (Fairbanks District, AK)',
    site: { lon: -147.4581, lat: 65.0712, rows: 3, cols: 3, azimuthDeg: 0, prefix: 'CLEARY' },
    shape: 'feature-collection', stakingService: true,
  },
  {
    type: 'claim_purchase', id: 7, status: 'pending', createdAt: '2026-11-12T17:45:12Z',
    customerEmail: 'dmorales@dragoonsilver.com', companyName: 'Dragoon Silver Partners',
    projectId: 260, projectName: 'Tombstone Hills (Cochise Co., AZ)',
    site: { lon: -110.0237, lat: 31.7384, rows: 1, cols: 1, azimuthDeg: 45, prefix: 'TOMB' },
    shape: 'feature-polygon',
  },
  {
    type: 'claim_purchase', id: 8, status: 'processing', createdAt: '2026-11-18T15:30:05Z',
    customerEmail: 'claims@humboldtrangemetals.com', companyName: 'Humboldt Range Metals Inc.',
    projectId: 268, projectName: 'Rochester South (Pershing Co., NV)',
    site: { lon: -118.1634, lat: 40.2581, rows: 2, cols: 3, azimuthDeg: 15, prefix: 'HRM' },
    shape: 'feature-collection', flaw: 'bow-tie',
  },
  {
    type: 'claim_purchase', id: 9, status: 'pending', createdAt: '2026-11-20T21:02:48Z',
    customerEmail: 'tgarrity@encampmentcopper.com', companyName: 'Encampment Copper Co.',
    projectId: 271, projectName: 'Grand Encampment (Carbon Co., WY)',
    site: { lon: -106.8213, lat: 41.1739, rows: 2, cols: 5, azimuthDeg: 90, prefix: 'ENC' },
    shape: 'feature-collection', flaw: 'count-mismatch', expeditedDelivery: true,
  },
  // Not listed: completed, package already complete, cancelled.
  {
    type: 'claim_purchase', id: 10, status: 'completed', createdAt: '2026-10-04T16:18:22Z',
    customerEmail: 'ops@robinsondistrictcopper.com', companyName: 'Robinson District Copper LLC',
    projectId: 205, projectName: 'Ruth Pit North (White Pine Co., NV)',
    site: { lon: -114.9958, lat: 39.2837, rows: 2, cols: 2, azimuthDeg: 0, prefix: 'RDC' },
    shape: 'feature-collection', claimPackageId: 1029, packageStatus: 'complete',
  },
  {
    type: 'claim_purchase', id: 11, status: 'processing', createdAt: '2026-10-15T13:49:36Z',
    customerEmail: 'war.eagle@owyheesilver.com', companyName: 'Owyhee Silver Holdings',
    projectId: 222, projectName: 'War Eagle Mountain (Owyhee Co., ID)',
    site: { lon: -116.7268, lat: 43.0055, rows: 1, cols: 4, azimuthDeg: 330, prefix: 'OSH' },
    shape: 'feature-collection', claimPackageId: 1037, packageStatus: 'complete',
  },
  {
    type: 'claim_purchase', id: 12, status: 'cancelled', createdAt: '2026-10-22T22:10:10Z',
    customerEmail: 'ben@crowncreekgold.com', companyName: 'Crown Creek Gold',
    projectId: 237, projectName: 'Crown King (Yavapai Co., AZ)',
    site: { lon: -112.3251, lat: 34.2123, rows: 1, cols: 2, azimuthDeg: 0, prefix: 'CKG' },
    shape: 'feature-collection',
  },
];

const CO: DemoOrderSpec[] = [
  {
    type: 'claim_order', id: 1, status: 'paid', createdAt: '2026-10-03T17:26:40Z',
    customerEmail: 'accounts@independencegold.com', companyName: 'Independence Gold Ventures',
    projectId: 203, projectName: 'Lynn Creek (Eureka Co., NV)',
    site: { lon: -116.3418, lat: 40.9266, rows: 2, cols: 3, azimuthDeg: 330, prefix: 'LYNN' },
    shape: 'feature-collection',
    claimantInfo: {
      claimant_name: 'Independence Gold Ventures LLC', address_1: '1450 Idaho Street', address_2: 'Suite 200',
      address_3: 'Elko, NV 89801', district: 'Lynn Mining District', monument_type: '4" x 4" wooden post, 4 ft',
    },
  },
  {
    type: 'claim_order', id: 2, status: 'approved', createdAt: '2026-10-09T14:14:58Z',
    customerEmail: 'lukasz.pena@pob-minerals.com', companyName: "Łukasz Peña & O'Brien, LLC",
    projectId: 211, projectName: 'Walker Gulch (Yavapai Co., AZ)',
    site: { lon: -112.3697, lat: 34.4318, rows: 2, cols: 4, azimuthDeg: 15, prefix: 'WALKER' },
    shape: 'feature-collection', nameKey: 'claim_name',
    claimantInfo: {
      claimant_name: "Łukasz Peña & O'Brien, LLC", address_1: '220 N. Montezuma St.', address_2: null,
      address_3: 'Prescott, AZ 86301', district: 'Walker Mining District', monument_type: '3" PVC pipe, capped, 4 ft',
    },
  },
  {
    type: 'claim_order', id: 3, status: 'paid', createdAt: '2026-10-14T20:37:19Z',
    customerEmail: 'h.lindgren@lemhigold.com', companyName: 'Lemhi Gold Syndicate',
    projectId: 219, projectName: 'Leesburg Basin (Lemhi Co., ID)',
    site: { lon: -114.1297, lat: 45.2264, rows: 1, cols: 2, azimuthDeg: 90, prefix: 'LEES' },
    shape: 'feature-list', claimantInfo: null, // "claimant info needed"
  },
  {
    type: 'claim_order', id: 4, status: 'paid', createdAt: '2026-10-24T15:58:03Z',
    customerEmail: 'survey@sundanceree.com', companyName: 'Sundance Rare Earths LLC',
    projectId: 231, projectName: 'Bear Lodge Uplift (Crook Co., WY)',
    site: { lon: -104.4472, lat: 44.4961, rows: 3, cols: 2, azimuthDeg: 330, prefix: 'BEAR' },
    shape: 'claims-list',
    claimantInfo: {
      claimant_name: 'Sundance Rare Earths LLC', address_1: 'PO Box 412', address_2: null,
      address_3: 'Sundance, WY 82729', district: 'Bear Lodge Mining District', monument_type: 'Steel fence post, 4 ft',
    },
  },
  {
    type: 'claim_order', id: 5, status: 'approved', createdAt: '2026-10-30T18:11:27Z',
    customerEmail: 'coop@fortymileminers.org', companyName: 'Fortymile Lode & Placer Co-op',
    projectId: 239, projectName: 'Chicken Ridge (Fortymile District, AK)',
    site: { lon: -141.9523, lat: 64.0912, rows: 2, cols: 2, azimuthDeg: 0, prefix: 'FM' },
    shape: 'feature-multipolygon',
    claimantInfo: {
      claimant_name: 'Fortymile Lode & Placer Cooperative', address_1: 'Mile 66 Taylor Highway', address_2: null,
      address_3: 'Chicken, AK 99732', district: 'Fortymile Mining District', monument_type: 'Spruce post 3 ft x 3 in',
    },
  },
  {
    type: 'claim_order', id: 6, status: 'paid', createdAt: '2026-11-05T16:44:50Z',
    customerEmail: 'ruth.castellano@gmail.com', companyName: 'Castellano Family Trust',
    projectId: 247, projectName: 'Tonopah Divide (Nye Co., NV)',
    // Deliberately oversize: the customer drew 1,540 ft claims (valid geometry, so no sync problem), and the
    // app's legal-limit validation flags them until staff lay out a proper 1,500 × 600 ft grid.
    site: { lon: -117.2489, lat: 38.1254, rows: 1, cols: 2, azimuthDeg: 15, prefix: 'DIVIDE', lengthFt: 1540 },
    shape: 'feature-collection', flaw: 'oversize',
    claimantInfo: {
      claimant_name: 'Ruth A. Castellano, Trustee', address_1: '318 Summit Street', address_2: null,
      address_3: 'Tonopah, NV 89049', district: 'Tonopah Mining District', monument_type: '4" x 4" wooden post, 4 ft',
    },
  },
  {
    type: 'claim_order', id: 7, status: 'paid', createdAt: '2026-11-08T19:20:33Z',
    customerEmail: 'desk@plomosaminerals.com', companyName: 'Plomosa Minerals',
    projectId: 255, projectName: 'La Cholla (La Paz Co., AZ)',
    site: { lon: -114.1532, lat: 33.6934, rows: 1, cols: 3, azimuthDeg: 0, prefix: 'QTZ' },
    shape: 'feature-collection', flaw: 'utm-coordinates',
    claimantInfo: {
      claimant_name: 'Plomosa Minerals LLC', address_1: '85 W. Main Street', address_2: null,
      address_3: 'Quartzsite, AZ 85346', district: 'La Paz Mining District', monument_type: '3" PVC pipe, capped, 4 ft',
    },
  },
  {
    type: 'claim_order', id: 8, status: 'approved', createdAt: '2026-11-10T15:03:14Z',
    customerEmail: 'mike@elkcityprospects.com', companyName: 'Elk City Prospects',
    projectId: 258, projectName: 'Buffalo Gulch (Idaho Co., ID)',
    site: { lon: -115.4381, lat: 45.8297, rows: 2, cols: 1, azimuthDeg: 15, prefix: 'ELK' },
    shape: 'feature-polygon', flaw: 'linestring',
    claimantInfo: {
      claimant_name: 'Michael J. Ferrante', address_1: '112 Main Street', address_2: null,
      address_3: 'Elk City, ID 83525', district: 'Elk City Mining District', monument_type: '4" x 4" wooden post, 4 ft',
    },
  },
  {
    type: 'claim_order', id: 9, status: 'paid', createdAt: '2026-11-14T22:48:59Z',
    customerEmail: 'land@copperbasinnv.com', companyName: 'Copper Basin Exploration',
    projectId: 263, projectName: 'Copper Canyon Extension (Lander Co., NV)',
    site: { lon: -117.1218, lat: 40.5307, rows: 2, cols: 2, azimuthDeg: 90, prefix: 'CBE' },
    shape: 'feature-collection', flaw: '3d-unclosed',
    claimantInfo: {
      claimant_name: 'Copper Basin Exploration Inc.', address_1: '645 Front Street', address_2: null,
      address_3: 'Battle Mountain, NV 89820', district: 'Battle Mountain Mining District', monument_type: '4" x 4" wooden post, 4 ft',
    },
  },
  {
    type: 'claim_order', id: 10, status: 'approved', createdAt: '2026-11-16T17:35:41Z',
    customerEmail: 'anvil@seward-peninsula.com', companyName: 'Seward Peninsula Gold',
    projectId: 266, projectName: 'Anvil Mountain (Nome District, AK)',
    site: { lon: -165.4912, lat: 64.5568, rows: 2, cols: 3, azimuthDeg: 0, prefix: 'ANVIL' },
    shape: 'json-string',
    claimantInfo: {
      claimant_name: 'Seward Peninsula Gold Corp.', address_1: '102 Front Street', address_2: 'Box 1180',
      address_3: 'Nome, AK 99762', district: 'Cape Nome Mining District', monument_type: 'Spruce post 3 ft x 3 in',
    },
  },
  {
    type: 'claim_order', id: 11, status: 'paid', createdAt: '2026-11-21T16:09:02Z',
    customerEmail: 'ops@esmeraldagoldfields.com', companyName: 'Esmeralda Goldfields Corp.',
    projectId: 274, projectName: 'Columbia Mountain (Esmeralda Co., NV)',
    site: { lon: -117.2268, lat: 37.7042, rows: 5, cols: 6, azimuthDeg: 330, prefix: 'EGC' },
    shape: 'feature-collection', nameKey: 'claim_name',
    claimantInfo: {
      claimant_name: 'Esmeralda Goldfields Corp.', address_1: '233 Crook Avenue', address_2: null,
      address_3: 'Goldfield, NV 89013', district: 'Goldfield Mining District', monument_type: '4" x 4" wooden post, 4 ft',
    },
  },
  // Not listed: awaiting approval, cancelled, fulfilled.
  {
    type: 'claim_order', id: 12, status: 'pending_approval', createdAt: '2026-10-12T21:31:16Z',
    customerEmail: 'a.pruitt@kingmanturquoise.com', companyName: 'Kingman Turquoise & Silver',
    projectId: 217, projectName: 'Cerbat Range (Mohave Co., AZ)',
    site: { lon: -114.1643, lat: 35.2991, rows: 1, cols: 2, azimuthDeg: 15, prefix: 'CERB' },
    shape: 'feature-collection', claimantInfo: null,
  },
  {
    type: 'claim_order', id: 13, status: 'cancelled', createdAt: '2026-10-20T14:27:45Z',
    customerEmail: 'sam@southpassgold.com', companyName: 'South Pass Gold LLC',
    projectId: 229, projectName: 'Miners Delight (Fremont Co., WY)',
    site: { lon: -108.6827, lat: 42.5274, rows: 1, cols: 1, azimuthDeg: 0, prefix: 'MD' },
    shape: 'feature-polygon', claimantInfo: null,
  },
  {
    type: 'claim_order', id: 14, status: 'fulfilled', createdAt: '2026-10-08T18:52:37Z',
    customerEmail: 'orders@coeurdalenesilver.com', companyName: "Coeur d'Alene Silver Partners",
    projectId: 209, projectName: 'Burke Canyon (Shoshone Co., ID)',
    site: { lon: -115.8412, lat: 47.5281, rows: 1, cols: 3, azimuthDeg: 330, prefix: 'BURKE' },
    shape: 'feature-collection',
    claimantInfo: {
      claimant_name: "Coeur d'Alene Silver Partners", address_1: '401 Cedar Street', address_2: null,
      address_3: 'Wallace, ID 83873', district: "Coeur d'Alene Mining District", monument_type: '4" x 4" wooden post, 4 ft',
    },
  },
];

export const DEMO_ORDER_SPECS: readonly DemoOrderSpec[] = [...CPO, ...CO];
