-- Rate limits shared by every API instance: one row per limiter, hashed key and fixed window,
-- counted by one upsert per request (api/http/shared-rate-limit.ts). The key is an HMAC of the
-- client network or sender address, never the address itself. UNLOGGED: the counters are worth
-- nothing after a crash (at worst a window starts again), and skipping the WAL keeps the one round
-- trip cheap. Expired windows are deleted by the limiters themselves, at most once a minute each.
CREATE UNLOGGED TABLE rate_limit_windows (
  limiter      text NOT NULL,
  key_hash     bytea NOT NULL,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL,
  expires_at   timestamptz NOT NULL,
  PRIMARY KEY (limiter, key_hash, window_start)
);
CREATE INDEX rate_limit_windows_expiry ON rate_limit_windows (expires_at);

-- PIN lockouts are now keyed by an HMAC of the client network (api/customer/tracking.ts), not the
-- address itself: the rows written in the clear go (at worst a running lock ends early).
DELETE FROM tracking_lockouts;
