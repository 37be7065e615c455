-- The last DNS check of each domain, as JSON (DomainCheckReports), kept with the domain so every
-- instance's DNS page shows it and removing the domain removes it.
ALTER TABLE domains ADD COLUMN last_check TEXT;
