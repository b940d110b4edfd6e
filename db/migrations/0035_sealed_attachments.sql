-- Crypto-shredding (issue 14): an attachment's content and name are sealed with its complaint's
-- data key (migration 0031, security/data-keys.ts), so destroying the key erases the file too.
-- Files stored before this stay as they were (`content_sealed` false): readers take both.
ALTER TABLE complaint_attachments ADD COLUMN content_sealed boolean NOT NULL DEFAULT false;
-- A sealed content is the file plus the seal's 12-byte iv and 16-byte tag; a sealed name is longer
-- than the sanitised name it seals (whose 200-character cap intake checks before sealing).
ALTER TABLE complaint_attachments DROP CONSTRAINT complaint_attachments_check;
ALTER TABLE complaint_attachments ADD CONSTRAINT complaint_attachments_content_size_check
  CHECK (octet_length(content) = size_bytes + CASE WHEN content_sealed THEN 28 ELSE 0 END);
ALTER TABLE complaint_attachments DROP CONSTRAINT complaint_attachments_original_name_check;
ALTER TABLE complaint_attachments ADD CONSTRAINT complaint_attachments_original_name_check
  CHECK (length(original_name) BETWEEN 1 AND CASE WHEN content_sealed THEN 1000 ELSE 200 END);
