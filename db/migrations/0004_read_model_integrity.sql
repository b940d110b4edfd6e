-- What keeps the read model honest about the workflow and the customer's personal data.
-- transition_hash: sha256 of the transition the workflow recorded under (complaint_id, seq). A
-- retried activity brings the same hash (a no-op); a different one means the workflow was reset
-- and reuses sequence numbers, which the activity refuses (README: resetting a complaint).
-- Rows recorded before this column existed keep NULL and are taken as they are.
ALTER TABLE complaint_events ADD COLUMN transition_hash text;

-- A customer message that carries an answer link stores the link's id, not its token: staff read
-- the outbox, and the token alone answers for the customer. Delivery signs the link
-- (activities/outbox-delivery.ts renderForDelivery).
ALTER TABLE outbox_messages ADD COLUMN response_link_id uuid REFERENCES response_links (id);

-- Letters go to the postal address the customer gave at intake (free lines, as printed on the
-- envelope; formats differ per country).
ALTER TABLE complaints ADD COLUMN customer_postal_address text;
