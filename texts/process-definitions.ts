// The words of a definition as process owners read it: a sentence for each field a new version
// changes (the diff), and the labels of its diagram. Paths and shapes come from domain/; every
// word from the catalogs (texts/catalogs/<language>/process-owners.ts).
import type { BusinessDuration } from '../domain/business-duration.js';
import type { DiagramWords } from '../domain/process-definitions/diagram.js';
import { isBusinessDuration, isCalendarDays, type DefinitionChange, type JsonValue } from '../domain/process-definitions/diff.js';
import { capitalize, formatDisplayName, formatList, formatPercent } from './format.js';
import { languageMetadata, type Language } from './languages.js';
import { hasMessage, translate, type MessageKey, type MessageValues } from './translate.js';
import { humanize } from './messages/params.js';

type Words = ReturnType<typeof wordsIn>;

function wordsIn(language: Language) {
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const labelOr = (prefix: string, id: string) => {
    const key = `${prefix}.${id}`;
    return hasMessage(key) ? translate(language, key) : (humanize(id) ?? id);
  };
  return {
    language,
    t,
    label: labelOr,
    stage: (id: string) => labelOr('staff.stage', id),
    level: (id: string) => labelOr('staff.level', id),
    duration: (d: BusinessDuration) =>
      'workingDays' in d ? t('process.value.workingDays', { count: d.workingDays }) : t('process.value.workingHours', { count: d.workingHours }),
    percent: (share: number) => formatPercent(share, language),
    number: (n: number) => new Intl.NumberFormat(languageMetadata(language).intlLocale).format(n),
    list: (items: readonly string[]) => (items.length === 0 ? t('process.value.none') : formatList(items, language)),
    country: (code: string) => formatDisplayName(code, 'region', language),
    locale: (code: string) => formatDisplayName(code, 'language', language),
  };
}

/** One readable sentence for a changed field. */
export function describeChange(change: DefinitionChange, language: Language): string {
  const w = wordsIn(language);
  const segments = change.path.split('.');
  const subject = subjectOf(segments, w);
  const sets = setChange(change, segments, w);
  const sentence = sets
    ? w.t('process.change.setChanged', { subject, ...sets })
    : change.from === null
      ? w.t('process.change.added', { subject, to: valueOf(change.to, segments, w) })
      : change.to === null
        ? w.t('process.change.removed', { subject, from: valueOf(change.from, segments, w) })
        : w.t('process.change.changed', { subject, from: valueOf(change.from, segments, w), to: valueOf(change.to, segments, w) });
  return capitalize(sentence, language);
}

/** Lists whose order means nothing (who is notified, which decisions, which closures): what is added and what is gone. */
function setChange(change: DefinitionChange, segments: string[], w: Words): MessageValues | undefined {
  const { from, to } = change;
  const unordered = segments.at(-1) === 'notify' || segments.at(-1) === 'afterClosures' || segments.at(-1) === 'teams' || segments[0] === 'decisionRoles';
  if (!unordered || !isTextList(from) || !isTextList(to)) return undefined;
  const added = to.filter((item) => !from.includes(item));
  const removed = from.filter((item) => !to.includes(item));
  if (added.length === 0 && removed.length === 0) return undefined;
  const word = listItemWords(segments, w);
  return {
    withAdded: added.length > 0 ? 'yes' : 'no',
    added: w.list(added.map(word)),
    withRemoved: removed.length > 0 ? 'yes' : 'no',
    removed: w.list(removed.map(word)),
  };
}

