#pragma once
// One email to a resident about their case, in their language: what its
// words say (received; a new status) and the message as SMTP sends it
// (RFC 5322 headers, UTF-8 subject as RFC 2047, a base64 text body, and
// RFC 8058's one-click List-Unsubscribe).
#include <string>

#include "central/i18n/translator.h"
#include "central/public/site.h"
#include "central/public_records.h"

namespace oneservice::central::notify {

struct MailText {
  std::string subject;
  std::string body;  // plain text, lines ending "\n"
  std::string tracking_url, unsubscribe_url;
};

// public_url: where residents reach the public pages ("https://..."), no
// trailing slash.
MailText mail_text(const public_pages::Site& site, const i18n::Translator& t, const QueuedMail& mail,
                   const std::string& public_url);

// The whole message, CRLF line ends. `now` is the Date header's time.
std::string mail_message(const MailText& text, const std::string& from, const std::string& to,
                         const std::string& message_id, TimePoint now);

// The sign-in link a resident asked for (tracking_url holds the link).
MailText sign_in_text(const public_pages::Site& site, const i18n::Translator& t, const SignInMail& mail,
                      const std::string& public_url);

}  // namespace oneservice::central::notify
