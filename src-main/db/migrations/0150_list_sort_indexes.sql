-- Server-side paging and sorting of the admin's big tables (issue #11): each sort key the
-- customers and payments lists offer has an index whose order is the key then the rowid, so a
-- page is read off the index in order (ORDER BY key, id) instead of sorting the whole table.
-- Searches are prefix ranges on indexed columns. The auth log gets none (see 0030: every index
-- costs each login a random B-tree insert); its searches scan it in slices off the packet path.

-- Customers: name prefix search is case-insensitive (NOCASE), and the name sort is too.
CREATE INDEX customers_name ON customers(name COLLATE NOCASE);
CREATE INDEX customers_created ON customers(created_at);

-- Payments: sorted by time (payments_created), amount, or method/status then time; the last two
-- also serve a method or status filter sorted by time.
CREATE INDEX payments_amount ON payments(amount);
CREATE INDEX payments_method_created ON payments(method, created_at);
CREATE INDEX payments_status_created ON payments(status, created_at);
-- Search by the Send Money sender's number (the customer's own number goes through payments_customer).
CREATE INDEX payments_sender_phone ON payments(sender_phone) WHERE sender_phone IS NOT NULL;
