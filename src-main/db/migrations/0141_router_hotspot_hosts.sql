-- The router's hotspot address and DNS name (/ip/hotspot/profile hotspot-address, dns-name) as
-- last read from the router by set-up, plan or diagnose (issue #13, "The doors"). The portal sends
-- customers' hotspot passwords to link-login-only only when it points at one of these (or, while
-- both are unknown, at a private-range IPv4 address). NULL: not read yet or empty on the router.
ALTER TABLE routers ADD COLUMN hotspot_dns_name TEXT;
ALTER TABLE routers ADD COLUMN hotspot_address TEXT;
