-- Staff-entered intake (issue 13): a complaint a person entered keeps who entered it and when,
-- apart from when it was received (received_at, which staff may set earlier: every clock starts
-- there), the front office a walk-in complaint came to (an id of FRONT_OFFICES) and who passed a
-- dealer's or sales representative's complaint on. Nullable, no default: adding them rewrites no
-- row, and complaints filed before this have none (they were entered as they were received).
ALTER TABLE complaints
  ADD COLUMN entered_at   timestamptz,
  ADD COLUMN entered_by   text,
  ADD COLUMN front_office text,
  ADD COLUMN intermediary text;
