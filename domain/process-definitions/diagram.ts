// A definition as a Mermaid flowchart, for a process owner to read before publishing: the timed
// stages with their deadlines and warnings, every acceptance round, what silence does to a proposal
// and to a question, and the hand-off to external remedies. The words come from texts/ (`words`);
// this file only decides the shape.
import type { BusinessDuration } from '../business-duration.js';
import type { AcceptancePolicy, InfoRequestPolicy, ProcessDefinition, StageDefinition } from '../process-definition.js';

type StageWithClock = 'acknowledgement' | 'initialReview' | 'investigation' | 'reinvestigation';

/** Every word the diagram shows, in one language. */
export interface DiagramWords {
  /** The language the words are in: remedies show their name in it when they have one. */
  locale: string;
  received: string;
  closed: string;
  stage(stage: StageWithClock): string;
  /** The deadline, the conclusion's time when it is added, and the warning point. */
  stageTiming(deadline: BusinessDuration, warnAtShare: number, conclusion?: BusinessDuration): string;
  /** Who the stage escalates to, in order. */
  escalatesTo(levels: readonly string[]): string;
  reinvestigationBefore(round: number): string;
  proposal(round: number, rounds: number): string;
  answerWithin(acceptance: AcceptancePolicy): string;
  accepted: string;
  rejected: string;
  noAnswer: string;
  deemedAccepted: string;
  staysOpen: string;
  /** The question to the customer: its deadline and what silence leads to (none: it waits). */
  infoRequest(policy: InfoRequestPolicy | undefined): string;
  asksTheCustomer: string;
  answeredOrResumed: string;
  closedNoResponse: string;
  externalRemedies: string;
  /** One line per country: its remedies' names (`country` null: countries without an entry). */
  remediesOf(country: string | null, names: readonly string[]): string;
  externalDecisionRecorded: string;
}

/** The Mermaid `flowchart` text of a definition. */
export function processDiagram(definition: ProcessDefinition, words: DiagramWords): string {
  const { stages, acceptance, infoRequest, externalRemedies } = definition;
  const lines = ['flowchart TD'];
  const node = (id: string, open: string, close: string, ...texts: string[]) =>
    lines.push(`  ${id}${open}"${texts.map(escapeLabel).join('<br/>')}"${close}`);
  const edge = (from: string, to: string, label?: string, dotted = false) =>
    lines.push(`  ${from} ${dotted ? '-.->' : '-->'}${label ? `|"${escapeLabel(label)}"|` : ''} ${to}`);
  const stageNode = (id: string, title: string, stage: StageDefinition, conclusion?: BusinessDuration) =>
    node(id, '[', ']', title, words.stageTiming(stage.deadline, stage.warnAtShare, conclusion), words.escalatesTo(stage.escalation.levels));

  node('received', '([', '])', words.received);
  stageNode('acknowledgement', words.stage('acknowledgement'), stages.acknowledgement);
  stageNode('initialReview', words.stage('initialReview'), stages.initialReview);
  stageNode('investigation', words.stage('investigation'), stages.investigation, stages.conclusion.deadline);
  edge('received', 'acknowledgement');
  edge('acknowledgement', 'initialReview');
  edge('initialReview', 'investigation');
  edge('investigation', 'proposal1');

  node('closed', '([', '])', words.closed);
  if (acceptance.noAnswer === 'deemed_accepted') node('deemedAccepted', '([', '])', words.deemedAccepted);
  for (let round = 1; round <= acceptance.rounds; round++) {
    const proposal = `proposal${round}`;
    node(proposal, '{{', '}}', words.proposal(round, acceptance.rounds), words.answerWithin(acceptance));
    edge(proposal, 'closed', words.accepted);
    if (acceptance.noAnswer === 'deemed_accepted') edge(proposal, 'deemedAccepted', words.noAnswer);
    else edge(proposal, proposal, `${words.noAnswer}: ${words.staysOpen}`);
    if (round < acceptance.rounds) {
      const reinvestigation = `reinvestigation${round + 1}`;
      stageNode(reinvestigation, words.reinvestigationBefore(round + 1), stages.reinvestigation, stages.conclusion.deadline);
      edge(proposal, reinvestigation, words.rejected);
      edge(reinvestigation, `proposal${round + 1}`);
    } else {
      edge(proposal, 'external', words.rejected);
    }
  }

  const remedyLines = [
    ...Object.entries(externalRemedies.byCountry).map(([country, remedies]) => words.remediesOf(country, remedies.map((r) => nameOf(r.texts, words.locale, externalRemedies.fallbackLocale)))),
    ...(externalRemedies.default ? [words.remediesOf(null, externalRemedies.default.map((r) => nameOf(r.texts, words.locale, externalRemedies.fallbackLocale)))] : []),
  ];
  node('external', '[/', '/]', words.externalRemedies, ...remedyLines);
  edge('external', 'closed', words.externalDecisionRecorded);

  node('infoRequest', '[[', ']]', words.infoRequest(infoRequest));
  edge('investigation', 'infoRequest', words.asksTheCustomer, true);
  edge('infoRequest', 'investigation', words.answeredOrResumed, true);
  if (infoRequest?.onNoAnswer === 'close_no_response') {
    node('closedNoResponse', '([', '])', words.closedNoResponse);
    edge('infoRequest', 'closedNoResponse', words.noAnswer, true);
  }
  return `${lines.join('\n')}\n`;
}

function nameOf(texts: Readonly<Record<string, { name: string }>>, locale: string, fallbackLocale: string): string {
  return texts[locale]?.name ?? texts[fallbackLocale]?.name ?? Object.values(texts)[0]?.name ?? '';
}

/** Mermaid's entity codes for what would end a quoted label or read as markup. */
function escapeLabel(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;');
}
