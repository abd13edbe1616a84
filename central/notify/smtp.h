#pragma once
// Sends one message through the council's SMTP relay with libcurl:
// smtp://host:port (STARTTLS when the relay offers it) or smtps://host:port,
// user and password in the URL when the relay needs them.
#include <string>

namespace oneservice::central::notify {

struct SmtpResult {
  bool sent = false;
  std::string error;  // libcurl's words, for the log; never the address or the text
};

// `from` and `to` are bare addresses. Blocks up to about 60 seconds.
SmtpResult send_smtp(const std::string& url, const std::string& from, const std::string& to,
                     const std::string& message);

}  // namespace oneservice::central::notify
