// The sentences a process owner reads for each changed field, in English and Turkish, including
// fields added whole and fields this code does not know yet.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import type { DefinitionChange } from '../../domain/process-definitions/diff.js';
import { describeChange } from '../../texts/process-definitions.js';

const CASES: [DefinitionChange, english: string, turkish: string][] = [
  [
    { path: 'stages.acknowledgement.deadline', from: { workingHours: 6 }, to: { workingHours: 1 } },
    'The acknowledgement deadline changes from 6 working hours to 1 working hour.',
    'Alındı bildirimi süresi artık 1 iş saati (önceden 6 iş saati).',
  ],
  [
    { path: 'stages.initialReview.escalation.onBreach.3', from: null, to: { notify: ['director'], escalate: true, rearmAfter: { workingDays: 1 } } },
    'Added: breach step 4 of the initial review, director notified, escalation level raised; next step 1 working day later.',
    'Ön inceleme için 4. süre aşımı adımı eklendi: direktör bilgilendirilir, üst kademeye taşınır; sonraki adım 1 iş günü sonra.',
  ],
  [
    { path: 'stages.investigation.escalation.onWarning.notify', from: ['assignee'], to: ['assignee', 'qualityManager'] },
    'Who is told at the investigation warning: now also quality manager.',
    'Araştırma ve değerlendirme uyarısında bilgilendirilenler: eklenen quality manager.',
  ],
  [
    { path: 'decisionRoles.agent', from: ['note', 'withdraw'], to: ['note', 'escalate'] },
    'The decisions the agent may take: now also escalate; no longer withdraw.',
    'Temsilci rolünün verebileceği kararlar: eklenen üst kademeye taşımak; çıkarılan geri çekmek.',
  ],
  [
    { path: 'survey.lifetime', from: { calendarDays: 30 }, to: { calendarDays: 14 } },
    'How long the satisfaction survey stays open changes from 30 calendar days to 14 calendar days.',
    'Memnuniyet anketinin açık kaldığı süre artık 14 takvim günü (önceden 30 takvim günü).',
  ],
  [
    { path: 'survey.lifetime', from: { calendarDays: 30 }, to: { workingDays: 10 } },
    'How long the satisfaction survey stays open changes from 30 calendar days to 10 working days.',
    'Memnuniyet anketinin açık kaldığı süre artık 10 iş günü (önceden 30 takvim günü).',
  ],
  [
    { path: 'routing.rules.0', from: null, to: { id: 'wm', when: { product: 'WM-8000' }, department: 'after_sales', team: 'washers' } },
    'Added: routing rule 1, product “WM-8000” → department “after_sales”, team “washers”.',
    '1. yönlendirme kuralı eklendi: ürün “WM-8000” → birim “after_sales”, ekip “washers”.',
  ],
  [
    { path: 'externalRemedies.default', from: DEFAULT_PROCESS_DEFINITION.externalRemedies.default!, to: null },
    'Removed: the external remedies for other countries (it was Independent external dispute resolution).',
    'Diğer ülkeler için dış başvuru yolları kaldırıldı (önceden Bağımsız dış uyuşmazlık çözümü).',
  ],
  [
    { path: 'holidayPolicy.closeOn', from: null, to: ['bayram'] },
    'Added: the field holidayPolicy.closeOn, “bayram”.',
    'HolidayPolicy.closeOn alanı eklendi: “bayram”.',
  ],
];

describe('describeChange', () => {
  it.each(CASES.map(([change, english, turkish]) => [change.path, change, english, turkish] as const))(
    'says what a change of %s means',
    (_path, change, english, turkish) => {
      expect(describeChange(change, 'en')).toBe(english);
      expect(describeChange(change, 'tr')).toBe(turkish);
    },
  );
});
