-- The ledger read by completion time (reports.daily, the dashboard's sales per day and top
-- packages, the sales windows): status first, as every such query names it, then the time range,
-- so a month's report seeks its rows instead of walking every completed payment ever made.
CREATE INDEX payments_completed ON payments(status, completed_at);
