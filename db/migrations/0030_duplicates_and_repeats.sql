-- Duplicates and repeats (issue 13, part 4).
--
-- 1. The duplicate finder (read-model/possible-duplicates.ts) lists, on a complaint, the earlier
--    complaints of a window that came from the same customer (the keyed hashes of 0017) or whose
--    text is very similar (pg_trgm similarity of a Turkish-aware lower-cased text). The trigram
--    index is a GiST led by received_at (btree_gist), so a search descends only into the window's
--    part of the tree and reads the leaves whose trigrams can reach the threshold.
--    Not GIN: a GIN trigram index reads the posting list of every trigram of the text, and the
--    common ones hold most complaints (0.9 s at 200 000 complaints, 2 s at 1 000 000 on a scratch
--    database, a week column in front of it reading no less); this GiST answers in 3 ms (cached)
--    to 20 ms (from disk) at 1 000 000, at about 2 KB of index per complaint.
-- 2. The repeat link: an agent's `link_repeat` decision names an earlier closed complaint of the
--    same customer that this one repeats. The transition writes `repeat_of_id` from the
--    lifecycle, and the repeat-rate KPI counts a linked complaint as a repeat, once.
--
-- On a large database, build the index beforehand without blocking intake (this migration then
-- skips it):
--   CREATE INDEX CONCURRENTLY IF NOT EXISTS complaints_duplicate_text_idx ON complaints
--     USING gist (received_at, plaint_duplicate_text(subject, description) gist_trgm_ops (siglen = 256));
-- (after creating the two extensions and the two functions below by hand, as written here).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Lower case the Turkish way, and the same on every server. lower() follows the collation: under
-- "C" it maps ASCII letters only (Ç, Ş, İ stay capitals), under C.UTF-8 or en_US.UTF-8 it maps
-- I to i, never to ı, so "IŞIK" and "ışık" would share no trigram (and pg_trgm lower-cases the
-- same way by itself). So the Turkish and Azerbaijani capitals are mapped by hand first (I → ı,
-- İ → i, Ç Ğ Ö Ş Ü → ç ğ ö ş ü, Â Î Û → â î û, Ə → ə) and lower() under "C" does the ASCII
-- rest: no locale and no C library version is in the result, so it is IMMUTABLE for real and an
-- index on it stays valid across servers and upgrades. NFC first: an İ written as I + U+0307
-- must become i, not ı followed by a dot.
-- Not unaccent: ç, ğ, ı, ö, ş, ü are letters of their own in Turkish, not accented c, g, i, o,
-- s, u (kır "countryside" and kir "dirt", şeker and seker are different words).
CREATE FUNCTION plaint_turkish_lower(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(translate(normalize(t, NFC), 'IİÇĞÖŞÜÂÎÛƏ', 'ıiçğöşüâîûə') COLLATE "C");

-- What the duplicate finder compares: subject and description, lower-cased, at most their first
-- 500 characters. A complaint sent again shows in its subject and opening; a GiST leaf holds the
-- text's trigrams, so a 10 000-character description would make an entry of thousands of them.
CREATE FUNCTION plaint_duplicate_text(subject text, description text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN plaint_turkish_lower(left(subject || ' ' || description, 500));

-- received_at first: the tree is split by time, and the window's range prunes it before any
-- trigram is compared. siglen 256 bytes (2048 bits) for the inner nodes' trigram signatures: the
-- default 12 bytes fill up with a few texts' trigrams and prune nothing.
CREATE INDEX IF NOT EXISTS complaints_duplicate_text_idx ON complaints
  USING gist (received_at, plaint_duplicate_text(subject, description) gist_trgm_ops (siglen = 256));

-- The earlier closed complaint this one repeats (decision link_repeat), as the lifecycle holds it
-- (state.repeatOf); null when none. A deleted earlier complaint unlinks it.
ALTER TABLE complaints ADD COLUMN repeat_of_id uuid REFERENCES complaints (id) ON DELETE SET NULL;
CREATE INDEX complaints_repeat_of_idx ON complaints (repeat_of_id) WHERE repeat_of_id IS NOT NULL;

-- 0020's contributions of a complaint, with the repeat link: a complaint an agent linked as a
-- repeat counts as a repeat under any window (gap key '0', which every window's "≤ N days"
-- reads), one the customer hashes found counts by its gap as before, and one that is both counts
-- once. No rollup row changes: no complaint is linked yet.
CREATE OR REPLACE FUNCTION report_contributions(c complaints)
  RETURNS TABLE (hour timestamptz, metric text, key text, amount numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT report_hour(c.received_at), 'received', '', 1
  UNION ALL
  SELECT report_hour(c.received_at), 'repeat_gap_days',
         CASE WHEN c.repeat_of_id IS NOT NULL THEN '0'
              ELSE ceil(extract(epoch FROM c.received_at - c.prior_complaint_at) / 86400)::text END, 1
  WHERE c.repeat_of_id IS NOT NULL
     OR (c.prior_complaint_at IS NOT NULL AND c.received_at - c.prior_complaint_at <= interval '3661 days')
  UNION ALL
  SELECT report_hour(c.closed_at), m.metric, m.key, 1
  FROM (VALUES ('closed', ''), ('closure', coalesce(c.closure, '')),
               ('closed_within_3_business_days', CASE WHEN c.closed_within_3_business_days THEN '' END),
               ('closed_within_8_weeks', CASE WHEN c.closed_at <= c.received_at + interval '8 weeks' THEN '' END),
               ('resolution_hour', (c.resolution_business_minutes / 60)::text)) AS m (metric, key)
  WHERE c.closed_at IS NOT NULL AND m.key IS NOT NULL
  UNION ALL
  SELECT h.* FROM complaint_proposals p, report_hand_off(c, p) h
  WHERE p.complaint_id = c.id AND p.round = c.round AND (c.status = 'open_external' OR c.closure = 'external_decision');
END;