function isTextList(value: JsonValue): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** What the field at `segments` is, in words; a field this file does not know reads as its path. */
function subjectOf(segments: string[], w: Words): string {
  const [head, second, ...rest] = segments;
  if (head === 'calendarId' && second === undefined) return w.t('process.field.calendarId');
  if (head === 'progressUpdateEvery' && second === undefined) return w.t('process.field.progressUpdateEvery');
  if (head === 'stages' && second !== undefined) {
    const stageSubject = stageField(w.stage(second), rest, w);
    if (stageSubject) return stageSubject;
  }
  const key = (
    {
      'acceptance.rounds': 'process.field.acceptanceRounds',
      'acceptance.answerDeadline': 'process.field.acceptanceAnswerDeadline',
      'acceptance.reminderAtShare': 'process.field.acceptanceReminder',
      'acceptance.noAnswer': 'process.field.acceptanceNoAnswer',
      'infoRequest.answerDeadline': 'process.field.infoRequestAnswerDeadline',
      'infoRequest.reminderAtShare': 'process.field.infoRequestReminder',
      'infoRequest.onNoAnswer': 'process.field.infoRequestNoAnswer',
      'externalRemedies.fallbackLocale': 'process.field.fallbackLocale',
    } as const satisfies Record<string, MessageKey>
  )[segments.join('.') as 'acceptance.rounds'];
  if (key) return w.t(key);
  if (head === 'survey' || head === 'routing' || head === 'decisionRoles') {
    const newer = newerPartField(segments, w);
    if (newer) return newer;
  }
  if (head === 'externalRemedies' && (second === 'byCountry' || second === 'default')) {
    const remedySubject = remedyField(second === 'byCountry' ? rest : [undefined, ...rest], w);
    if (remedySubject) return remedySubject;
  }
  return w.t('process.field.other', { path: segments.join('.') });
}

function stageField(stage: string, rest: string[], w: Words): string | undefined {
  const path = rest.join('.');
  if (path === '') return w.t('process.field.stage', { stage });
  if (path === 'deadline') return w.t('process.field.stageDeadline', { stage });
  if (path === 'warnAtShare') return w.t('process.field.stageWarning', { stage });
  if (path === 'escalation') return w.t('process.field.escalation', { stage });
  if (path === 'escalation.levels') return w.t('process.field.escalationLevels', { stage });
  if (path === 'escalation.onWarning' || path === 'escalation.onWarning.notify') return w.t('process.field.warningNotify', { stage });
  const breach = /^escalation\.onBreach\.(\d+)(?:\.(notify|escalate|rearmAfter))?$/.exec(path);
  if (!breach) return undefined;
  const step = Number(breach[1]) + 1;
  const key = ({ notify: 'process.field.breachNotify', escalate: 'process.field.breachEscalates', rearmAfter: 'process.field.breachRearm' } as const)[
    breach[2] as 'notify'
  ];
  return w.t(key ?? 'process.field.breachStep', { stage, step });
}

/** The survey, the routing and the decision roles: parts definitions gained later. */
function newerPartField(segments: string[], w: Words): string | undefined {
  const path = segments.join('.');
  const fixed = (
    {
      survey: 'process.field.survey',
      'survey.lifetime': 'process.field.surveyLifetime',
      'survey.afterClosures': 'process.field.surveyAfterClosures',
      routing: 'process.field.routing',
      'routing.departments': 'process.field.routingDepartments',
      'routing.rules': 'process.field.routingRules',
      decisionRoles: 'process.field.decisionRoles',
    } as const satisfies Record<string, MessageKey>
  )[path as 'survey'];
  if (fixed) return w.t(fixed);
  const [head, list, index, ...part] = segments;
  if (head === 'decisionRoles' && list !== undefined && index === undefined) return w.t('process.field.decisionsOfRole', { role: w.label('process.role', list) });
  const number = Number(index) + 1;
  if (head !== 'routing' || !Number.isInteger(number)) return undefined;
  if (list === 'departments' && (part.length === 0 || (part.length === 1 && (part[0] === 'id' || part[0] === 'teams')))) {
    return w.t('process.field.routingDepartment', { part: part[0] ?? 'whole', number });
  }
  if (list !== 'rules') return undefined;
  const field = part.length === 0 ? 'whole' : part[0] === 'when' && part[1] !== undefined ? part[1] : part.length === 1 ? part[0]! : 'other';
  return w.t('process.field.routingRule', { part: field, number });
}

