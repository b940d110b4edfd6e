// The sentences a process owner reads for each changed field, in English and Turkish, including
// fields added whole and fields this code does not know yet.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import type { DefinitionChange } from '../../domain/process-definitions/diff.js';
import { describeChange } from '../../texts/process-definitions.js';

describe('describeChange', () => {
  it.each<[DefinitionChange, string, string]>([
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
      'Who is told at the investigation warning changes from assigned specialist to assigned specialist and quality manager.',
      'Araştırma ve değerlendirme uyarısında bilgilendirilenler artık atanan uzman ve quality manager (önceden atanan uzman).',
    ],
    [
      { path: 'externalRemedies.default', from: DEFAULT_PROCESS_DEFINITION.externalRemedies.default!, to: null },
      'Removed: the external remedies for other countries (it was Independent external dispute resolution).',
      'Diğer ülkeler için dış başvuru yolları kaldırıldı (önceden Bağımsız dış uyuşmazlık çözümü).',
    ],
    [
      { path: 'survey.lifetime', from: null, to: { workingDays: 20 } },
      'Added: the field survey.lifetime, 20 working days.',
      'Survey.lifetime alanı eklendi: 20 iş günü.',
    ],
  ])('says %j in words', (change, english, turkish) => {
    expect(describeChange(change, 'en')).toBe(english);
    expect(describeChange(change, 'tr')).toBe(turkish);
  });
});
