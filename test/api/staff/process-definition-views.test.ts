// What a process owner reads before and after publishing: the field-by-field diff of two versions
// with a sentence each (English and Turkish), and the version as a Mermaid flowchart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagramSchema, diffSchema } from '../../../api/staff/process-definitions.schemas.js';
import { integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { processOwnerClient, type StoredVersion } from '../../helpers/process-definitions.js';

let ctx: IntegrationContext;
let owner: ReturnType<typeof processOwnerClient>;
let v1: StoredVersion;
let v2: StoredVersion;

beforeAll(async () => {
  ctx = await integrationContext();
  owner = processOwnerClient(ctx.app());
  const draft = await owner.newDefinition();
  v1 = await owner.ok<StoredVersion>(owner.publish(draft.definitionId, 1));
  v2 = await owner.publishNext(draft.definitionId, (d) => {
    d.stages.investigation.deadline = { workingDays: 5 };
    d.stages.investigation.warnAtShare = 0.8;
    d.acceptance.rounds = 3;
    d.acceptance.noAnswer = 'stay_open';
    d.infoRequest!.onNoAnswer = 'close_no_response';
    d.externalRemedies.byCountry.TR![1]!.url = 'https://www.hsk.gov.tr';
  });
});
afterAll(() => ctx.close());

const diff = async (query: string, headers: Record<string, string> = {}) =>
  diffSchema.parse(await owner.ok(owner.call('GET', `/v1/process-definitions/${v1.definitionId}/diff?${query}`, 'auditor', undefined, headers)));

describe('GET /v1/process-definitions/{id}/diff', () => {
  it('lists every changed field with both values and a sentence', async () => {
    const body = await diff('from=1&to=2');
    expect(body.from).toEqual({ version: 1, contentHash: v1.contentHash });
    expect(body.to).toEqual({ version: 2, contentHash: v2.contentHash });
    expect(body.changes).toEqual([
      {
        path: 'acceptance.noAnswer',
        from: 'deemed_accepted',
        to: 'stay_open',
        sentence: 'What a proposal without an answer leads to changes from closing it as deemed accepted to keeping it open until the customer answers.',
      },
      { path: 'acceptance.rounds', from: 2, to: 3, sentence: 'The number of proposal rounds changes from 2 to 3.' },
      {
        path: 'externalRemedies.byCountry.TR.1.url',
        from: null,
        to: 'https://www.hsk.gov.tr',
        sentence: 'Added: the web address of external remedy 2 for Türkiye, “https://www.hsk.gov.tr”.',
      },
      {
        path: 'infoRequest.onNoAnswer',
        from: 'resume',
        to: 'close_no_response',
        sentence: 'What a question without an answer leads to changes from resuming the stage without the answer to closing the complaint as no response.',
      },
      {
        path: 'stages.investigation.deadline',
        from: { workingDays: 4 },
        to: { workingDays: 5 },
        sentence: 'The investigation deadline changes from 4 working days to 5 working days.',
      },
      {
        path: 'stages.investigation.warnAtShare',
        from: 0.75,
        to: 0.8,
        sentence: 'The investigation warning point changes from 75% of the time to 80% of the time.',
      },
    ]);
  });

  it('speaks Turkish when asked, by lang or by Accept-Language', async () => {
    const turkish = 'Araştırma ve değerlendirme süresi artık 5 iş günü (önceden 4 iş günü).';
    const byQuery = await diff('from=1&to=2&lang=tr');
    const byHeader = await diff('from=1&to=2', { 'accept-language': 'tr-TR,tr;q=0.9,en;q=0.5' });
    for (const body of [byQuery, byHeader]) expect(body.changes.find((c) => c.path === 'stages.investigation.deadline')!.sentence).toBe(turkish);
  });

  it('reads backwards too, and finds nothing between a version and itself', async () => {
    expect((await diff('from=2&to=1')).changes.find((c) => c.path === 'externalRemedies.byCountry.TR.1.url')).toMatchObject({
      from: 'https://www.hsk.gov.tr',
      to: null,
      sentence: 'Removed: the web address of external remedy 2 for Türkiye (it was “https://www.hsk.gov.tr”).',
    });
    expect((await diff('from=2&to=2')).changes).toEqual([]);
  });

  it('answers 404 for a version that does not exist and 400 without both versions', async () => {
    expect((await owner.call('GET', `/v1/process-definitions/${v1.definitionId}/diff?from=1&to=9`, 'agent')).status).toBe(404);
    expect((await owner.call('GET', `/v1/process-definitions/${v1.definitionId}/diff?from=1`, 'agent')).status).toBe(400);
  });
});

describe('GET /v1/process-definitions/{id}/versions/{version}/diagram', () => {
  const diagram = async (version: number, lang = 'en') =>
    diagramSchema.parse(await owner.ok(owner.call('GET', `/v1/process-definitions/${v1.definitionId}/versions/${version}/diagram?lang=${lang}`, 'agent'))).mermaid;

  it('draws the stages with their deadlines, each round, the no-answer policies and the external hand-off', async () => {
    const mermaid = await diagram(2);
    expect(mermaid.split('\n')[0]).toBe('flowchart TD');
    for (const line of [
      '  acknowledgement["Acknowledgement<br/>6 working hours, warning at 75%<br/>escalation: assigned specialist → team lead → complaints manager → director"]',
      '  investigation["Investigation<br/>5 working days + 1 working day to conclude, warning at 80%<br/>escalation: assigned specialist → team lead → complaints manager → director"]',
      '  proposal3{{"Proposal, round 3 of 3<br/>answer within 10 working days, reminder at 50%"}}',
      '  proposal1 -->|"rejected"| reinvestigation2',
      '  proposal2 -->|"rejected"| reinvestigation3',
      '  proposal3 -->|"rejected"| external',
      '  proposal3 -->|"no answer: stays open"| proposal3',
      '  infoRequest -.->|"no answer"| closedNoResponse',
      '  external -->|"external decision recorded"| closed',
    ]) {
      expect(mermaid.split('\n')).toContain(line);
    }
    expect(mermaid).toContain('Türkiye: Consumer arbitration committees (Tüketici Hakem Heyetleri) and Consumer courts (Tüketici Mahkemeleri)');
    expect(mermaid).toContain('Other countries: Independent external dispute resolution');
  });

  it('draws version 1 as it was: two rounds, silence deemed accepted, a question that resumes the stage', async () => {
    const mermaid = await diagram(1);
    expect(mermaid).toContain('proposal2 -->|"rejected"| external');
    expect(mermaid).toContain('proposal1 -->|"no answer"| deemedAccepted');
    expect(mermaid).not.toContain('proposal3');
    expect(mermaid).not.toContain('closedNoResponse');
  });

  it('speaks Turkish, with the remedies under their Turkish names', async () => {
    const mermaid = await diagram(1, 'tr');
    expect(mermaid).toContain('Araştırma ve değerlendirme<br/>4 iş günü + sonuçlandırma için 1 iş günü, uyarı: %75');
    expect(mermaid).toContain('Türkiye: Tüketici Hakem Heyetleri ve Tüketici Mahkemeleri');
  });
});
