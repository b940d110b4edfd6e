-- Crypto-shredding (issue 14): an attachment's content and name are sealed with its complaint's
-- data key (migration 0031, security/data-keys.ts), so destroying the key erases the file too.
-- Files stored before this stay as they were (`content_sealed` false): readers take both.
ALTER TABLE complaint_attachments ADD COLUMN content_sealed boolean NOT NULL DEFAULT false;
