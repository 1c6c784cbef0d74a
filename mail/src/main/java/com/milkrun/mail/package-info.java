/**
 * Email adapters: by SMTP for the local deployment ({@link com.milkrun.mail.SmtpEmailSender}), so verification codes,
 * password resets and order notifications reach a real mailbox, or a local catcher such as GreenMail or Mailpit in
 * development; and through Amazon SES on AWS ({@link com.milkrun.mail.SesEmailSender}).
 */
package com.milkrun.mail;
