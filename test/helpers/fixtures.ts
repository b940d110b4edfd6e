import type { IntakeRequest } from '../../api/intake/intake.schemas.js';

/** A valid web complaint; override what a test is about. */
export function aComplaint(overrides: Partial<IntakeRequest> = {}): IntakeRequest {
  return {
    channel: 'web',
    customer: { name: 'Ayşe Yılmaz', email: 'ayse@example.com', phone: '+90 532 000 00 00', locale: 'tr', country: 'TR' },
    subject: 'Çamaşır makinesi su sızdırıyor',
    description: 'Makine iki haftalık, alttan su sızdırıyor; servis gelmedi.',
    ...overrides,
  };
}
