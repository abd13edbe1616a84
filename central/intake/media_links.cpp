#include "central/intake/media_links.h"

#include <cctype>

#include "central/intake/limits.h"
#include "central/intake/messages.h"

namespace oneservice::central {
namespace {

bool starts_with_ignoring_case(const std::string& text, const std::string& prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

bool is_web_link(const std::string& link) {
  std::size_t host = 0;
  if (starts_with_ignoring_case(link, "https://")) host = 8;
  else if (starts_with_ignoring_case(link, "http://")) host = 7;
  else return false;
  if (host >= link.size() || link[host] == '/') return false;  // no host
  for (const unsigned char c : link)
    if (c <= 0x20 || c == 0x7f) return false;  // spaces and control characters
  return true;
}

}  // namespace

std::optional<std::string> media_link_problem(const std::vector<std::string>& links) {
  if (links.size() > kMaxMediaUrls) return messages::kTooManyMediaUrls;
  for (const auto& link : links) {
    if (link.size() > kMaxMediaUrlLength) return messages::kMediaUrlTooLong;
    if (!is_web_link(link)) return messages::kMediaUrlNotWeb;
  }
  return std::nullopt;
}

}  // namespace oneservice::central
