// What a bulk action did: per complaint, done or refused and why, with the way back to the search.
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import type { BulkOutcome, BulkProblem } from './bulk.js';
import { complaintHref } from './complaint-table.js';

export function BulkResults({ t, outcomes, problem, back }: { t: ConsoleTranslate; outcomes: readonly BulkOutcome[]; problem?: BulkProblem; back: string }) {
  const done = outcomes.filter((o) => o.done).length;
  return (
    <>
      {problem ? (
        <div class="form-errors" role="alert">
          <p>{t('console.search.bulk.problem', { problem })}</p>
        </div>
      ) : (
        <p role="status" class={done === outcomes.length ? 'notice' : 'form-errors'}>
          {t('console.search.bulk.summary', { done, refused: outcomes.length - done })}
        </p>
      )}
      {outcomes.length > 0 && (
        <div class="table-wrap">
          <table class="bulk-results">
            <caption class="visually-hidden">{t('console.search.bulk.resultTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.search.col.reference')}</th>
                <th scope="col">{t('console.search.bulk.col.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((o) => (
                <tr data-outcome={o.done ? 'done' : 'refused'}>
                  <th scope="row">
                    <a href={complaintHref(o.reference)}>{o.reference}</a>
                  </th>
                  <td>{o.done ? t('console.search.bulk.done') : t('console.search.bulk.refusedBecause', { message: `${o.message ?? ''} (${o.code ?? ''})` })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/console/complaints${back ? `?${back}` : ''}`}>{t('console.search.bulk.back')}</a>
      </p>
    </>
  );
}
