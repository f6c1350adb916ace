// Deterministic sample data for the demo marketplace ("Demo Market", a fashion and accessories shop).
//
// Every run with the same anchor yields the same buyers, orders and chats: one fixed PRNG stream
// (mulberry32), and every timestamp is an offset back from the anchor. The server passes today's UTC
// midnight, so recency ("last order 12 days ago") stays meaningful from one day to the next while
// the data itself never changes. Nothing is dated after the anchor.

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export type DemoOrderStatus = 'unpaid' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';

/** Statuses whose amount counts as spend (cancelled, refunded and unpaid never do). */
export const COUNTED_STATUSES: readonly DemoOrderStatus[] = ['paid', 'shipped', 'delivered'];

export interface DemoBuyer {
  /** Marketplace username: lowercase ascii, unique. */
  handle: string;
  name: string;
  /** E.164, e.g. +6591234567. Shared only by the two handles of `known.twoHandles`. */
  phone: string;
  email: string;
  city: string;
  /** Country name as the marketplace writes it, e.g. "Singapore", "United States". */
  country: string;
  state: string;
  zipcode: string;
  /** Street line. */
  address: string;
  /** Unit / apartment line; empty when none. */
  address2: string;
}

export interface DemoOrderItem {
  title: string;
  /** Seller SKU, e.g. DM-LBS-WHT-M. */
  sku: string;
  /** The platform's numeric SKU id (19 digits). */
  skuId: string;
  /** e.g. "White, M". */
  variation: string;
  quantity: number;
  unitPriceMinor: number;
  /** TikTok-style product category, e.g. "Womenswear & Underwear". */
  category: string;
  weightGrams: number;
}

export interface DemoOrder {
  /** 18-digit string like TikTok Shop order ids. */
  orderNo: string;
  handle: string;
  status: DemoOrderStatus;
  placedAt: number;
  paidAt?: number;
  shippedAt?: number;
  deliveredAt?: number;
  /** Set when status is 'cancelled'. */
  cancelledAt?: number;
  /** Set when status is 'refunded' (the order was paid, usually delivered, then fully refunded). */
  refundedAt?: number;
  cancelledBy?: 'Buyer' | 'Seller' | 'System';
  /** Cancel or refund reason. */
  cancelReason?: string;
  items: DemoOrderItem[];
  shippingMinor: number;
  /** Sum of items (unit price × quantity) plus shipping. */
  amountMinor: number;
  currency: 'USD';
  /** Set once paid. */
  packageId?: string;
  /** Set once shipped. */
  trackingId?: string;
  carrier: string;
  paymentMethod: string;
  buyerMessage?: string;
  sellerNote?: string;
}

export interface DemoMessage {
  id: string;
  from: 'buyer' | 'seller';
  text: string;
  at: number;
}

export interface DemoConversation {
  id: string;
  handle: string;
  /** Display name shown in the chat (the buyer's name). */
  name: string;
  messages: DemoMessage[];
  /** Time of the last message. */
  lastMessageAt: number;
  unread: number;
}

export interface DemoKnownBuyers {
  /** Many recent orders, the highest spend in the shop. */
  champion: string;
  /** Exactly one order, delivered. */
  oneTime: string;
  /** ≥ 5 counted orders and ≥ $500 spend, but no order in the last 120+ days. */
  lapsedGold: string;
  /** One person under two handles: same phone, different e-mails, each handle with its own orders. */
  twoHandles: readonly [string, string];
  /** The buyer's latest order is unpaid (placed in the last day or two). */
  unpaid: string;
  /** Chats but has no order at all (and so no entry in `buyers`). */
  unknown: string;
}

export interface DemoSeed {
  anchor: number;
  shopName: string;
  shopCurrency: 'USD';
  /** People who have ordered (the `unknown` chatter is not among them). */
  buyers: DemoBuyer[];
  /** Newest first. */
  orders: DemoOrder[];
  /** Most recent message first. */
  conversations: DemoConversation[];
  known: DemoKnownBuyers;
}

export interface ExpectedStats {
  orderCount: number;
  spendMinor: number;
  /** placedAt of the newest counted order; null when none. */
  lastOrderAt: number | null;
}

/** What the buyer panel should show for these handles: only paid, shipped and delivered orders count. */
export function expectedStats(seed: DemoSeed, handles: readonly string[]): ExpectedStats {
  const wanted = new Set(handles);
  let orderCount = 0;
  let spendMinor = 0;
  let lastOrderAt: number | null = null;
  for (const order of seed.orders) {
    if (!wanted.has(order.handle) || !COUNTED_STATUSES.includes(order.status)) continue;
    orderCount += 1;
    spendMinor += order.amountMinor;
    if (lastOrderAt === null || order.placedAt > lastOrderAt) lastOrderAt = order.placedAt;
  }
  return { orderCount, spendMinor, lastOrderAt };
}

/** UTC midnight of the day containing `now` (the anchor the server uses). */
export function utcMidnight(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS;
}

// ---------------------------------------------------------------------------------------------
// Randomness

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }

  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Places, names, products

interface Place {
  city: string;
  state: string;
  zip: (r: Rng) => string;
  /** US area codes for the city. */
  area?: readonly string[];
}

interface Region {
  code: 'SG' | 'MY' | 'US' | 'PH' | 'AU';
  country: string;
  weight: number;
  places: readonly Place[];
  namePools: readonly (readonly [NamePool, number])[];
  phone: (r: Rng, place: Place) => string;
  street: (r: Rng) => { address: string; address2: string };
  carrier: string;
  flatShippingMinor: number;
  transitDays: readonly [number, number];
  payments: readonly string[];
}

interface NamePool {
  first: readonly string[];
  last: readonly string[];
}

