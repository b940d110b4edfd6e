-- Outbox bodies written before answer links were kept out of them hold the live signed URL
-- (`…/r/v1.<claims>.<mac>`), and every staff reader (the auditor too) could answer for the
-- customer with it. Each such URL becomes the placeholder the outbox writes today, and the row
-- keeps the link's id (from the token's own claims), so delivery can still sign it in.
UPDATE outbox_messages
SET response_link_id = coalesce(
      response_link_id,
      (SELECT (convert_from(decode(rpad(translate(m[1], '-_', '+/'), ((length(m[1]) + 3) / 4) * 4, '='), 'base64'), 'UTF8')::json ->> 'linkId')::uuid
       FROM regexp_match(body, '/r/v1\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+') AS m)),
    body = regexp_replace(body, '[^\s]*/r/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+', '[answer link]', 'g')
WHERE body ~ '/r/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+';
