#pragma once
// A real SMTP server (tests/central/smtp_sink.py, python3-aiosmtpd) in a
// child process, writing what it accepts to a folder, and a reader of what
// arrived.
#include <sys/types.h>

#include <map>

#include "central/notify/mailer.h"
#include <string>
#include <vector>

namespace oneservice::central::test {

// A loopback port nothing listens on now (bound, then released).
int free_port();

struct ReceivedMail {
  std::string envelope_to;
  std::map<std::string, std::string> headers;  // the first of each, by name as written
  std::string body;                            // decoded (base64 text bodies)
  std::string raw;
};

class SmtpSink {
 public:
  SmtpSink(const std::string& folder, int port);  // returns once it listens
  ~SmtpSink();  // stops it
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

 private:
  pid_t pid_ = -1;
};

// The mailer's options for a sink on this port: from the demo council,
// links to http://track.wealdshire.example, polling every 20 ms, and
// failures tried again at once (the tests' store clock stands still, and a
// sink only just started may drop its very first connection).
notify::MailerOptions mailer_options(int port);

// Every message in the folder, in the order accepted.
std::vector<ReceivedMail> received_mail(const std::string& folder);
// Waits up to 30 s for at least `count` messages.
std::vector<ReceivedMail> wait_for_mail(const std::string& folder, std::size_t count);

}  // namespace oneservice::central::test
