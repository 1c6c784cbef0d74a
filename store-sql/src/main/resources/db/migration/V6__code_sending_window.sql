-- Codes sent per account and purpose are limited per window, so a resend cannot buy endless guesses.
-- Existing codes start a window when they were sent: their expiry minus their lifetime is not kept, so "now" is used.
ALTER TABLE one_time_codes ADD COLUMN window_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE one_time_codes ADD COLUMN sends_in_window INTEGER DEFAULT 1 NOT NULL;
UPDATE one_time_codes SET window_start = CURRENT_TIMESTAMP WHERE window_start IS NULL;
ALTER TABLE one_time_codes ALTER COLUMN window_start SET NOT NULL;
