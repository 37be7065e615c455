-- Leases of the jobs that run once per period across all instances: one row per job name.
CREATE TABLE job_leases (
    job_name    TEXT NOT NULL PRIMARY KEY,
    owner       TEXT NOT NULL,
    lease_until TEXT NOT NULL
) WITHOUT ROWID;
