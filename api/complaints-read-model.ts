import type { Sql } from 'postgres';
import type { ComplaintView } from './complaints.schemas.js';

interface ComplaintRow {
  id: string;
  reference: string;
  channel: ComplaintView['channel'];
  status: string;
  customer_name: string;
  customer_email: string | null;
  customer_phone: string | null;
  customer_locale: string;
  customer_country: string | null;
  subject: string;
  description: string;
  category: string | null;
  product: string | null;
  received_at: Date;
  recorded_at: Date | null;
}

/** A complaint as staff see it, in one query; undefined when there is no such reference. */
export async function findComplaintByReference(sql: Sql, reference: string): Promise<ComplaintView | undefined> {
  const [row] = await sql<ComplaintRow[]>`
    SELECT id, reference, channel, status, customer_name, customer_email, customer_phone, customer_locale,
      customer_country, subject, description, category, product, received_at, recorded_at
    FROM complaints WHERE reference = ${reference}`;
  if (!row) return undefined;
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    status: row.status,
    customer: {
      name: row.customer_name,
      email: row.customer_email,
      phone: row.customer_phone,
      locale: row.customer_locale,
      country: row.customer_country,
    },
    subject: row.subject,
    description: row.description,
    category: row.category,
    product: row.product,
    receivedAt: row.received_at.toISOString(),
    recordedByWorkflow: row.recorded_at !== null,
  };
}
