// The default process definition, as data: the industrial company's deadlines from the seeds
// (acknowledge in 6 working hours; 2 / 4 / 1 working days for review, investigation, conclusion),
// two answer rounds, then external remedies. test/config/default-process.test.ts proves it valid.
import { DECISIONS_BY_ROLE, DECISIONS_NEWER_THAN_DECISION_ROLES, type DecisionType, type Role } from '../domain/complaint.js';
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../domain/process-definition.js';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from '../domain/sla/escalation.js';

/**
 * A role's decisions as version 1 states them (migration 0009 seeded it, and a seeded version is
 * never rewritten): the code default without the decisions newer than decision roles, which the
 * reducer grants by that same default to a definition that names them for no role (`link_repeat`).
 */
function statedDecisions(role: Role): DecisionType[] {
  return DECISIONS_BY_ROLE[role].filter((type) => !(DECISIONS_NEWER_THAN_DECISION_ROLES as readonly DecisionType[]).includes(type));
}

/** Acknowledgement is hours, not days: remind every two working hours and climb quickly. */
const ACKNOWLEDGEMENT_ESCALATION: EscalationPolicy = {
  levels: ['assignee', 'teamLead', 'complaintsManager', 'director'],
  onWarning: { notify: ['assignee', 'teamLead'] },
  onBreach: [
    { notify: ['teamLead'], escalate: true, rearmAfter: { workingHours: 2 } },
    { notify: ['teamLead', 'complaintsManager'], escalate: true, rearmAfter: { workingHours: 4 } },
    { notify: ['complaintsManager', 'director'], escalate: true, rearmAfter: { workingDays: 1 } },
  ],
};


/**
 * The shipped definition. Every part is stated, the optional ones too (survey, routing, decision
 * roles), with exactly the behaviour the code gives a definition without them. All but
 * `retention`: its absence is the behaviour (personal data is kept until an organisation decides
 * how long), and version 1 is seeded by an applied migration (0009), which cannot change. A
 * process owner publishes a version with `retention: { erasePersonalDataAfterClosureMonths: 24 }`
 * (for instance) to have closed complaints erased.
 */
export const DEFAULT_PROCESS_DEFINITION: Required<Omit<ProcessDefinition, 'retention'>> & Pick<ProcessDefinition, 'retention'> = {
  id: 'iso-10002-default',
  version: 1,
  calendarId: 'TR',
  stages: {
    acknowledgement: {
      deadline: { workingHours: 6 },
      warnAtShare: 0.75,
      escalation: ACKNOWLEDGEMENT_ESCALATION,
    },
    initialReview: {
      deadline: { workingDays: 2 },
      warnAtShare: 0.75,
      escalation: DEFAULT_ESCALATION_POLICY,
    },
    investigation: {
      deadline: { workingDays: 4 },
      warnAtShare: 0.75,
      escalation: DEFAULT_ESCALATION_POLICY,
    },
    // Appended to the investigation and reinvestigation clocks: proposal due 4 + 1 working days.
    conclusion: { deadline: { workingDays: 1 } },
    reinvestigation: {
      deadline: { workingDays: 4 },
      warnAtShare: 0.75,
      escalation: DEFAULT_ESCALATION_POLICY,
    },
  },
  acceptance: {
    rounds: 2,
    answerDeadline: { workingDays: 10 },
    reminderAtShare: 0.5,
    noAnswer: 'deemed_accepted',
  },
  // Silence is not a dead end: after 10 working days without an answer we go on without it.
  infoRequest: {
    answerDeadline: { workingDays: 10 },
    reminderAtShare: 0.5,
    onNoAnswer: 'resume',
  },
  progressUpdateEvery: { workingDays: 5 },
  // Asked after the closures the customer took part in; the invitation stays open 30 days.
  survey: {
    lifetime: { calendarDays: 30 },
    afterClosures: ['accepted', 'deemed_accepted', 'external_decision'],
  },
  // No rules: whoever classifies names the department. Add rules (first match wins) to route
  // by category or product, and list departments to keep decisions to known ones.
  routing: { rules: [] },
  // Supervisors and admins may take every decision; agents all but closing out of scope and
  // marking duplicates; process owners and auditors read.
  decisionRoles: {
    agent: statedDecisions('agent'),
    supervisor: statedDecisions('supervisor'),
    admin: statedDecisions('admin'),
    process_owner: statedDecisions('process_owner'),
    auditor: statedDecisions('auditor'),
  },
  externalRemedies: {
    fallbackLocale: 'en',
    byCountry: {
      TR: [
        {
          id: 'consumer_arbitration_committee',
          url: 'https://www.ticaret.gov.tr',
          texts: {
            tr: {
              name: 'Tüketici Hakem Heyetleri',
              description:
                'Her yıl belirlenen parasal sınırın altındaki uyuşmazlıklarda, yerleşim yerinizdeki ya da ' +
                'işlemi yaptığınız yerdeki tüketici hakem heyetine ücretsiz başvurabilirsiniz. ' +
                'Başvuruyu e-Devlet üzerinden de yapabilirsiniz.',
            },
            en: {
              name: 'Consumer arbitration committees (Tüketici Hakem Heyetleri)',
              description:
                'For disputes below the monetary limit set each year, you can apply free of charge to the ' +
                'consumer arbitration committee where you live or where you made the purchase. ' +
                'You can also apply online through e-Devlet.',
            },
          },
        },
        {
          id: 'consumer_court',
          texts: {
            tr: {
              name: 'Tüketici Mahkemeleri',
              description:
                'Parasal sınırın üzerindeki uyuşmazlıklarda tüketici mahkemesinde dava açabilirsiniz. ' +
                'Dava açmadan önce arabulucuya başvurmanız gerekir.',
            },
            en: {
              name: 'Consumer courts (Tüketici Mahkemeleri)',
              description:
                'For disputes above that limit, you can bring a case before a consumer court. ' +
                'Mediation must be tried before the case is filed.',
            },
          },
        },
      ],
    },
    default: [
      {
        id: 'external_dispute_resolution',
        texts: {
          en: {
            name: 'Independent external dispute resolution',
            description:
              'You can take your complaint to an independent dispute-resolution provider, such as a ' +
              'consumer ombudsman, a mediation or an arbitration body (ISO 10003), or to the courts.',
          },
          tr: {
            name: 'Bağımsız dış uyuşmazlık çözümü',
            description:
              'Şikâyetinizi tüketici ombudsmanı, arabuluculuk ya da tahkim kurumu gibi bağımsız bir ' +
              'uyuşmazlık çözüm kuruluşuna (ISO 10003) veya mahkemeye taşıyabilirsiniz.',
          },
        },
      },
    ],
  },
};

/** The default definition as the snapshot a complaint is pinned to. */
export const DEFAULT_PROCESS_SNAPSHOT: ProcessDefinitionSnapshot = {
  versionId: `${DEFAULT_PROCESS_DEFINITION.id}@${DEFAULT_PROCESS_DEFINITION.version}`,
  definition: DEFAULT_PROCESS_DEFINITION,
};