/** `[country, index?, ...part]`; country undefined for the default list. */
function remedyField([country, index, ...part]: (string | undefined)[], w: Words): string | undefined {
  const where = country === undefined ? w.t('process.field.otherCountries') : w.country(country);
  if (index === undefined) return w.t('process.field.remedies', { where });
  const number = Number(index) + 1;
  if (!Number.isInteger(number)) return undefined;
  if (part.length === 0) return w.t('process.field.remedy', { where, number });
  const [field, locale, text] = part;
  if ((field === 'id' || field === 'url') && locale === undefined) return w.t('process.field.remedyPart', { part: field, where, number, locale: '' });
  if (field === 'texts' && locale !== undefined && (text === undefined || text === 'name' || text === 'description')) {
    return w.t('process.field.remedyPart', { part: text ?? 'texts', where, number, locale: w.locale(locale) });
  }
  return undefined;
}

/** A value in words: durations, shares, policies, levels and lists as a person says them. */
function valueOf(value: JsonValue, segments: string[], w: Words): string {
  const field = segments.at(-1) ?? '';
  if (isBusinessDuration(value)) return w.duration(value);
  if (isCalendarDays(value)) return w.t('process.value.calendarDays', { count: value.calendarDays });
  if (typeof value === 'number' && /AtShare$/.test(field)) return w.t('process.value.share', { percent: w.percent(value) });
  if (typeof value === 'boolean') return w.t(value ? 'process.value.yes' : 'process.value.no');
  if (typeof value === 'string' && (field === 'noAnswer' || field === 'onNoAnswer')) {
    const key = `process.value.${field}.${value}`;
    if (hasMessage(key)) return w.t(key);
  }
  if (typeof value === 'number') return w.number(value);
  if (typeof value === 'string') return w.t('process.value.text', { text: value });
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    const word = listItemWords(segments, w);
    return w.list((value as string[]).map(word));
  }
  const remedies = remedyNames(value, w);
  if (remedies) return w.list(remedies);
  if (isBreachStep(value)) {
    return w.t('process.value.breachStep', {
      notify: w.list(value.notify.map(w.level)),
      escalate: value.escalate ? 'yes' : 'no',
      withRearm: value.rearmAfter ? 'yes' : 'no',
      rearm: value.rearmAfter ? w.duration(value.rearmAfter) : '',
    });
  }
  const routed = routingWords(value, w);
  if (routed) return routed;
  // Any other group of settings added or removed whole (one this file does not know): as its JSON.
  const json = JSON.stringify(value);
  return json.length > 300 ? `${json.slice(0, 299)}…` : json;
}

/** A routing rule, a department, or a list of either, in words. */
function routingWords(value: JsonValue, w: Words): string | undefined {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return undefined;
  const quote = (text: unknown) => w.t('process.value.text', { text: String(text) });
  const words = items.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item) || typeof item.id !== 'string') return undefined;
    if (typeof item.department === 'string' && item.when !== null && typeof item.when === 'object' && !Array.isArray(item.when)) {
      const { category, product } = item.when;
      return w.t('process.value.routingRule', {
        withCategory: category === undefined ? 'no' : 'yes',
        category: quote(category),
        withProduct: product === undefined ? 'no' : 'yes',
        product: quote(product),
        department: quote(item.department),
        withTeam: item.team === undefined ? 'no' : 'yes',
        team: quote(item.team),
      });
    }
    if (item.department === undefined && (item.teams === undefined || isTextList(item.teams))) {
      const teams = item.teams === undefined ? [] : (item.teams as string[]);
      return w.t('process.value.department', { department: quote(item.id), withTeams: teams.length > 0 ? 'yes' : 'no', teams: w.list(teams.map(quote)) });
    }
    return undefined;
  });
  return words.every((word) => word !== undefined) ? w.list(words as string[]) : undefined;
}

