#pragma once
// The mailer: a thread that sends what the store's mail queue holds (the
// triggers of schema step 5 queue one email per event, in the event's own
// transaction), so a create never waits for a relay. Each email is marked
// sent only after the relay took it; a relay that is down or refuses is
// tried again later, waiting twice as long each time (first_retry, up to
// max_retry), and given up on after max_attempts. An address that can never
// be sent to is given up on at once. The log names emails by their queue id,
// never the address.
//
// Exactly once per event is the queue's promise; sending is at least once:
// a server killed after the relay took an email and before it was marked
// sends that email again on restart, with the same Message-ID, by which
// mail systems drop the second.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "central/i18n/translator.h"
#include "central/public/site.h"

namespace oneservice::central::notify {

struct MailerOptions {
  std::string smtp_url;    // smtp://127.0.0.1:25; empty: no mailer
  std::string from;        // "Wealdshire County Council <no-reply@...>"
  std::string public_url;  // where the links in emails point, no trailing slash
  std::chrono::milliseconds poll{1000};
  std::chrono::seconds first_retry{30};
  std::chrono::seconds max_retry{3600};
  int max_attempts = 48;  // about two days of hourly tries after the first hours
};

class Mailer {
 public:
  Mailer(const public_pages::Site& site, MailerOptions options);
  ~Mailer();  // finishes the email being sent, then stops
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;

  // One pass over the emails due now: how many were sent. The thread calls
  // it every poll; tests may too. Passes never overlap (an email read as
  // due by two passes at once would go twice).
  std::size_t send_due();

 private:
  void run();
  std::size_t send_sign_in_links();
  std::string domain() const;  // of the From address, for Message-IDs
  std::chrono::seconds retry_after(std::int64_t attempts) const;

  public_pages::Site site_;
  MailerOptions options_;
  std::string from_address_;  // the bare address inside options_.from
  std::mutex pass_mutex_;  // one pass at a time
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace oneservice::central::notify
