-- Wrong tracking PINs are counted per reference AND client network (an IPv4 address or an IPv6
-- /64), so one network's guesses never lock the customer out on theirs; `lockouts` counts the
-- locks of the pair, each lasting twice as long as the one before. The old rows counted per
-- reference only: they are dropped (at worst a running lock ends early).
DROP TABLE tracking_lockouts;
CREATE TABLE tracking_lockouts (
  reference      text NOT NULL,
  network        text NOT NULL,
  failures       integer NOT NULL DEFAULT 0,
  window_started timestamptz NOT NULL DEFAULT now(),
  locked_until   timestamptz,
  lockouts       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (reference, network)
);