/** How the items of a list of ids read: levels, closures and decisions by their labels, the rest as quoted text. */
function listItemWords(segments: string[], w: Words): (item: string) => string {
  if (segments.includes('escalation')) return w.level;
  if (segments[0] === 'survey' && segments[1] === 'afterClosures') return (id) => w.label('process.closure', id);
  if (segments[0] === 'decisionRoles') return (id) => w.label('process.decision', id);
  return (text) => w.t('process.value.text', { text });
}

/** A remedy, or a list of them, as their names in the language (else the first they have). */
function remedyNames(value: JsonValue, w: Words): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const names = items.map((item) => {
    const texts = item !== null && typeof item === 'object' && !Array.isArray(item) ? item.texts : undefined;
    if (texts === null || typeof texts !== 'object' || Array.isArray(texts)) return undefined;
    const text = texts[w.language] ?? Object.values(texts)[0];
    const name = text !== null && typeof text === 'object' && !Array.isArray(text) ? text.name : undefined;
    return typeof name === 'string' ? name : undefined;
  });
  return items.length > 0 && names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

function isBreachStep(value: JsonValue): value is { notify: string[]; escalate: boolean; rearmAfter?: BusinessDuration } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { notify, escalate, rearmAfter } = value;
  return (
    Array.isArray(notify) && notify.every((n) => typeof n === 'string') && typeof escalate === 'boolean' && (rearmAfter === undefined || isBusinessDuration(rearmAfter))
  );
}

/** The diagram's words in `language`. */
export function diagramWords(language: Language): DiagramWords {
  const w = wordsIn(language);
  const t = w.t;
  return {
    locale: language,
    received: t('process.diagram.received'),
    closed: t('process.diagram.closed'),
    stage: (stage) => capitalize(w.stage(stage), language),
    stageTiming: (deadline, warnAtShare, conclusion) =>
      t('process.diagram.stageTiming', {
        deadline: w.duration(deadline),
        withConclusion: conclusion ? 'yes' : 'no',
        conclusion: conclusion ? w.duration(conclusion) : '',
        warning: w.percent(warnAtShare),
      }),
    escalatesTo: (levels) => t('process.diagram.escalatesTo', { levels: levels.map(w.level).join(' → ') }),
    reinvestigationBefore: (round) => t('process.diagram.reinvestigationBefore', { round }),
    proposal: (round, rounds) => t('process.diagram.proposal', { round, rounds }),
    answerWithin: (acceptance) =>
      t('process.diagram.answerWithin', { deadline: w.duration(acceptance.answerDeadline), reminder: w.percent(acceptance.reminderAtShare) }),
    accepted: t('process.diagram.accepted'),
    rejected: t('process.diagram.rejected'),
    noAnswer: t('process.diagram.noAnswer'),
    deemedAccepted: t('process.diagram.deemedAccepted'),
    staysOpen: t('process.diagram.staysOpen'),
    infoRequest: (policy) =>
      !policy
        ? t('process.diagram.infoRequestWithoutDeadline')
        : t('process.diagram.infoRequest', {
        deadline: w.duration(policy.answerDeadline),
        reminder: w.percent(policy.reminderAtShare),
        onNoAnswer: policy.onNoAnswer,
      }),
    asksTheCustomer: t('process.diagram.asksTheCustomer'),
    answeredOrResumed: t('process.diagram.answeredOrResumed'),
    closedNoResponse: t('process.diagram.closedNoResponse'),
    externalRemedies: t('process.diagram.externalRemedies'),
    remediesOf: (country, names) =>
      t('process.diagram.remediesOf', {
        where: country === null ? t('process.diagram.otherCountries') : w.country(country),
        remedies: formatList(names, language),
      }),
    externalDecisionRecorded: t('process.diagram.externalDecisionRecorded'),
  };
}
