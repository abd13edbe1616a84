#include "central/public/email_address.h"

namespace oneservice::central::public_pages {

bool is_sendable_address(const std::string& address) {
  if (address.size() < 3 || address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == address.size() || address.find('@', at + 1) != std::string::npos)
    return false;
  for (const char c : address) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 32 || byte == 127 || c == '<' || c == '>' || c == '"' || c == '(' || c == ')' || c == ',' ||
        c == ';' || c == '\\')
      return false;
  }
  return true;
}

}  // namespace oneservice::central::public_pages
