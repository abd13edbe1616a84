#include "central/notify/mail_message.h"

#include <openssl/evp.h>

#include <ctime>

#include "central/public/email_address.h"
#include "central/public/visit.h"
#include "central/public/words.h"
#include "shared/wording.h"

namespace oneservice::central::notify {
namespace {

// OpenSSL's encoder (EVP_EncodeBlock writes 4 characters for every 3 bytes).
std::string base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

// Base64 in lines of 76, as MIME asks.
std::string base64_lines(const std::string& bytes) {
  const auto encoded = base64(bytes);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

// RFC 2047: a UTF-8 subject as encoded words short enough for one line each,
// never splitting a character.
std::string encoded_subject(const std::string& subject) {
  std::string out, chunk;
  const auto flush = [&] {
    if (chunk.empty()) return;
    out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + base64(chunk) + "?=";
    chunk.clear();
  };
  for (std::size_t i = 0; i < subject.size();) {
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(subject[i]);
    if (lead >= 0xF0) length = 4;
    else if (lead >= 0xE0) length = 3;
    else if (lead >= 0xC0) length = 2;
    if (chunk.size() + length > 42) flush();
    chunk += subject.substr(i, length);
    i += length;
  }
  flush();
  return out;
}

std::string rfc5322_date(TimePoint now) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

}  // namespace

MailText mail_text(const public_pages::Site& site, const i18n::Translator& t, const QueuedMail& mail,
                   const std::string& public_url) {
  MailText text;
  const auto council = t.council(site.catalogue.council_name);
  // The reference the resident was given: the device's, except for reports
  // from the web channel (FixMyStreet and the like), which give the council's.
  const auto reference = mail.channel == "web" ? mail.service_request_id : mail.reference;
  text.tracking_url = public_url + "/track/" + reference + "?lang=" + t.language();
  text.unsubscribe_url = public_url + "/unsubscribe/" + mail.stop_token + "?lang=" + t.language();
  const auto service = public_pages::service_name(site, t, mail.service_code);
  const auto status = public_pages::status_words(t, mail.status);
  const bool received = mail.event == "received";
  if (received) {
    text.subject = format(t.tr("Your request {reference} has reached {council}"),
                          {{"reference", reference}, {"council", council}});
    text.body = format(t.tr("Your request has reached {council}."), {{"council", council}}) + "\n\n";
  } else {
    text.subject = format(t.tr("Your request {reference}: {status}"), {{"reference", reference}, {"status", status}});
    text.body = format(t.tr("There is news about your request to {council}."), {{"council", council}}) + "\n\n";
  }
  text.body += t.tr("Reference:") + " " + reference + "\n";
  text.body += t.tr("What it is about:") + " " + service + "\n";
  text.body += t.tr("Status:") + " " + status + "\n";
  text.body += public_pages::status_explained(t, mail.status) + "\n\n";
  if (!received && !mail.note.empty()) text.body += t.tr("The council wrote:") + "\n" + mail.note + "\n\n";
  text.body += t.tr("See what is happening with it:") + "\n" + text.tracking_url + "\n\n";
  text.body += "-- \n" + t.tr("You get these emails because you gave this address with your request. To stop them, "
                               "open this link:") +
               "\n" + text.unsubscribe_url + "\n";
  return text;
}

MailText sign_in_text(const public_pages::Site& site, const i18n::Translator& t, const SignInMail& mail,
                      const std::string& public_url) {
  MailText text;
  const auto council = t.council(site.catalogue.council_name);
  text.tracking_url = public_url + "/my-requests/sign-in/" + mail.token + "?lang=" + t.language();
  text.subject = format(t.tr("Your link to see your requests to {council}"), {{"council", council}});
  text.body = t.tr("Open this link to see every request you have made with this email address:") + "\n" +
              text.tracking_url + "\n\n" +
              t.tr("The link works once, for the next 30 minutes. If you did not ask for it, you can ignore this "
                   "email: nobody can see your requests without it.") +
              "\n";
  return text;
}

std::string mail_message(const MailText& text, const std::string& from, const std::string& to,
                         const std::string& message_id, TimePoint now) {
  std::string message;
  message += "From: " + from + "\r\n";
  message += "To: " + to + "\r\n";
  message += "Subject: " + encoded_subject(text.subject) + "\r\n";
  message += "Date: " + rfc5322_date(now) + "\r\n";
  message += "Message-ID: <" + message_id + ">\r\n";
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=UTF-8\r\n";
  message += "Content-Transfer-Encoding: base64\r\n";
  message += "Auto-Submitted: auto-generated\r\n";
  message += "List-Unsubscribe: <" + text.unsubscribe_url + ">\r\n";
  message += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  message += "\r\n";
  std::string body;
  for (const char c : text.body) body += c == '\n' ? std::string("\r\n") : std::string(1, c);
  message += base64_lines(body);
  return message;
}

}  // namespace oneservice::central::notify