const CHINESE: NamePool = {
  first: ['Wei Ling', 'Jia Hui', 'Xin Yi', 'Hui Min', 'Kai Wen', 'Jun Jie', 'Wei Jie', 'Zhi Hao', 'Shu Fen', 'Li Ting',
    'Yu Xuan', 'Jasmine', 'Rachel', 'Vivian', 'Cheryl', 'Gabriel', 'Marcus', 'Joanne', 'Eunice', 'Nicole', 'Bryan',
    'Clara', 'Sharon', 'Kelvin', 'Denise', 'Amanda', 'Felicia', 'Germaine', 'Isaac', 'Melissa'],
  last: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Chan', 'Koh', 'Teo', 'Ang', 'Yeo', 'Chong', 'Low',
    'Sim', 'Toh', 'Chen', 'Ho', 'Foo'],
};
const MALAY: NamePool = {
  first: ['Aisyah', 'Farah', 'Hidayah', 'Syafiqah', 'Amirah', 'Hafiz', 'Irfan', 'Danial', 'Aqil', 'Haziq', 'Nadia',
    'Sofea', 'Batrisyia', 'Imran', 'Zulaikha', 'Alya'],
  last: ['Rahman', 'Ismail', 'Yusof', 'Aziz', 'Hamid', 'Osman', 'Salleh', 'Rashid', 'Hassan', 'Zainal'],
};
const INDIAN: NamePool = {
  first: ['Divya', 'Kavitha', 'Anjali', 'Arjun', 'Ravi', 'Vikram', 'Deepa', 'Meera', 'Karthik', 'Shalini', 'Nisha',
    'Pooja', 'Rohan', 'Lakshmi'],
  last: ['Nair', 'Pillai', 'Raj', 'Subramaniam', 'Menon', 'Kumar', 'Suresh', 'Iyer', 'Ramasamy', 'Chandran'],
};
const WESTERN: NamePool = {
  first: ['Emily', 'Sarah', 'Jessica', 'Ashley', 'Madison', 'Olivia', 'Chloe', 'Hannah', 'Grace', 'Megan', 'Lauren',
    'Brianna', 'Taylor', 'Jordan', 'Kayla', 'Alyssa', 'Tyler', 'Ryan', 'Jake', 'Ethan', 'Noah', 'Chris', 'Sophie',
    'Zoe', 'Mia', 'Ava', 'Isabella', 'Camila', 'Nia', 'Aaliyah', 'Maya', 'Siobhan', 'Brooke', 'Riley', 'Dakota'],
  last: ['Johnson', 'Williams', 'Brown', 'Garcia', 'Martinez', 'Davis', 'Miller', 'Wilson', 'Anderson', 'Thomas',
    'Moore', 'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'Allen',
    'King', 'Wright', 'Scott', 'Nguyen', 'Patel', 'Kim', 'Rodriguez', 'Lopez', 'Hernandez', 'Murphy', 'Kelly',
    "O'Brien", 'Campbell', 'Mitchell', 'Fraser'],
};
const FILIPINO: NamePool = {
  first: ['Maria', 'Angel', 'Kristine', 'Joy', 'Camille', 'Patricia', 'Bea', 'Nicole', 'Joshua', 'Mark', 'Carlo',
    'Miguel', 'Paolo', 'Andrea', 'Bianca', 'Jericho', 'Trisha'],
  last: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Torres', 'Villanueva', 'Ramos', 'Castillo',
    'Flores', 'Dela Cruz', 'Navarro', 'Soriano'],
};

const zipRange = (lo: number, hi: number, width: number) => (r: Rng) => String(r.int(lo, hi)).padStart(width, '0');

const REGIONS: readonly Region[] = [
  {
    code: 'SG', country: 'Singapore', weight: 40,
    places: [{ city: 'Singapore', state: 'Singapore', zip: zipRange(100000, 829999, 6) }],
    namePools: [[CHINESE, 70], [MALAY, 15], [INDIAN, 15]],
    phone: (r) => `+65${r.pick(['8', '9'])}${r.digits(7)}`,
    street: (r) => ({
      address: `Blk ${r.int(1, 699)} ${r.pick(['Tampines Street 11', 'Ang Mo Kio Avenue 3', 'Jurong West Street 42',
        'Bedok North Road', 'Punggol Field', 'Clementi Avenue 2', 'Toa Payoh Lorong 1', 'Yishun Ring Road',
        'Sengkang East Way', 'Bukit Batok West Avenue 6', 'Woodlands Drive 14', 'Pasir Ris Street 51'])}`,
      address2: `#${String(r.int(2, 25)).padStart(2, '0')}-${r.int(10, 480)}`,
    }),
    carrier: 'Ninja Van', flatShippingMinor: 299, transitDays: [1, 3],
    payments: ['Credit card', 'Credit card', 'PayNow', 'GrabPay', 'Apple Pay'],
  },
  {
    code: 'MY', country: 'Malaysia', weight: 18,
    places: [
      { city: 'Kuala Lumpur', state: 'Wilayah Persekutuan Kuala Lumpur', zip: zipRange(50000, 60000, 5) },
      { city: 'Petaling Jaya', state: 'Selangor', zip: zipRange(46000, 47830, 5) },
      { city: 'Shah Alam', state: 'Selangor', zip: zipRange(40000, 40470, 5) },
      { city: 'Johor Bahru', state: 'Johor', zip: zipRange(80000, 81300, 5) },
      { city: 'George Town', state: 'Pulau Pinang', zip: zipRange(10000, 10470, 5) },
      { city: 'Ipoh', state: 'Perak', zip: zipRange(30000, 31650, 5) },
    ],
    namePools: [[CHINESE, 45], [MALAY, 40], [INDIAN, 15]],
    phone: (r) => `+601${r.pick(['2', '6', '7', '9'])}${r.digits(7)}`,
    street: (r) => ({
      address: `${r.int(1, 88)}, ${r.pick(['Jalan SS 2/24', 'Jalan Ampang', 'Jalan Bukit Bintang', 'Jalan Tun Razak',
        'Jalan Kenari 5', 'Lorong Maarof', 'Jalan Burma', 'Jalan Sultan Idris Shah', 'Persiaran Gurney'])}`,
      address2: r.chance(0.5) ? `Unit ${r.int(1, 30)}-${r.int(1, 12)}` : '',
    }),
    carrier: 'J&T Express', flatShippingMinor: 349, transitDays: [2, 5],
    payments: ['Credit card', 'Online banking (FPX)', "Touch 'n Go eWallet", 'ShopeePay'],
  },
  {
    code: 'US', country: 'United States', weight: 27,
    places: [
      { city: 'Los Angeles', state: 'California', zip: zipRange(90001, 90089, 5), area: ['213', '323', '310'] },
      { city: 'San Francisco', state: 'California', zip: zipRange(94102, 94134, 5), area: ['415', '628'] },
      { city: 'New York', state: 'New York', zip: zipRange(10001, 10040, 5), area: ['212', '646', '917'] },
      { city: 'Houston', state: 'Texas', zip: zipRange(77002, 77099, 5), area: ['713', '832'] },
      { city: 'Seattle', state: 'Washington', zip: zipRange(98101, 98199, 5), area: ['206'] },
      { city: 'Chicago', state: 'Illinois', zip: zipRange(60601, 60661, 5), area: ['312', '773'] },
      { city: 'Atlanta', state: 'Georgia', zip: zipRange(30303, 30350, 5), area: ['404', '678'] },
      { city: 'Miami', state: 'Florida', zip: zipRange(33125, 33199, 5), area: ['305', '786'] },
    ],
    namePools: [[WESTERN, 85], [CHINESE, 8], [FILIPINO, 7]],
    phone: (r, place) => `+1${r.pick(place.area ?? ['212'])}${r.int(2, 9)}${r.digits(2)}${r.digits(4)}`,
    street: (r) => ({
      address: `${r.int(100, 9899)} ${r.pick(['Maple Ave', 'Oak St', 'Sunset Blvd', 'Pine St', 'Lakeview Dr', 'Main St',
        'Cedar Ln', 'Elm St', 'Washington Ave', 'Park Pl', 'Highland Ave'])}`,
      address2: r.chance(0.45) ? `Apt ${r.int(1, 24)}${r.pick(['A', 'B', 'C', 'D'])}` : '',
    }),
    carrier: 'USPS', flatShippingMinor: 499, transitDays: [3, 7],
    payments: ['Credit card', 'Credit card', 'PayPal', 'Apple Pay', 'Google Pay'],
  },
  {
    code: 'PH', country: 'Philippines', weight: 8,
    places: [
      { city: 'Quezon City', state: 'Metro Manila', zip: zipRange(1100, 1138, 4) },
      { city: 'Makati', state: 'Metro Manila', zip: zipRange(1200, 1235, 4) },
      { city: 'Cebu City', state: 'Cebu', zip: () => '6000' },
      { city: 'Davao City', state: 'Davao del Sur', zip: () => '8000' },
    ],
    namePools: [[FILIPINO, 100]],
    phone: (r) => `+639${r.pick(['17', '18', '27', '56', '61', '77'])}${r.digits(7)}`,
    street: (r) => ({
      address: `${r.int(1, 250)} ${r.pick(['Mabini St', 'Rizal Ave', 'Katipunan Ave', 'Osmeña Blvd', 'J.P. Laurel Ave',
        'Aguinaldo St'])}, Brgy. ${r.pick(['San Antonio', 'Poblacion', 'Lahug', 'Kapitolyo', 'Bel-Air'])}`,
      address2: '',
    }),
    carrier: 'J&T Express', flatShippingMinor: 399, transitDays: [3, 6],
    payments: ['GCash', 'GCash', 'Maya', 'Credit card', 'Cash on delivery'],
  },
  {
    code: 'AU', country: 'Australia', weight: 7,
    places: [
      { city: 'Sydney', state: 'New South Wales', zip: zipRange(2000, 2234, 4) },
      { city: 'Melbourne', state: 'Victoria', zip: zipRange(3000, 3207, 4) },
      { city: 'Brisbane', state: 'Queensland', zip: zipRange(4000, 4179, 4) },
      { city: 'Perth', state: 'Western Australia', zip: zipRange(6000, 6199, 4) },
    ],
    namePools: [[WESTERN, 80], [CHINESE, 12], [INDIAN, 8]],
    phone: (r) => `+614${r.digits(8)}`,
    street: (r) => ({
      address: `${r.int(1, 320)} ${r.pick(['George St', 'Chapel St', 'Queen St', 'Oxford St', 'Brunswick St',
        'Hay St'])}`,
      address2: r.chance(0.4) ? `Unit ${r.int(1, 40)}` : '',
    }),
    carrier: 'Australia Post', flatShippingMinor: 699, transitDays: [2, 6],
    payments: ['Credit card', 'PayPal', 'Afterpay', 'Apple Pay'],
  },
];

