-- One-minute queue metrics for the charts' 24-hour window, kept 7 days (pruned by the sampler).
-- user_key is the user id, '' for mail held without a user, and '*' for the total over all users.
CREATE TABLE queue_metrics (
    minute   TEXT NOT NULL,
    name     TEXT NOT NULL,
    user_key TEXT NOT NULL,
    value    REAL NOT NULL,
    PRIMARY KEY (minute, name, user_key)
) WITHOUT ROWID;
