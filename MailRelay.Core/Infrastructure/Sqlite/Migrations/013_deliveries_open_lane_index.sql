-- The claim's "nothing earlier in this lane is waiting or leased elsewhere" check reads only open
-- deliveries: the lane index (003) holds every delivery ever made, so the check grew with history.
CREATE INDEX ix_deliveries_lane_open ON deliveries (user_id, target, message_sequence) WHERE status IN ('Pending', 'Retrying');
