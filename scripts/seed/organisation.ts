// The organisation seeded complaints belong to: categories and the department each goes to,
// products, teams and their agents. Ids are the snake_case ones routing and `classify` name.

export interface Department {
  id: string;
  name: string;
  teams: readonly { id: string; name: string; agents: readonly string[] }[];
}

const agents = (team: string, names: readonly string[]) => names.map((n) => `${team.replace(/_/g, '-')}-${n}`);

export const DEPARTMENTS: readonly Department[] = [
  {
    id: 'after_sales',
    name: 'Satış Sonrası Hizmetler',
    teams: [
      { id: 'after_sales_north', name: 'Satış Sonrası — Kuzey', agents: agents('as-north', ['ayse', 'mehmet', 'zeynep', 'emre', 'elif']) },
      { id: 'after_sales_south', name: 'Satış Sonrası — Güney', agents: agents('as-south', ['burak', 'selin', 'hakan', 'deniz']) },
    ],
  },
  { id: 'billing', name: 'Faturalama', teams: [{ id: 'billing', name: 'Faturalama', agents: agents('billing', ['bora', 'ece', 'kerem', 'irem']) }] },
  { id: 'delivery', name: 'Teslimat ve Lojistik', teams: [{ id: 'delivery', name: 'Teslimat', agents: agents('delivery', ['can', 'gizem', 'onur', 'pinar', 'tolga']) }] },
  { id: 'quality', name: 'Kalite', teams: [{ id: 'quality', name: 'Kalite Güvence', agents: agents('quality', ['serkan', 'aylin', 'murat']) }] },
  {
    id: 'customer_service',
    name: 'Müşteri Hizmetleri',
    teams: [
      { id: 'contact_center', name: 'Çağrı Merkezi', agents: agents('cc', ['derya', 'okan', 'sibel', 'umut', 'yasemin', 'levent']) },
      { id: 'front_office', name: 'Mağaza ve Ön Büro', agents: agents('fo', ['nur', 'cem', 'esra']) },
    ],
  },
  { id: 'digital', name: 'Dijital Kanallar', teams: [{ id: 'digital', name: 'Dijital', agents: agents('digital', ['arda', 'melis', 'berk']) }] },
];

export const SUPERVISORS = ['supervisor-hulya', 'supervisor-tarik', 'supervisor-nesrin'];

export interface Category {
  id: string;
  department: string;
  /** Products this kind of complaint is about. */
  products: readonly string[];
  /** Share of complaints in the category. */
  weight: number;
}

const APPLIANCES = ['wm-8000', 'rf-500', 'dw-300', 'ov-200', 'tv-55q', 'ac-12', 'vc-9'];

export const CATEGORIES: readonly Category[] = [
  { id: 'product_defect', department: 'quality', products: APPLIANCES, weight: 20 },
  { id: 'warranty', department: 'after_sales', products: APPLIANCES, weight: 12 },
  { id: 'installation', department: 'after_sales', products: ['wm-8000', 'dw-300', 'ac-12', 'ov-200'], weight: 7 },
  { id: 'delivery_delay', department: 'delivery', products: [...APPLIANCES, 'srv-delivery'], weight: 15 },
  { id: 'billing_error', department: 'billing', products: ['sub-plus', 'srv-delivery', ...APPLIANCES.slice(0, 3)], weight: 12 },
  { id: 'refund_request', department: 'billing', products: [...APPLIANCES, 'sub-plus'], weight: 8 },
  { id: 'service_quality', department: 'customer_service', products: ['srv-support', 'srv-delivery', 'sub-plus'], weight: 10 },
  { id: 'staff_attitude', department: 'customer_service', products: ['srv-support', 'srv-store'], weight: 5 },
  { id: 'website_app', department: 'digital', products: ['app-mobile', 'web-shop'], weight: 7 },
  { id: 'privacy', department: 'digital', products: ['app-mobile', 'web-shop', 'sub-plus'], weight: 2 },
  { id: 'other', department: 'customer_service', products: ['srv-support', 'srv-store', ...APPLIANCES.slice(0, 2)], weight: 2 },
];

export const DEPARTMENT_BY_ID = new Map(DEPARTMENTS.map((d) => [d.id, d]));
