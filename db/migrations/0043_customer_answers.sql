-- A customer's answer through a signed link, kept before it is delivered to the complaint's
-- workflow (issue 15): the click is accepted while workers are down, and the relay in the jobs
-- process delivers it when one is back. One answer per round or question (answer_slot); the
-- update id is fixed at receipt, so every delivery attempt is the same update, taken once.
CREATE TABLE customer_answers (
  id              uuid PRIMARY KEY,
  complaint_id    uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  answer_slot     text NOT NULL,
  link_id         uuid NOT NULL,
  update_id       text NOT NULL,
  -- The update's input (the answer with the customer's words), sealed with the complaint's data key.
  sealed_input    text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'refused')),
  refusal         jsonb,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until     timestamptz,
  received_at     timestamptz NOT NULL DEFAULT now(),
  settled_at      timestamptz,
  UNIQUE (complaint_id, answer_slot)
);
CREATE INDEX customer_answers_pending ON customer_answers (next_attempt_at) WHERE status = 'pending';