function regionByCode(code: Region['code']): Region {
  const region = REGIONS.find((r) => r.code === code);
  if (!region) throw new Error(`no region ${code}`);
  return region;
}

const CATEGORY = {
  women: 'Womenswear & Underwear',
  accessories: 'Fashion Accessories',
  bags: 'Luggage & Bags',
  shoes: 'Shoes',
} as const;

interface Product {
  code: string;
  title: string;
  priceMinor: number;
  category: string;
  weightGrams: number;
  colors: readonly string[];
  sizes: readonly string[] | null;
  /** Hint for chat templates. */
  kind: 'top' | 'bottom' | 'dress' | 'outer' | 'bag' | 'jewellery' | 'accessory' | 'shoes';
}

const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL'] as const;
const SHOE_SIZES = ['36', '37', '38', '39', '40', '41'] as const;

// Titles carry a comma, a double quote and an ampersand on purpose: the CSV and HTML must survive them.
const PRODUCTS: readonly Product[] = [
  { code: 'LBS', title: 'Linen Button-Down Shirt | Relaxed Fit', priceMinor: 3900, category: CATEGORY.women, weightGrams: 220, colors: ['White', 'Sage', 'Navy'], sizes: APPAREL_SIZES, kind: 'top' },
  { code: 'RCT', title: 'Relaxed Cotton Tee', priceMinor: 1800, category: CATEGORY.women, weightGrams: 160, colors: ['Black', 'White', 'Oatmeal', 'Dusty Pink'], sizes: APPAREL_SIZES, kind: 'top' },
  { code: 'WPT', title: 'Wide-Leg Pleated Trousers', priceMinor: 5200, category: CATEGORY.women, weightGrams: 380, colors: ['Black', 'Camel', 'Grey'], sizes: APPAREL_SIZES, kind: 'bottom' },
  { code: 'SMD', title: 'Satin Slip Midi Dress', priceMinor: 6400, category: CATEGORY.women, weightGrams: 240, colors: ['Champagne', 'Emerald', 'Black'], sizes: APPAREL_SIZES, kind: 'dress' },
  { code: 'KCC', title: 'Knit Cropped Cardigan', priceMinor: 4600, category: CATEGORY.women, weightGrams: 300, colors: ['Cream', 'Lilac', 'Sage'], sizes: APPAREL_SIZES, kind: 'top' },
  { code: 'DTJ', title: 'Denim Trucker Jacket', priceMinor: 7900, category: CATEGORY.women, weightGrams: 700, colors: ['Light Wash', 'Dark Wash'], sizes: APPAREL_SIZES, kind: 'outer' },
  { code: 'PMS', title: 'Pleated Midi Skirt', priceMinor: 4200, category: CATEGORY.women, weightGrams: 260, colors: ['Black', 'Mocha', 'Olive'], sizes: APPAREL_SIZES, kind: 'bottom' },
  { code: 'OSH', title: 'Oversized Fleece Hoodie', priceMinor: 4800, category: CATEGORY.women, weightGrams: 520, colors: ['Heather Grey', 'Black', 'Sky Blue'], sizes: APPAREL_SIZES, kind: 'top' },
  { code: 'FLD', title: 'Floral Wrap Sundress', priceMinor: 5500, category: CATEGORY.women, weightGrams: 230, colors: ['Blue Floral', 'Red Floral'], sizes: APPAREL_SIZES, kind: 'dress' },
  { code: 'CBS', title: 'Cashmere Blend Sweater', priceMinor: 9800, category: CATEGORY.women, weightGrams: 410, colors: ['Camel', 'Charcoal', 'Ivory'], sizes: APPAREL_SIZES, kind: 'top' },
  { code: 'BTC', title: 'Belted Trench Coat', priceMinor: 14900, category: CATEGORY.women, weightGrams: 1100, colors: ['Beige', 'Black'], sizes: APPAREL_SIZES, kind: 'outer' },
  { code: 'LTB', title: 'Leather Tote Bag', priceMinor: 12900, category: CATEGORY.bags, weightGrams: 900, colors: ['Tan', 'Black', 'Burgundy'], sizes: null, kind: 'bag' },
  { code: 'MCB', title: 'Mini Crossbody Bag', priceMinor: 6900, category: CATEGORY.bags, weightGrams: 450, colors: ['Black', 'Cream', 'Sage'], sizes: null, kind: 'bag' },
  { code: 'SLW', title: 'Slim Leather Wallet', priceMinor: 3500, category: CATEGORY.bags, weightGrams: 120, colors: ['Tan', 'Black'], sizes: null, kind: 'accessory' },
  { code: 'SSS', title: 'Silk Square Scarf', priceMinor: 2900, category: CATEGORY.accessories, weightGrams: 60, colors: ['Navy Paisley', 'Rust', 'Leopard'], sizes: null, kind: 'accessory' },
  { code: 'GHE', title: 'Gold Huggie Earrings', priceMinor: 2400, category: CATEGORY.accessories, weightGrams: 20, colors: ['18K Gold Plated', 'Silver'], sizes: null, kind: 'jewellery' },
  { code: 'FPN', title: 'Freshwater Pearl Necklace', priceMinor: 5900, category: CATEGORY.accessories, weightGrams: 40, colors: ['White Pearl'], sizes: null, kind: 'jewellery' },
  { code: 'MMW', title: 'Minimalist Mesh Watch', priceMinor: 8900, category: CATEGORY.accessories, weightGrams: 150, colors: ['Silver', 'Gold', 'Rose Gold'], sizes: null, kind: 'accessory' },
  { code: 'SSH', title: 'Sun & Sand Straw Hat', priceMinor: 2600, category: CATEGORY.accessories, weightGrams: 180, colors: ['Natural'], sizes: null, kind: 'accessory' },
  { code: 'CES', title: 'Cat-Eye Sunglasses', priceMinor: 3200, category: CATEGORY.accessories, weightGrams: 60, colors: ['Tortoise', 'Black'], sizes: null, kind: 'accessory' },
  { code: 'CLB', title: 'Canvas & Leather Belt', priceMinor: 2800, category: CATEGORY.accessories, weightGrams: 200, colors: ['Khaki', 'Black'], sizes: ['S', 'M', 'L'], kind: 'accessory' },
  { code: 'HCC', title: 'Hair Claw Clip Set, 3 pcs', priceMinor: 1200, category: CATEGORY.accessories, weightGrams: 90, colors: ['Neutrals', 'Pastels'], sizes: null, kind: 'accessory' },
  { code: 'RCS', title: 'Ribbed Crew Socks "Everyday" (3 pairs)', priceMinor: 1400, category: CATEGORY.women, weightGrams: 120, colors: ['White', 'Black', 'Mixed'], sizes: ['S/M', 'L/XL'], kind: 'accessory' },
  { code: 'LSS', title: 'Leather Slide Sandals', priceMinor: 5600, category: CATEGORY.shoes, weightGrams: 600, colors: ['Tan', 'Black'], sizes: SHOE_SIZES, kind: 'shoes' },
  { code: 'CCS', title: 'Classic Canvas Sneakers', priceMinor: 6200, category: CATEGORY.shoes, weightGrams: 800, colors: ['White', 'Black'], sizes: SHOE_SIZES, kind: 'shoes' },
];

