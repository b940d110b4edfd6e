import postgres, { type Sql } from 'postgres';

/** One postgres.js pool. int8 comes back as a JS number (our counters stay far below 2^53). */
export function connectDatabase(url: string, opts: { max?: number } = {}): Sql {
  return postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => undefined,
    types: {
      int8AsNumber: { to: 20, from: [20], serialize: (n: number) => String(n), parse: (s: string) => Number(s) },
    },
    connection: { application_name: 'plaint' },
  });
}
