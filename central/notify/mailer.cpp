#include "central/notify/mailer.h"

#include <algorithm>
#include <cstdio>

#include "central/notify/mail_message.h"
#include "central/notify/smtp.h"
#include "central/public/email_address.h"

namespace oneservice::central::notify {
namespace {

constexpr std::size_t kBatch = 20;

// "Name <a@b>" -> "a@b"; a bare address stays as it is.
std::string bare_address(const std::string& from) {
  const auto open = from.rfind('<');
  const auto close = from.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open)
    return from.substr(open + 1, close - open - 1);
  return from;
}

}  // namespace

Mailer::Mailer(const public_pages::Site& site, MailerOptions options)
    : site_(site), options_(std::move(options)), from_address_(bare_address(options_.from)) {
  thread_ = std::thread([this] { run(); });
}

Mailer::~Mailer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::chrono::seconds Mailer::retry_after(std::int64_t attempts) const {
  auto wait = options_.first_retry;
  for (std::int64_t i = 0; i < attempts && wait < options_.max_retry; ++i) wait *= 2;
  return std::min(wait, options_.max_retry);
}

std::size_t Mailer::send_due() {
  std::lock_guard<std::mutex> one_pass(pass_mutex_);
  std::size_t sent = 0;
  for (const auto& mail : site_.store.due_mail(kBatch)) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) break;
    }
    if (!public_pages::is_sendable_address(mail.address)) {
      site_.store.mail_failed(mail.id, "not an address an email can be sent to", options_.first_retry, true);
      std::fprintf(stderr, "oneservice-central: email %lld given up: its address cannot be sent to\n",
                   static_cast<long long>(mail.id));
      continue;
    }
    const auto& t = site_.translators.get(mail.language);
    const auto text = mail_text(site_, t, mail, options_.public_url);
    const auto message_id = "case-" + mail.service_request_id + "-mail-" + std::to_string(mail.id) + "@" + domain();
    const auto message = mail_message(text, options_.from, mail.address, message_id, site_.clock.now());
    const auto result = send_smtp(options_.smtp_url, from_address_, mail.address, message);
    if (result.sent) {
      site_.store.mail_sent(mail.id);
      ++sent;
      continue;
    }
    const bool give_up = mail.attempts + 1 >= options_.max_attempts;
    const auto wait = retry_after(mail.attempts);
    site_.store.mail_failed(mail.id, result.error, wait, give_up);
    if (give_up)
      std::fprintf(stderr, "oneservice-central: email %lld given up after %lld tries: %s\n",
                   static_cast<long long>(mail.id), static_cast<long long>(mail.attempts + 1), result.error.c_str());
    else
      std::fprintf(stderr, "oneservice-central: email %lld not sent (%s); trying again in %lld s\n",
                   static_cast<long long>(mail.id), result.error.c_str(), static_cast<long long>(wait.count()));
  }
  return sent + send_sign_in_links();
}

std::string Mailer::domain() const { return from_address_.substr(from_address_.find('@') + 1); }

// The links residents asked for to see their requests: the same relay and
// retries; a link is never sent after it has expired.
std::size_t Mailer::send_sign_in_links() {
  std::size_t sent = 0;
  for (const auto& mail : site_.store.due_sign_in_mail(kBatch)) {
    if (!public_pages::is_sendable_address(mail.address)) {
      site_.store.sign_in_mail_done(mail.id, false, options_.first_retry, true);
      continue;
    }
    const auto& t = site_.translators.get(mail.language);
    const auto text = sign_in_text(site_, t, mail, options_.public_url);
    const auto message = mail_message(text, options_.from, mail.address,
                                      "sign-in-" + std::to_string(mail.id) + "@" + domain(), site_.clock.now());
    const auto result = send_smtp(options_.smtp_url, from_address_, mail.address, message);
    if (result.sent) ++sent;
    else
      std::fprintf(stderr, "oneservice-central: sign-in email %lld not sent (%s)\n", static_cast<long long>(mail.id),
                   result.error.c_str());
    site_.store.sign_in_mail_done(mail.id, result.sent, retry_after(mail.attempts),
                                  !result.sent && mail.attempts + 1 >= options_.max_attempts);
  }
  return sent;
}

void Mailer::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      send_due();
    } catch (const CentralStoreError& error) {
      // The store is busy or failing: the queue keeps every email; try later.
      std::fprintf(stderr, "oneservice-central: the mailer could not read its queue: %s\n", error.what());
    }
    lock.lock();
    wake_.wait_for(lock, options_.poll, [this] { return stopping_; });
  }
}

}  // namespace oneservice::central::notify