const PREMIUM = PRODUCTS.filter((p) => p.priceMinor >= 5500);

function colorCode(color: string): string {
  const letters = color.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return letters.slice(0, 3);
}

function productByCode(code: string): Product {
  const product = PRODUCTS.find((p) => p.code === code);
  if (!product) throw new Error(`no product ${code}`);
  return product;
}

/** A platform SKU id that is stable per seller SKU, like TikTok's numeric ids. */
function platformSkuId(sku: string): string {
  let h = 2166136261;
  for (let i = 0; i < sku.length; i++) h = Math.imul(h ^ sku.charCodeAt(i), 16777619) >>> 0;
  const r = mulberry32(h);
  let out = '1729';
  while (out.length < 19) out += String(Math.floor(r() * 10));
  return out;
}

function itemFor(product: Product, color: string, size: string | null, quantity: number): DemoOrderItem {
  const sku = ['DM', product.code, colorCode(color), size?.replace('/', '')].filter(Boolean).join('-');
  return {
    title: product.title,
    sku,
    skuId: platformSkuId(sku),
    variation: size ? `${color}, ${size}` : color,
    quantity,
    unitPriceMinor: product.priceMinor,
    category: product.category,
    weightGrams: product.weightGrams,
  };
}

// ---------------------------------------------------------------------------------------------
// The generator

const SEED = 0x5eed_d3_0; // fixed: the data depends on nothing but the anchor

interface Person extends DemoBuyer {
  region: Region;
  /** Preferred apparel size, for realistic repeat orders and chats. */
  size: string;
  shoeSize: string;
}

interface Ctx {
  r: Rng;
  anchor: number;
  orderNos: Set<string>;
  handles: Set<string>;
  phones: Set<string>;
}

