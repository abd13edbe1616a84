#include "central/public/resident_cookie.h"

#include "shared/text.h"

namespace oneservice::central::public_pages {

std::string resident_cookie(const std::string& header) {
  const std::string name = std::string(kResidentCookie) + "=";
  std::size_t start = 0;
  while (start < header.size()) {
    const auto end = header.find(';', start);
    const auto item = trim(header.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (item.rfind(name, 0) == 0) return item.substr(name.size());
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return {};
}

}  // namespace oneservice::central::public_pages
