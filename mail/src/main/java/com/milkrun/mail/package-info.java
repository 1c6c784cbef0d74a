/**
 * Email by SMTP for the local deployment ({@link com.milkrun.mail.SmtpEmailSender}): verification codes, password
 * resets and order notifications reach a real mailbox, or a local catcher such as GreenMail or Mailpit in development.
 */
package com.milkrun.mail;