function uniqueId(ctx: Ctx, prefix: string, length: number, taken: Set<string>): string {
  for (;;) {
    const id = prefix + ctx.r.digits(length - prefix.length);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

function makeHandle(ctx: Ctx, first: string, last: string): string {
  const r = ctx.r;
  const f = slug(first);
  const l = slug(last);
  const yy = String(r.int(85, 99)).slice(-2);
  const candidates = [
    `${f}.${l}${r.int(1, 99)}`,
    `${f}_${l}`,
    `${f}${l}`,
    `${f.charAt(0)}${l}_${yy}`,
    `${f}.${r.pick(['style', 'closet', 'shops', 'daily', 'ootd', 'wears'])}`,
    `${l}.${f}`,
    `its${f}${r.int(1, 9)}`,
    `${f}_${r.pick(['loves', 'xo', 'mnl', 'sg', 'hq', 'vibes'])}${r.int(1, 99)}`,
    `${f}${yy}`,
  ];
  let handle = r.pick(candidates).replace(/[^a-z0-9._]/g, '');
  while (ctx.handles.has(handle)) handle = `${handle}${r.int(0, 9)}`;
  ctx.handles.add(handle);
  return handle;
}

function makeEmail(r: Rng, first: string, last: string): string {
  const f = slug(first);
  const l = slug(last);
  const local = r.pick([`${f}.${l}`, `${f}${l}${r.int(1, 99)}`, `${f.charAt(0)}${l}`, `${f}_${l}${r.int(80, 99)}`]);
  return `${local}@${r.pick(['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com'])}`;
}

function makePerson(
  ctx: Ctx,
  fixed?: Partial<Person> & { first?: string; last?: string; regionCode?: Region['code'] },
): Person {
  const r = ctx.r;
  const region = fixed?.regionCode ? regionByCode(fixed.regionCode) : r.weighted(REGIONS.map((g) => [g, g.weight] as const));
  const pool = r.weighted(region.namePools);
  const first = fixed?.first ?? r.pick(pool.first);
  const last = fixed?.last ?? r.pick(pool.last);
  const place = fixed?.city ? (region.places.find((p) => p.city === fixed.city) ?? r.pick(region.places)) : r.pick(region.places);
  let phone = fixed?.phone ?? region.phone(r, place);
  while (ctx.phones.has(phone)) phone = region.phone(r, place);
  ctx.phones.add(phone);
  const handle = fixed?.handle ?? makeHandle(ctx, first, last);
  ctx.handles.add(handle);
  const street = region.street(r);
  return {
    handle,
    name: `${first} ${last}`,
    phone,
    email: fixed?.email ?? makeEmail(r, first, last),
    city: place.city,
    country: region.country,
    state: place.state,
    zipcode: place.zip(r),
    address: street.address,
    address2: street.address2,
    region,
    size: r.weighted([['XS', 8], ['S', 30], ['M', 35], ['L', 20], ['XL', 7]] as const),
    shoeSize: r.pick(SHOE_SIZES),
  };
}

function toBuyer(p: Person): DemoBuyer {
  return {
    handle: p.handle, name: p.name, phone: p.phone, email: p.email, city: p.city, country: p.country,
    state: p.state, zipcode: p.zipcode, address: p.address, address2: p.address2,
  };
}

function randomItems(ctx: Ctx, person: Person, premium: boolean): DemoOrderItem[] {
  const r = ctx.r;
  const count = premium ? r.int(2, 3) : r.weighted([[1, 65], [2, 25], [3, 8], [4, 2]] as const);
  const items: DemoOrderItem[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const product = r.pick(premium && i === 0 ? PREMIUM : PRODUCTS);
    if (used.has(product.code)) continue;
    used.add(product.code);
    const color = r.pick(product.colors);
    const size = product.sizes
      ? product.sizes === SHOE_SIZES
        ? person.shoeSize
        : product.sizes.includes(person.size) ? person.size : r.pick(product.sizes)
      : null;
    const quantity = product.priceMinor < 3000 ? r.weighted([[1, 70], [2, 25], [3, 5]] as const) : r.weighted([[1, 92], [2, 8]] as const);
    items.push(itemFor(product, color, size, quantity));
  }
  return items;
}

/** A placed time `daysAgo` whole days before the anchor, at a plausible hour. */
function placedTime(ctx: Ctx, daysAgo: number): number {
  const hour = ctx.r.weighted([[8, 3], [10, 5], [12, 8], [14, 6], [16, 5], [18, 7], [20, 10], [21, 10], [22, 8], [23, 4]] as const);
  return ctx.anchor - daysAgo * DAY_MS + hour * HOUR_MS + ctx.r.int(0, 59) * MINUTE_MS + ctx.r.int(0, 59) * 1000;
}

const BUYER_MESSAGES = [
  "Please gift wrap, it's a birthday present 🎁",
  'Leave with the guard house if no one is home, thanks',
  'Please double check the size, thank you!',
  "No invoice in the parcel please, it's a gift",
  'Can you ship together with my other order?',
  'Please pack carefully, thank you :)',
];
const SELLER_NOTES = ['VIP – add a free scrunchie', 'Repeat buyer, handwritten thank-you card', 'Checked size with buyer in chat'];

interface OrderPlan {
  placedAt: number;
  items?: DemoOrderItem[];
  premium?: boolean;
  unpaid?: boolean;
  /** Known buyers: no random cancellations or refunds. */
  clean?: boolean;
}

function makeOrder(ctx: Ctx, person: Person, plan: OrderPlan): DemoOrder {
  const r = ctx.r;
  const { anchor } = ctx;
  const items = plan.items ?? randomItems(ctx, person, plan.premium ?? false);
  const subtotal = items.reduce((sum, it) => sum + it.unitPriceMinor * it.quantity, 0);
  const shippingMinor = subtotal >= 4500 ? 0 : person.region.flatShippingMinor;
  const placedAt = plan.placedAt;
  const order: DemoOrder = {
    orderNo: uniqueId(ctx, '57', 18, ctx.orderNos),
    handle: person.handle,
    status: 'unpaid',
    placedAt,
    items,
    shippingMinor,
    amountMinor: subtotal + shippingMinor,
    currency: 'USD',
    carrier: person.region.carrier,
    paymentMethod: r.pick(person.region.payments),
  };
  if (r.chance(0.08)) order.buyerMessage = r.pick(BUYER_MESSAGES);
  if (r.chance(0.03)) order.sellerNote = r.pick(SELLER_NOTES);
  if (plan.unpaid) return order;

  // Timeline: paid within minutes, handed to the carrier in a day or two, delivered after transit.
  const paidAt = placedAt + r.int(1, 25) * MINUTE_MS + r.int(0, 59) * 1000;
  const shippedAt = paidAt + r.int(14, 50) * HOUR_MS + r.int(0, 59) * MINUTE_MS;
  const [tMin, tMax] = person.region.transitDays;
  const deliveredAt = shippedAt + r.int(tMin, tMax) * DAY_MS + r.int(0, 9) * HOUR_MS;

  const incident = plan.clean ? 'none' : r.weighted([['none', 94], ['cancel', 3.5], ['refund', 2.5]] as const);
  if (incident === 'cancel') {
    if (r.chance(0.4)) {
      // Never paid; the platform cancels unpaid orders after 48 hours.
      const cancelledAt = placedAt + 48 * HOUR_MS;
      if (cancelledAt < anchor) {
        return { ...order, status: 'cancelled', cancelledAt, cancelledBy: 'System', cancelReason: 'Payment not completed in time' };
      }
    } else {
      const cancelledAt = paidAt + r.int(1, 10) * HOUR_MS;
      if (cancelledAt < anchor) {
        const [by, reason] = r.pick([
          ['Buyer', 'No longer needed'],
          ['Buyer', 'Wrong size or colour selected'],
          ['Buyer', 'Need to change delivery address'],
          ['Seller', 'Out of stock'],
        ] as const);
        return { ...order, status: 'cancelled', paidAt, packageId: uniqueId(ctx, '115', 19, ctx.orderNos), cancelledAt, cancelledBy: by, cancelReason: reason };
      }
    }
  }

  order.paidAt = paidAt;
  if (paidAt >= anchor) {
    // Placed minutes before the anchor: leave it unpaid rather than date anything after the anchor.
    delete order.paidAt;
    return order;
  }
  order.status = 'paid';
  order.packageId = uniqueId(ctx, '115', 19, ctx.orderNos);
  if (shippedAt >= anchor) return order;
  order.status = 'shipped';
  order.shippedAt = shippedAt;
  order.trackingId = trackingFor(ctx, person.region);
  if (deliveredAt >= anchor) return order;
  order.status = 'delivered';
  order.deliveredAt = deliveredAt;

  if (incident === 'refund') {
    const refundedAt = deliveredAt + r.int(2, 10) * DAY_MS + r.int(0, 8) * HOUR_MS;
    if (refundedAt < anchor) {
      order.status = 'refunded';
      order.refundedAt = refundedAt;
      order.cancelledBy = 'Buyer';
      order.cancelReason = r.pick(["Size doesn't fit", 'Item not as described', 'Changed my mind', 'Damaged item']);
    }
  }
  return order;
}

function trackingFor(ctx: Ctx, region: Region): string {
  const taken = ctx.orderNos; // any set will do: ids of different kinds never collide in practice
  switch (region.code) {
    case 'US': return uniqueId(ctx, '9400111', 22, taken);
    case 'SG': return `NVSGDEMO${uniqueId(ctx, '', 10, taken)}`;
    case 'MY': return uniqueId(ctx, '63', 12, taken);
    case 'PH': return uniqueId(ctx, '78', 12, taken);
    case 'AU': return `33DEM${uniqueId(ctx, '', 16, taken)}`;
  }
}

/** `count` distinct day offsets between `lastDaysAgo` and `firstDaysAgo`, newest last. */
function spreadDays(r: Rng, count: number, lastDaysAgo: number, firstDaysAgo: number): number[] {
  if (count === 1) return [lastDaysAgo];
  const days = new Set<number>([firstDaysAgo, lastDaysAgo]);
  let guard = 0;
  while (days.size < count && guard++ < 10_000) days.add(r.int(lastDaysAgo, firstDaysAgo));
  return [...days].sort((a, b) => b - a);
}

// ---------------------------------------------------------------------------------------------
// Known buyers, built by hand so tests can rely on their properties

const KNOWN = {
  champion: 'mei.lin88',
  oneTime: 'daniel.reyes',
  lapsedGold: 'priya.krishnan',
  twoHandles: ['lily_chen', 'lilychen.shop'],
  unpaid: 'kokwei.tan',
  unknown: 'curious.cat_22',
} as const satisfies DemoKnownBuyers;

/** Chatters with no orders besides `known.unknown` (pre-sale questions). */
const PROSPECTS = [
  { handle: KNOWN.unknown, name: 'Hannah Lee', city: 'Singapore' },
  { handle: 'window.shopper_09', name: 'Zoe Martin', city: 'Sydney' },
  { handle: 'aqil.hmz', name: 'Aqil Hamzah', city: 'Kuala Lumpur' },
] as const;

function item(code: string, color: string, size: string | null, quantity = 1): DemoOrderItem {
  return itemFor(productByCode(code), color, size, quantity);
}

export function demoSeed(anchor: number): DemoSeed {
  if (!Number.isFinite(anchor)) throw new Error('demoSeed: anchor must be an epoch-ms number');
  const ctx: Ctx = { r: new Rng(SEED), anchor, orderNos: new Set(), handles: new Set(), phones: new Set() };
  const r = ctx.r;
  for (const p of PROSPECTS) ctx.handles.add(p.handle);
  for (const h of [KNOWN.champion, KNOWN.oneTime, KNOWN.lapsedGold, ...KNOWN.twoHandles, KNOWN.unpaid]) ctx.handles.add(h);

  const people: Person[] = [];
  const orders: DemoOrder[] = [];

  // --- known buyers
  const mei = makePerson(ctx, { handle: KNOWN.champion, first: 'Mei', last: 'Lin', regionCode: 'SG', email: 'meilin88@gmail.com' });
  mei.size = 'S';
  people.push(mei);
  const meiDays = [702, 640, 575, 512, 455, 398, 341, 290, 236, 184, 139, 101, 74, 52, 33, 19, 9, 4];
  for (const d of meiDays) {
    orders.push(makeOrder(ctx, mei, { placedAt: placedTime(ctx, d), premium: true, clean: true }));
  }

  const daniel = makePerson(ctx, { handle: KNOWN.oneTime, first: 'Daniel', last: 'Reyes', regionCode: 'PH', city: 'Makati', email: 'daniel.reyes@yahoo.com' });
  people.push(daniel);
  orders.push(makeOrder(ctx, daniel, { placedAt: placedTime(ctx, 41), items: [item('OSH', 'Black', 'L')], clean: true }));

  const priya = makePerson(ctx, { handle: KNOWN.lapsedGold, first: 'Priya', last: 'Krishnan', regionCode: 'MY', city: 'Petaling Jaya', email: 'priya.krishnan@outlook.com' });
  priya.size = 'M';
  people.push(priya);
  const priyaOrders: DemoOrderItem[][] = [
    [item('LTB', 'Tan', null)],
    [item('SMD', 'Emerald', 'M'), item('GHE', '18K Gold Plated', null)],
    [item('CBS', 'Camel', 'M')],
    [item('MMW', 'Rose Gold', null)],
    [item('BTC', 'Beige', 'M')],
    [item('FLD', 'Blue Floral', 'M'), item('SSH', 'Natural', null)],
    [item('MCB', 'Cream', null), item('SSS', 'Rust', null)],
  ];
  [688, 612, 540, 466, 391, 318, 236].forEach((d, i) => {
    orders.push(makeOrder(ctx, priya, { placedAt: placedTime(ctx, d), items: priyaOrders[i] ?? [], clean: true }));
  });

  // One person, two handles: same phone, different e-mails.
  const lily = makePerson(ctx, { handle: KNOWN.twoHandles[0], first: 'Lily', last: 'Chen', regionCode: 'SG', email: 'lily.chen@gmail.com', phone: '+6591234567' });
  lily.size = 'S';
  const lilyShop: Person = { ...lily, handle: KNOWN.twoHandles[1], email: 'lilychen.shop@outlook.com' };
  people.push(lily, lilyShop);
  const lilyItems: DemoOrderItem[][] = [
    [item('LBS', 'White', 'S')],
    [item('PMS', 'Mocha', 'S'), item('HCC', 'Neutrals', null, 2)],
    [item('KCC', 'Lilac', 'S')],
    [item('SMD', 'Champagne', 'S')],
    [item('RCT', 'Black', 'S', 2), item('GHE', '18K Gold Plated', null)],
  ];
  [415, 298, 152, 63, 13].forEach((d, i) => {
    orders.push(makeOrder(ctx, lily, { placedAt: placedTime(ctx, d), items: lilyItems[i] ?? [], clean: true }));
  });
  orders.push(makeOrder(ctx, lilyShop, { placedAt: placedTime(ctx, 204), items: [item('MCB', 'Sage', null)], clean: true }));
  orders.push(makeOrder(ctx, lilyShop, { placedAt: placedTime(ctx, 27), items: [item('WPT', 'Camel', 'S'), item('CLB', 'Khaki', 'S')], clean: true }));

  const kokwei = makePerson(ctx, { handle: KNOWN.unpaid, first: 'Kok Wei', last: 'Tan', regionCode: 'SG', email: 'kokwei.tan@gmail.com' });
  kokwei.size = 'L';
  people.push(kokwei);
  orders.push(makeOrder(ctx, kokwei, { placedAt: placedTime(ctx, 261), items: [item('SLW', 'Black', null)], clean: true }));
  orders.push(makeOrder(ctx, kokwei, { placedAt: placedTime(ctx, 88), items: [item('DTJ', 'Dark Wash', 'L')], clean: true }));
  // Placed yesterday morning, payment failed.
  orders.push(makeOrder(ctx, kokwei, { placedAt: anchor - DAY_MS + 9 * HOUR_MS + 12 * MINUTE_MS, items: [item('CCS', 'White', '41'), item('RCS', 'White', 'L/XL')], unpaid: true, clean: true }));

  const knownCount = people.length;

  // --- everyone else
  type Archetype = 'one' | 'occasional' | 'regular' | 'big';
  const TOTAL_BUYERS = 400;
  const recentActive: Person[] = [];
  while (people.length < TOTAL_BUYERS) {
    const person = makePerson(ctx);
    people.push(person);
    const archetype = r.weighted<Archetype>([['one', 44], ['occasional', 32], ['regular', 21], ['big', 3]]);
    const count =
      archetype === 'one' ? 1
        : archetype === 'occasional' ? r.int(2, 5)
          : archetype === 'regular' ? r.weighted([[5, 4], [6, 5], [7, 5], [8, 4], [9, 3], [10, 3], [11, 2], [12, 2], [14, 2], [16, 1], [18, 1], [20, 1]] as const)
            : r.int(8, 16);
    const lapsed = archetype !== 'big' && archetype !== 'one' && r.chance(0.25);
    // The shop has been growing: recent days see more orders than two years ago.
    const lastDaysAgo =
      archetype === 'one' ? 2 + Math.floor(718 * r.next() ** 1.4)
        : lapsed ? r.int(150, 600)
          : 2 + Math.floor(108 * r.next() ** 1.7);
    const minSpan = Math.min(720 - lastDaysAgo, count * 14);
    const firstDaysAgo = Math.min(725, lastDaysAgo + r.int(minSpan, Math.max(minSpan, 725 - lastDaysAgo)));
    for (const d of spreadDays(r, count, lastDaysAgo, firstDaysAgo)) {
      orders.push(makeOrder(ctx, person, { placedAt: placedTime(ctx, d), premium: archetype === 'big' || (archetype === 'regular' && r.chance(0.15)) }));
    }
    if (!lapsed && archetype !== 'one' && lastDaysAgo < 60) recentActive.push(person);
  }

  // Recent unpaid orders (placed in the last 1–3 days), besides the known one.
  for (const person of r.shuffle(recentActive).slice(0, 9)) {
    const daysAgo = r.int(1, 3);
    // No later than 19:00 the day before the anchor, so the chats about them fit before the anchor.
    const placedAt = anchor - daysAgo * DAY_MS + r.int(7, 18) * HOUR_MS + r.int(0, 59) * MINUTE_MS;
    orders.push(makeOrder(ctx, person, { placedAt, unpaid: true }));
  }

  orders.sort((a, b) => b.placedAt - a.placedAt || a.orderNo.localeCompare(b.orderNo));

  const conversations = makeConversations(ctx, people, orders, knownCount);

  return {
    anchor,
    shopName: 'Demo Market',
    shopCurrency: 'USD',
    buyers: people.map(toBuyer),
    orders,
    conversations,
    known: { ...KNOWN, twoHandles: [...KNOWN.twoHandles] as const },
  };
}

// ---------------------------------------------------------------------------------------------
// Conversations

interface Script {
  from: 'buyer' | 'seller';
  text: string;
}

interface TopicContext {
  first: string;
  city: string;
  size: string;
  order?: DemoOrder;
  product: string;
  variation: string;
  transit: string;
  carrier: string;
  /** When the chat starts: the topic speaks of the order as it stood then. */
  asOf: number;
  /** Picks between a topic's scripts. */
  variant: 0 | 1;
}

const b = (text: string): Script => ({ from: 'buyer', text });
const s = (text: string): Script => ({ from: 'seller', text });

const shortDate = (t: number) => new Date(t).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const nextSize = (size: string) => APPAREL_SIZES[Math.min(APPAREL_SIZES.indexOf(size as (typeof APPAREL_SIZES)[number]) + 1, APPAREL_SIZES.length - 1)] ?? 'L';

const TOPICS = {
  size: (c: TopicContext): Script[] => [
    b(`Hi! Is the ${c.product} true to size? I'm usually a ${c.size}.`),
    s(`Hi ${c.first}! It's true to size with a relaxed cut. If you like a closer fit, go one size down.`),
    b('Does the fabric stretch much?'),
    s(`Just a little. Most customers who wear ${c.size} elsewhere are happy with ${c.size} here.`),
    b(`Ok great, I'll order the ${c.size} then 😊`),
  ],
  delivery: (c: TopicContext): Script[] => {
    const o = c.order;
    const no = o?.orderNo ?? '';
    if (o?.shippedAt !== undefined && o.trackingId && o.shippedAt < c.asOf) {
      return [
        b(`Hello, any update on my order ${no}?`),
        s(`Hi ${c.first}, it was shipped on ${shortDate(o.shippedAt)} with ${c.carrier}. Tracking number: ${o.trackingId}`),
        s(`Delivery to ${c.city} usually takes ${c.transit} working days.`),
        b('Thank you! Will it arrive before the weekend?'),
        s("It should, unless the courier is delayed. I'll keep an eye on it for you."),
        b('👍'),
      ];
    }
    return [
      b(`Hi, when will order ${no} ship?`),
      s(`Hi ${c.first}, thanks for waiting! It's packed and will be handed to ${c.carrier} tomorrow.`),
      b('Great, can you add a note to leave it at the door?'),
      s("Done, I've added it to the delivery instructions."),
    ];
  },
  gift: (c: TopicContext): Script[] => [
    b(`Hi, can you gift wrap the ${c.product}? It's for my mum's birthday`),
    s('Of course! Gift wrap and a card are free. What should the card say?'),
    b('"Happy birthday Mum, love you" please. And no price tag or invoice inside'),
    s('Noted 🎁 No invoice, and the price tag will be removed.'),
    b("You're the best, thank you!"),
  ],
  discount: (c: TopicContext): Script[] => [
    b('Do you have any discount if I buy 3 items?'),
    s(`Hi ${c.first}! Spend $80 or more and get 10% off with code DEMO10 at checkout.`),
    b('Does it work with free shipping too?'),
    s('Yes, both apply together. Free shipping starts at $45.'),
    b('Ok adding to cart now'),
  ],
  restock: (c: TopicContext): Script[] => [
    b(`When will the ${c.product} be back in ${c.variation}?`),
    s(`Hi ${c.first}, we're expecting a restock in about two weeks.`),
    b("Can you let me know when it's back?"),
    s("Sure, I've noted your name. I'll message you here as soon as it's in."),
  ],
  exchange: (c: TopicContext): Script[] => [
    b(`Hi, I received the ${c.product} but it's a bit tight. Can I exchange for a bigger size?`),
    s(`So sorry about that, ${c.first}! Exchanges are free within 15 days. Which size would you like?`),
    b(`${nextSize(c.size)} please`),
    s(`Done. The courier will pick up the parcel within 2 days and we'll send the ${nextSize(c.size)} once it's back with us.`),
    b('Thank you so much!'),
  ],
  thanks: (c: TopicContext): Script[] => [
    b(`Got my parcel today, love the ${c.product}! 😍`),
    s(`Yay, so glad you like it ${c.first}! Would you mind leaving a review? It helps us a lot.`),
    b('Already did ⭐⭐⭐⭐⭐'),
    s("Thank you! Here's 10% off your next order: THANKYOU10"),
  ],
  unpaid: (c: TopicContext): Script[] =>
    c.variant === 0
      ? [
          b(`Hi, I placed order ${c.order?.orderNo ?? ''} but the payment didn't go through`),
          s(`Hi ${c.first}! The order is still reserved for you. You can retry the payment from My Orders.`),
          b('Can I pay with a different card?'),
          s('Yes, just pick another payment method when you tap Pay now. The order stays open for 48 hours.'),
          b('Ok will do tonight'),
        ]
      : [
          b(`Hello! Before I pay for my order, can I still change the ${c.product} to another colour?`),
          s(`Hi ${c.first}, yes as long as it's unpaid. Which colour would you like?`),
          b("Hmm let me think, I'll decide later today"),
        ],
  presale: (c: TopicContext): Script[] =>
    c.variant === 0
      ? [
          b(`Hi, do you ship to ${c.city}? How long does it take?`),
          s(`Hi! Yes, we ship to ${c.city}. It usually takes ${c.transit} working days.`),
          b('Is the Leather Tote Bag real leather?'),
          s("Yes, it's full-grain cowhide with a cotton lining."),
          b("Nice, I'm thinking about it 🤔"),
        ]
      : [
          b('Hi! Is the Satin Slip Midi Dress see-through in champagne?'),
          s("Hi! It's fully lined, so not see-through at all."),
          b('And is it ok to machine wash?'),
          s('Hand wash or the delicate cycle in a laundry bag, cold water.'),
          b('Thanks, will order after payday 😅'),
        ],
  champion: (c: TopicContext): Script[] => [
    b('Hi again! Any new arrivals this week?'),
    s(`Hi ${c.first}! Always lovely to hear from you 😊 The Belted Trench Coat just landed, and new silk scarves.`),
    b('Ooh can you hold the trench in beige, size S for me?'),
    s('Done, reserved for 24 hours under your name.'),
    b('Perfect, will check out tonight. Does the scarf come in navy?'),
    s("It does, the Navy Paisley one. I'll send you a photo."),
    b('Love it, add it too please'),
  ],
  lapsed: (c: TopicContext): Script[] => [
    b("Hello, do you still sell the Leather Tote Bag in tan? Haven't been here for a while"),
    s(`Hi ${c.first}, welcome back! Yes, tan is in stock.`),
    b('Great. Is it the same as before?'),
    s('Same design, with a slightly bigger inner pocket now.'),
  ],
  twoHandles: (c: TopicContext): Script[] => [
    b('Hi, I ordered the Wide-Leg Pleated Trousers from my other account. Can you check which size I bought?'),
    s(`Hi ${c.first}! Sure, what's the order number?`),
    b("I don't have it now, it's under lilychen.shop"),
    s('Found it. You took size S in that one.'),
    b('Thanks! Then S again please'),
  ],
} as const;

type Topic = keyof typeof TOPICS;

function latestOrder(orders: readonly DemoOrder[], handle: string): DemoOrder | undefined {
  // `orders` is sorted newest first.
  return orders.find((o) => o.handle === handle);
}

function makeConversations(ctx: Ctx, people: readonly Person[], orders: readonly DemoOrder[], knownCount: number): DemoConversation[] {
  const r = ctx.r;
  const { anchor } = ctx;
  const byHandle = new Map(people.map((p) => [p.handle, p] as const));
  const convIds = new Set<string>();

  const build = (
    handle: string,
    name: string,
    region: Region,
    size: string,
    city: string,
    topic: Topic,
    wantedEndAt: number,
    variant?: 0 | 1,
  ): DemoConversation => {
    const order = latestOrder(orders, handle);
    // Chats end by wantedEndAt, start after the order they talk about, and never run past the anchor.
    const MAX_SPAN = 2 * HOUR_MS;
    const notBefore = order ? (topic === 'thanks' || topic === 'exchange' ? (order.deliveredAt ?? order.placedAt) : order.placedAt) : 0;
    const endAt = Math.min(Math.max(wantedEndAt, notBefore + 10 * MINUTE_MS + MAX_SPAN), anchor - MINUTE_MS);
    const firstItem = order?.items[0];
    const product = firstItem?.title.split(' | ')[0] ?? r.pick(PRODUCTS).title.split(' | ')[0] ?? 'Relaxed Cotton Tee';
    const variation = firstItem?.variation ?? `Black, ${size}`;
    const script = TOPICS[topic]({
      first: name.split(' ')[0] ?? name,
      city,
      size,
      order,
      product,
      variation,
      transit: `${region.transitDays[0]}–${region.transitDays[1]}`,
      carrier: region.carrier,
      asOf: endAt - MAX_SPAN,
      variant: variant ?? (r.chance(0.5) ? 1 : 0),
    });
    // Messages a few minutes apart (at most ~8 × 15 min < MAX_SPAN), laid out backwards from endAt.
    const gaps = script.map(() => r.int(1, 14) * MINUTE_MS + r.int(0, 59) * 1000);
    let t = endAt;
    const times: number[] = [];
    for (let i = script.length - 1; i >= 0; i--) {
      times[i] = t;
      t -= gaps[i] ?? 0;
    }
    const id = uniqueId(ctx, '73', 19, convIds);
    const messages = script.map((m, i) => ({ id: `${id}-${i + 1}`, from: m.from, text: m.text, at: times[i] ?? endAt }));
    const last = messages[messages.length - 1];
    return {
      id,
      handle,
      name,
      messages,
      lastMessageAt: last?.at ?? endAt,
      unread: last?.from === 'buyer' ? r.int(1, 2) : 0,
    };
  };

  const person = (handle: string): Person => {
    const p = byHandle.get(handle);
    if (!p) throw new Error(`no person ${handle}`);
    return p;
  };
  const conv = (handle: string, topic: Topic, endAt: number, variant?: 0 | 1) => {
    const p = person(handle);
    return build(p.handle, p.name, p.region, p.size, p.city, topic, endAt, variant);
  };

  const deliveredOf = (handle: string) => latestOrder(orders, handle)?.deliveredAt ?? anchor - 10 * DAY_MS;

  const out: DemoConversation[] = [];
  // Known buyers first, most recent at the top; lily_chen is the conversation /chat opens.
  out.push(conv(KNOWN.twoHandles[0], 'twoHandles', anchor - 18 * MINUTE_MS));
  out.push(conv(KNOWN.champion, 'champion', anchor - 52 * MINUTE_MS));
  out.push(conv(KNOWN.unpaid, 'unpaid', anchor - 95 * MINUTE_MS, 0));
  const sg = regionByCode('SG');
  for (const [i, p] of PROSPECTS.entries()) {
    const region = REGIONS.find((g) => g.places.some((pl) => pl.city === p.city)) ?? sg;
    out.push(build(p.handle, p.name, region, 'M', p.city, 'presale', anchor - (140 + i * 190) * MINUTE_MS, i === 1 ? 1 : 0));
  }
  out.push(conv(KNOWN.twoHandles[1], 'thanks', deliveredOf(KNOWN.twoHandles[1]) + 5 * HOUR_MS));
  out.push(conv(KNOWN.lapsedGold, 'lapsed', anchor - 7 * HOUR_MS));
  out.push(conv(KNOWN.oneTime, 'thanks', deliveredOf(KNOWN.oneTime) + 3 * HOUR_MS));

  // Others: mostly buyers with recent orders, topic chosen from their latest order.
  const candidates = r.shuffle(people.slice(knownCount)).sort((a, c) => {
    const la = latestOrder(orders, a.handle)?.placedAt ?? 0;
    const lc = latestOrder(orders, c.handle)?.placedAt ?? 0;
    return lc - la;
  });
  const chosen = [...candidates.slice(0, 40), ...r.shuffle(candidates.slice(40)).slice(0, 60 - out.length - 40)];
  for (const p of chosen) {
    const last = latestOrder(orders, p.handle);
    let topic: Topic;
    // Below the known buyers' chats (the newest at least three hours before the anchor), within six days.
    let endAt = anchor - r.int(3 * 60, 6 * 24 * 60) * MINUTE_MS;
    if (last?.status === 'unpaid') topic = 'unpaid';
    else if (last?.status === 'paid' || last?.status === 'shipped') topic = 'delivery';
    else if (last?.status === 'delivered' && last.deliveredAt && anchor - last.deliveredAt < 20 * DAY_MS && anchor - last.deliveredAt > 8 * HOUR_MS) {
      topic = r.pick(['thanks', 'exchange', 'thanks'] as const);
      endAt = Math.min(endAt, last.deliveredAt + r.int(3, 30) * HOUR_MS);
    } else topic = r.pick(['size', 'gift', 'discount', 'restock'] as const);
    out.push(conv(p.handle, topic, Math.min(endAt, anchor - 3 * HOUR_MS)));
  }
  return out.sort((a, c) => c.lastMessageAt - a.lastMessageAt);
}
