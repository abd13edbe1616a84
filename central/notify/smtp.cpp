#include "central/notify/smtp.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>

namespace oneservice::central::notify {
namespace {

struct Upload {
  const std::string& bytes;
  std::size_t sent = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto& upload = *static_cast<Upload*>(user);
  const auto room = size * count;
  const auto left = upload.bytes.size() - upload.sent;
  const auto n = left < room ? left : room;
  std::memcpy(buffer, upload.bytes.data() + upload.sent, n);
  upload.sent += n;
  return n;
}

}  // namespace

SmtpResult send_smtp(const std::string& url, const std::string& from, const std::string& to,
                     const std::string& message) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {false, "libcurl could not start"};
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
      curl_slist_append(nullptr, ("<" + to + ">").c_str()), curl_slist_free_all);
  Upload upload{message};
  char error[CURL_ERROR_SIZE] = {0};
  const auto mail_from = "<" + from + ">";
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl.get(), CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl.get(), CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
  const auto code = curl_easy_perform(curl.get());
  if (code == CURLE_OK) return {true, ""};
  return {false, *error ? std::string(error) : std::string(curl_easy_strerror(code))};
}

}  // namespace oneservice::central::notify
