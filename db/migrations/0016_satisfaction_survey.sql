-- The satisfaction survey after closure (ISO 10004). A closure the process surveys issues a link
-- of purpose `survey` (its expiry counted by the process: calendar or working days), and the
-- customer answers it once: two ratings, reasons ticked from a fixed list, an optional comment.
-- Nothing else about the person is stored with the answer; reports join the complaint for
-- closure, category and dates.
ALTER TABLE response_links DROP CONSTRAINT response_links_purpose_check;
ALTER TABLE response_links ADD CONSTRAINT response_links_purpose_check
  CHECK (purpose IN ('resolution', 'info_request', 'survey'));

CREATE TABLE survey_answers (
  id            bigserial PRIMARY KEY,
  -- One answer per complaint: a second submit (another tab, a forwarded mail) is refused.
  complaint_id  uuid NOT NULL UNIQUE REFERENCES complaints (id),
  link_id       uuid NOT NULL REFERENCES response_links (id),
  handling      smallint NOT NULL CHECK (handling BETWEEN 1 AND 5),
  outcome       smallint NOT NULL CHECK (outcome BETWEEN 1 AND 5),
  -- Ids from domain/survey/answer.ts SURVEY_REASONS; the words live in texts/catalogs/*/survey.ts.
  reasons       text[] NOT NULL DEFAULT '{}'
                CHECK (reasons <@ ARRAY['speed', 'communication', 'fairness', 'staff_attitude', 'clarity', 'outcome']::text[]),
  comment       text CHECK (char_length(comment) BETWEEN 1 AND 1000),
  -- The language the customer answered in (the page's), for reading the comment.
  language      text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
  answered_at   timestamptz NOT NULL DEFAULT now()
);
-- Reports aggregate by period.
CREATE INDEX survey_answers_answered_at_idx ON survey_answers (answered_at);
